using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SecureMFA.Otp.Json;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Totp;
using SecureMFA.Testing;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    /// <summary>How the fake API misbehaves, for the client's refusal tests.</summary>
    public enum FakeApiMode
    {
        Normal,
        /// <summary>Throws as a refused connection would.</summary>
        Down,
        /// <summary>Never answers until cancelled (a timeout).</summary>
        Hang,
        /// <summary>Answers normally but drops X-SMFA-Signature.</summary>
        StripSignature,
        /// <summary>Answers "accept" to every verify, signed with a key that is not the device's (a forger).</summary>
        ForgeAccept,
        /// <summary>Signed 503 store_unavailable.</summary>
        StoreUnavailable,
        /// <summary>Every signed request is answered 403 device_revoked, signed with a key that is not the device's (a forger).</summary>
        ForgeRevoked,
    }

    /// <summary>
    /// An in-process SecureMFA WEB API written from docs/webapi-protocol.md, as an HttpMessageHandler: registration,
    /// request signatures (timestamp window, nonce replay), response signatures, verify with ±1 step, replay,
    /// lockout, disabled and unknown users, offline packages. No socket, no server: the client's only seam.
    /// </summary>
    public sealed class FakeWebApi : HttpMessageHandler
    {
        public const string Endpoint = "https://awebapi.adatum.labnet/api/securemfaotp";
        public const string BasePath = "/api/securemfaotp";
        private readonly VariableClock _clock;
        private readonly Dictionary<string, long> _nonces = new Dictionary<string, long>(StringComparer.Ordinal);

        public FakeWebApi(VariableClock clock, string bootstrap = "bootstrap-3f9c1d77a2")
        {
            _clock = clock;
            Bootstrap = bootstrap;
        }

        public string Bootstrap { get; set; }
        public Dictionary<string, byte[]> Devices { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        public Dictionary<string, FakeOtpUser> Users { get; } = new Dictionary<string, FakeOtpUser>(StringComparer.Ordinal);
        public int MaxFailures { get; set; } = 5;
        public int LockoutMinutes { get; set; } = 5;
        public int OfflineMaxDays { get; set; } = 30;
        /// <summary>The company: the issuer of the package (the offline entry is named after it).</summary>
        public string Issuer { get; set; } = "Adatum";
        /// <summary>Devices an administrator revoked: answered 403 device_revoked, signed with their key (docs/webapi-protocol.md).</summary>
        public HashSet<string> Revoked { get; } = new HashSet<string>(StringComparer.Ordinal);
        public FakeApiMode Mode { get; set; } = FakeApiMode.Normal;
        public List<FakeApiRequest> Requests { get; } = new List<FakeApiRequest>();

        public FakeOtpUser AddUser(string upn, byte[] secret)
        {
            var user = new FakeOtpUser(upn, secret);
            Users[upn] = user;
            return user;
        }

        /// <summary>The code an authenticator app shows for this user at the clock's time plus <paramref name="steps"/>.</summary>
        public string CodeFor(string upn, int steps = 0)
        {
            var user = Users[upn];
            var step = TotpVerifier.TimeStepAt(_clock.UtcNow, user.Parameters.PeriodSeconds) + steps;
            return HotpCode.Compute(user.Secret, step, user.Parameters.Algorithm, user.Parameters.Digits).ToString(new string('0', user.Parameters.Digits), CultureInfo.InvariantCulture);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content == null ? new byte[0] : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            lock (Requests) Requests.Add(new FakeApiRequest(request, body));
            switch (Mode)
            {
                case FakeApiMode.Down: throw new HttpRequestException("No connection could be made (fake API down).");
                case FakeApiMode.Hang:
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                    break;
            }
            var path = request.RequestUri!.AbsolutePath;
            if (!path.StartsWith(BasePath, StringComparison.Ordinal)) return Error(HttpStatusCode.NotFound, "not_found");
            var route = path.Substring(BasePath.Length);
            if (route == "/v1/devices/register") return request.Method == HttpMethod.Post ? Register(request, body) : Error(HttpStatusCode.MethodNotAllowed, "method_not_allowed");

            // Section 3: the request signature, before anything else.
            var device = Header(request, ApiHeaders.Device);
            var timestampText = Header(request, ApiHeaders.Timestamp);
            var nonce = Header(request, ApiHeaders.Nonce);
            var signature = Header(request, ApiHeaders.Signature);
            if (device == null || timestampText == null || nonce == null || signature == null) return Error(HttpStatusCode.Unauthorized, "missing_signature");
            if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || !MessageSignature.IsWellFormedNonce(nonce)) return Error(HttpStatusCode.Unauthorized, "malformed_header");
            if (!Devices.TryGetValue(device, out var key)) return Error(HttpStatusCode.Unauthorized, "unknown_device");
            var now = _clock.UnixSeconds;
            if (Math.Abs(now - timestamp) > MessageSignature.MaxClockSkewSeconds)
                return Json(HttpStatusCode.Unauthorized, "{\"error\":\"stale_timestamp\",\"message\":\"clock\",\"serverTime\":" + now + "}", null, null);
            if (!MessageSignature.VerifyRequest(key, request.Method.Method, path, timestamp, nonce, body, signature)) return Error(HttpStatusCode.Unauthorized, "bad_signature");
            lock (_nonces)
            {
                foreach (var old in _nonces.Where(n => n.Value < now - MessageSignature.NonceLifetimeSeconds).Select(n => n.Key).ToList()) _nonces.Remove(old);
                if (_nonces.ContainsKey(device + "|" + nonce)) return Error(HttpStatusCode.Unauthorized, "replayed_nonce");
                _nonces[device + "|" + nonce] = now;
            }

            // Signed from here on (section 4).
            if (Revoked.Contains(device)) return Json(HttpStatusCode.Forbidden, "{\"error\":\"device_revoked\",\"message\":\"revoked\"}", key, nonce);
            if (Mode == FakeApiMode.ForgeRevoked) return Json(HttpStatusCode.Forbidden, "{\"error\":\"device_revoked\",\"message\":\"revoked\"}", FakeMachineProtection.RandomBytes(32), nonce);
            if (Mode == FakeApiMode.StoreUnavailable) return Json((HttpStatusCode)503, "{\"error\":\"store_unavailable\",\"message\":\"store\"}", key, nonce);
            if (route == "/v1/devices/self" && request.Method == HttpMethod.Get)
                return Json(HttpStatusCode.OK, "{\"deviceId\":\"" + device + "\",\"machine\":\"PC1\",\"registered\":\"2026-11-30T09:00:00Z\",\"serverTime\":" + now + "}", key, nonce);
            if (route == "/v1/otp/verify" && request.Method == HttpMethod.Post) return Verify(body, device, key, nonce, now);
            return Json(HttpStatusCode.NotFound, "{\"error\":\"not_found\",\"message\":\"no such path\"}", key, nonce);
        }

        private HttpResponseMessage Register(HttpRequestMessage request, byte[] body)
        {
            if (Header(request, ApiHeaders.Bootstrap) != Bootstrap) return Error(HttpStatusCode.Unauthorized, "bad_bootstrap");
            JsonObject json;
            try { json = JsonReader.ParseObject(body); }
            catch (JsonFormatException) { return Error(HttpStatusCode.BadRequest, "bad_request"); }
            if (string.IsNullOrEmpty(json.String("machine"))) return Error(HttpStatusCode.BadRequest, "bad_request");
            var id = "dev-" + (Devices.Count + 1).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            var key = FakeMachineProtection.RandomBytes(32);
            Devices[id] = key;
            return Json(HttpStatusCode.OK, "{\"deviceId\":\"" + id + "\",\"deviceKey\":\"" + Convert.ToBase64String(key) + "\",\"serverTime\":" + _clock.UnixSeconds + "}", null, null);
        }

        private HttpResponseMessage Verify(byte[] body, string deviceId, byte[] key, string nonce, long now)
        {
            string upn, code;
            bool offline;
            int? offlineDays;
            try
            {
                var json = JsonReader.ParseObject(body);
                upn = json.RequiredString("upn");
                code = json.RequiredString("code");
                var scenario = json.RequiredString("scenario");
                if (scenario != "logon" && scenario != "unlock" && scenario != "rdp" && scenario != "credui")
                    return Json(HttpStatusCode.BadRequest, "{\"error\":\"invalid_scenario\",\"message\":\"scenario\"}", key, nonce);
                json.RequiredString("machine");
                offline = json.Bool("offline") ?? false;
                offlineDays = json.Int32("offlineDays");
            }
            catch (JsonFormatException) { return Json(HttpStatusCode.BadRequest, "{\"error\":\"bad_request\",\"message\":\"body\"}", key, nonce); }
            if (upn.Length == 0 || upn.Length > 256 || upn != upn.ToLowerInvariant()) return Json(HttpStatusCode.BadRequest, "{\"error\":\"invalid_upn\",\"message\":\"upn\"}", key, nonce);

            if (!Users.TryGetValue(upn, out var user)) return Result(key, nonce, now, "not_enrolled");
            if (user.Disabled) return Result(key, nonce, now, "disabled");
            if (user.LockedUntil > now) return Result(key, nonce, now, "locked", lockedUntil: user.LockedUntil);

            var typed = TypedCode.Digits(code, user.Parameters.Digits);
            // As the real API (docs/webapi-protocol.md, "malformed"): not counted, so nothing to say about attempts.
            if (typed == null) return Result(key, nonce, now, "reject", reason: "malformed");
            var current = TotpVerifier.TimeStepAt(_clock.UtcNow, user.Parameters.PeriodSeconds);
            long matched = -1;
            for (var step = current - 1; step <= current + 1; step++)
                if (HotpCode.Compute(user.Secret, step, user.Parameters.Algorithm, user.Parameters.Digits).ToString(new string('0', user.Parameters.Digits), CultureInfo.InvariantCulture) == new string(typed))
                    matched = Math.Max(matched, step);
            if (matched >= 0 && matched <= user.LastStep) return Result(key, nonce, now, "replay");
            if (matched < 0)
            {
                user.Failures++;
                if (MaxFailures > 0 && user.Failures >= MaxFailures) user.LockedUntil = now + LockoutMinutes * 60L;
                return Result(key, nonce, now, "reject", attemptsLeft: Math.Max(0, MaxFailures - user.Failures));
            }
            user.LastStep = matched;
            user.Failures = 0;
            string offlineJson = "null";
            if (offline && OfflineMaxDays > 0)
            {
                var days = Math.Min(offlineDays ?? OfflineMaxDays, OfflineMaxDays);
                var package = new OfflinePackage
                {
                    Upn = upn,
                    Issuer = Issuer,
                    Alg = user.Parameters.Algorithm.ToString(),
                    Digits = user.Parameters.Digits,
                    Period = user.Parameters.PeriodSeconds,
                    ValidUntil = now + days * 86400L,
                    MaxFailures = MaxFailures,
                    LockoutMinutes = LockoutMinutes,
                    LastStep = matched,
                };
                // As the real API: the offline secret of this user on this device, never the user's own.
                package.WrappedSecret = OfflineSecretWrap.Wrap(key, package, OfflineSecret.Derive(user.Secret, deviceId));
                offlineJson = "{\"v\":3,\"upn\":\"" + package.Upn + "\",\"issuer\":\"" + package.Issuer + "\",\"alg\":\"" + package.Alg + "\",\"digits\":" + package.Digits + ",\"period\":" + package.Period +
                    ",\"validUntil\":" + package.ValidUntil + ",\"maxFailures\":" + package.MaxFailures + ",\"lockoutMinutes\":" + package.LockoutMinutes +
                    ",\"lastStep\":" + package.LastStep + ",\"wrappedSecret\":\"" + package.WrappedSecret + "\"}";
            }
            return Result(key, nonce, now, "accept", offlineJson: offlineJson);
        }

        private HttpResponseMessage Result(byte[] key, string nonce, long now, string result, string? reason = null, int? attemptsLeft = null, long? lockedUntil = null, string offlineJson = "null")
        {
            var locked = lockedUntil.HasValue ? "\"" + UnixTime.ToDateTime(lockedUntil.Value).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\"" : "null";
            var text = "{\"result\":\"" + result + "\",\"lockedUntil\":" + locked + ",\"attemptsLeft\":" + (attemptsLeft.HasValue ? attemptsLeft.Value.ToString(CultureInfo.InvariantCulture) : "null") +
                ",\"serverTime\":" + now + (reason != null ? ",\"reason\":\"" + reason + "\"" : "") + ",\"offline\":" + offlineJson + "}";
            if (Mode == FakeApiMode.ForgeAccept)
            {
                text = "{\"result\":\"accept\",\"lockedUntil\":null,\"attemptsLeft\":null,\"serverTime\":" + now + ",\"offline\":null}";
                return Json(HttpStatusCode.OK, text, FakeMachineProtection.RandomBytes(32), nonce);
            }
            return Json(HttpStatusCode.OK, text, key, nonce);
        }

        private HttpResponseMessage Error(HttpStatusCode status, string code) => Json(status, "{\"error\":\"" + code + "\",\"message\":\"" + code + "\"}", null, null);

        private HttpResponseMessage Json(HttpStatusCode status, string text, byte[]? key, string? nonce)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(bytes) };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            if (key != null && nonce != null && Mode != FakeApiMode.StripSignature)
                response.Headers.TryAddWithoutValidation(ApiHeaders.Signature, MessageSignature.SignResponse(key, nonce, (int)status, bytes));
            return response;
        }

        private static string? Header(HttpRequestMessage request, string name) =>
            request.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
    }

    public sealed class FakeOtpUser
    {
        public FakeOtpUser(string upn, byte[] secret)
        {
            Upn = upn;
            Secret = secret;
        }

        public string Upn { get; }
        public byte[] Secret { get; }
        public TotpParameters Parameters { get; set; } = TotpParameters.Default;
        public long LastStep { get; set; } = -1;
        public int Failures { get; set; }
        public long LockedUntil { get; set; }
        public bool Disabled { get; set; }
    }

    /// <summary>What the client sent, kept for assertions.</summary>
    public sealed class FakeApiRequest
    {
        public FakeApiRequest(HttpRequestMessage request, byte[] body)
        {
            Method = request.Method.Method;
            Uri = request.RequestUri!;
            Body = body;
            Headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            ContentType = request.Content?.Headers.ContentType?.ToString();
        }

        public string Method { get; }
        public Uri Uri { get; }
        public byte[] Body { get; }
        public Dictionary<string, string> Headers { get; }
        public string? ContentType { get; }
        public string BodyText => Encoding.UTF8.GetString(Body);
    }
}
