using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using SecureMFA.Otp.Json;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Time;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Api
{
    /// <summary>
    /// The SMFA1 client of docs/webapi-protocol.md. Every request but registration is signed with the device key;
    /// every reply to a signed request is used only after its signature, which binds this request's nonce,
    /// verifies: a missing or wrong signature is <see cref="ApiReplyKind.Unreachable"/>, never an accept or a
    /// reject. No redirect is followed (it would change what was signed and where the code goes). Nothing here
    /// throws for a network or protocol problem; every await is ConfigureAwait(false), so a credential provider
    /// may block on these tasks from its COM thread.
    /// </summary>
    public sealed class WebApiClient : IDisposable
    {
        private const int MaxReplyBytes = 65536;
        private static readonly string[] IsoFormats = { "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" };

        private readonly HttpClient _http;
        private readonly IClock _clock;
        private readonly Func<string> _newNonce;

        /// <param name="handler">The HTTP seam: <see cref="ApiHttpHandler.Create"/> in production, a fake in tests. Disposed with the client.</param>
        /// <param name="nonceSource">Null in production (16 fresh random bytes per request); tests pass the protocol document's nonce to replay its worked example.</param>
        public WebApiClient(ApiEndpoint endpoint, HttpMessageHandler handler, TimeSpan timeout, IClock clock, Func<string>? nonceSource = null)
        {
            _newNonce = nonceSource ?? MessageSignature.NewNonce;
            Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
            if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The API timeout must be positive.");
            Timeout = timeout;
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            // The client's own timeout is off: ours covers the whole call including reading the body.
            _http = new HttpClient(handler ?? throw new ArgumentNullException(nameof(handler)), true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        public ApiEndpoint Endpoint { get; }
        public TimeSpan Timeout { get; }

        /// <summary>
        /// Registers this computer with the bootstrap value (api_headers_value). The bootstrap value is sent once and
        /// kept nowhere; the caller stores the returned key under DPAPI (<see cref="Device.DeviceStore"/>).
        /// </summary>
        public async Task<ApiReply<RegistrationAnswer>> RegisterAsync(string bootstrap, string machine, string machineSid)
        {
            if (string.IsNullOrEmpty(bootstrap)) throw new ArgumentException("The bootstrap value (api_headers_value) is empty.", nameof(bootstrap));
            var body = new JsonWriter().Add(ApiWords.Members.Machine, machine ?? "").Add(ApiWords.Members.MachineSid, machineSid ?? "").ToUtf8();
            var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Resolve(ApiWords.Paths.Register)) { Content = Json(body) };
            request.Headers.TryAddWithoutValidation(ApiHeaders.Bootstrap, bootstrap);

            var exchange = await ExchangeAsync(request).ConfigureAwait(false);
            if (exchange.Failure != null) return ApiReply<RegistrationAnswer>.Unreachable(exchange.Failure.Value, 0, exchange.Detail);
            // Registration replies are not signed (the device has no key yet): only TLS vouches for them.
            if (exchange.Status != 200) return ApiReply<RegistrationAnswer>.Refused(ErrorCodeOf(exchange.Body) ?? $"http_{exchange.Status}", exchange.Status);
            try
            {
                var json = JsonReader.ParseObject(exchange.Body);
                var id = json.RequiredString(ApiWords.Members.DeviceId);
                byte[] key;
                try { key = Convert.FromBase64String(json.RequiredString(ApiWords.Members.DeviceKey)); }
                catch (FormatException) { throw new JsonFormatException("\"deviceKey\" is not base64."); }
                if (!DeviceCredentials.IsDeviceId(id) || key.Length != MessageSignature.DeviceKeyBytes)
                    throw new JsonFormatException("The device id or key is not of the documented form.");
                return ApiReply<RegistrationAnswer>.Answered(new RegistrationAnswer(new DeviceCredentials(id, key), json.RequiredInt64(ApiWords.Members.ServerTime)), 200);
            }
            catch (JsonFormatException e) { return ApiReply<RegistrationAnswer>.Unreachable(ApiFailure.BadReply, 200, $"registration reply: {e.Message}"); }
        }

        /// <summary>GET /v1/devices/self: reachability, the key, and the clock skew.</summary>
        public async Task<ApiReply<DeviceSelfAnswer>> GetSelfAsync(DeviceCredentials device)
        {
            var reply = await SendSignedAsync(device, HttpMethod.Get, ApiWords.Paths.DeviceSelf, null).ConfigureAwait(false);
            if (reply.Failure != null) return ApiReply<DeviceSelfAnswer>.Unreachable(reply.Failure.Value, reply.Status, reply.Detail, reply.UnsignedServerTime);
            if (reply.Status != 200) return NotAnswered<DeviceSelfAnswer>(reply);
            try
            {
                var json = JsonReader.ParseObject(reply.Body);
                var serverTime = json.RequiredInt64(ApiWords.Members.ServerTime);
                return ApiReply<DeviceSelfAnswer>.Answered(new DeviceSelfAnswer
                {
                    DeviceId = json.RequiredString(ApiWords.Members.DeviceId),
                    Machine = json.String(ApiWords.Members.Machine) ?? "",
                    Registered = json.String(ApiWords.Members.Registered) ?? "",
                    ServerTime = serverTime,
                    ClockSkewSeconds = UnixTime.Seconds(_clock.UtcNow) - serverTime,
                }, 200);
            }
            catch (JsonFormatException e) { return ApiReply<DeviceSelfAnswer>.Unreachable(ApiFailure.BadReply, 200, $"devices/self reply: {e.Message}"); }
        }

        /// <summary>POST /v1/otp/verify, optionally asking for an offline package.</summary>
        public async Task<ApiReply<VerifyAnswer>> VerifyAsync(DeviceCredentials device, VerifyRequest verify)
        {
            var writer = new JsonWriter()
                .Add(ApiWords.Members.Upn, verify.Upn)
                .Add(ApiWords.Members.Code, verify.Code)
                .Add(ApiWords.Members.Scenario, verify.Scenario.WireName())
                .Add(ApiWords.Members.Machine, verify.Machine)
                .Add(ApiWords.Members.Offline, verify.Offline);
            if (verify.Offline) writer.Add(ApiWords.Members.OfflineDays, verify.OfflineDays);

            var reply = await SendSignedAsync(device, HttpMethod.Post, ApiWords.Paths.Verify, writer.ToUtf8()).ConfigureAwait(false);
            if (reply.Failure != null) return ApiReply<VerifyAnswer>.Unreachable(reply.Failure.Value, reply.Status, reply.Detail, reply.UnsignedServerTime);
            if (reply.Status != 200) return NotAnswered<VerifyAnswer>(reply);
            try { return ApiReply<VerifyAnswer>.Answered(ParseVerify(JsonReader.ParseObject(reply.Body)), 200); }
            catch (JsonFormatException e) { return ApiReply<VerifyAnswer>.Unreachable(ApiFailure.BadReply, 200, $"verify reply: {e.Message}"); }
        }

        /// <summary>POST /v1/rollout/report: what a report-only tile would have done (section 7a).</summary>
        public async Task<ApiReply<RolloutReportAnswer>> ReportAsync(DeviceCredentials device, RolloutReportRequest report)
        {
            var writer = new JsonWriter();
            if (report.Upn != null) writer.Add(ApiWords.Members.Upn, report.Upn);
            writer.Add(ApiWords.Members.Account, report.Account)
                .Add(ApiWords.Members.Scenario, report.Scenario.WireName())
                .Add(ApiWords.Members.Machine, report.Machine)
                .Add(ApiWords.Members.Outcome, report.Outcome);
            var reply = await SendSignedAsync(device, HttpMethod.Post, ApiWords.Paths.RolloutReport, writer.ToUtf8()).ConfigureAwait(false);
            if (reply.Failure != null) return ApiReply<RolloutReportAnswer>.Unreachable(reply.Failure.Value, reply.Status, reply.Detail, reply.UnsignedServerTime);
            if (reply.Status != 200) return NotAnswered<RolloutReportAnswer>(reply);
            try
            {
                var json = JsonReader.ParseObject(reply.Body);
                return ApiReply<RolloutReportAnswer>.Answered(new RolloutReportAnswer
                {
                    Outcome = json.RequiredString(ApiWords.Members.Outcome),
                    FirstSeen = json.Int64(ApiWords.Members.FirstSeen),
                    Recorded = json.Bool(ApiWords.Members.Recorded) ?? false,
                    ServerTime = json.RequiredInt64(ApiWords.Members.ServerTime),
                }, 200);
            }
            catch (JsonFormatException e) { return ApiReply<RolloutReportAnswer>.Unreachable(ApiFailure.BadReply, 200, $"rollout report reply: {e.Message}"); }
        }

        /// <summary>POST /v1/otp/recovery-used: the store's hashes of recovery codes this computer accepted offline, for the server to burn.</summary>
        public async Task<ApiReply<RecoveryUsedAnswer>> ReportRecoveryUsedAsync(DeviceCredentials device, string upn, string machine, System.Collections.Generic.IEnumerable<string> storeHashes)
        {
            var body = new JsonWriter()
                .Add(ApiWords.Members.Upn, upn)
                .Add(ApiWords.Members.Machine, machine)
                .Add(ApiWords.Members.Codes, storeHashes)
                .ToUtf8();
            var reply = await SendSignedAsync(device, HttpMethod.Post, ApiWords.Paths.RecoveryUsed, body).ConfigureAwait(false);
            if (reply.Failure != null) return ApiReply<RecoveryUsedAnswer>.Unreachable(reply.Failure.Value, reply.Status, reply.Detail, reply.UnsignedServerTime);
            if (reply.Status != 200) return NotAnswered<RecoveryUsedAnswer>(reply);
            try
            {
                var json = JsonReader.ParseObject(reply.Body);
                if (!VerifyResultNames.TryParse(json.String(ApiWords.Members.Result), out var result))
                    throw new JsonFormatException("\"result\" is not one of the documented values.");
                return ApiReply<RecoveryUsedAnswer>.Answered(new RecoveryUsedAnswer
                {
                    Result = result,
                    Burned = json.RequiredInt32(ApiWords.Members.Burned),
                    ServerTime = json.RequiredInt64(ApiWords.Members.ServerTime),
                }, 200);
            }
            catch (JsonFormatException e) { return ApiReply<RecoveryUsedAnswer>.Unreachable(ApiFailure.BadReply, 200, $"recovery-used reply: {e.Message}"); }
        }

        public void Dispose() => _http.Dispose();

        private static VerifyAnswer ParseVerify(JsonObject json)
        {
            if (!VerifyResultNames.TryParse(json.String(ApiWords.Members.Result), out var result))
                throw new JsonFormatException("\"result\" is not one of the documented values.");
            var answer = new VerifyAnswer
            {
                Result = result,
                AttemptsLeft = json.Int32(ApiWords.Members.AttemptsLeft),
                ServerTime = json.RequiredInt64(ApiWords.Members.ServerTime),
                Reason = json.String(ApiWords.Members.Reason),
                DriftSeconds = json.Int32(ApiWords.Members.DriftSeconds),
                FirstSeen = json.Int64(ApiWords.Members.FirstSeen),
                RecoveryCode = json.Bool(ApiWords.Members.RecoveryCode) ?? false,
                RecoveryCodesLeft = json.Int32(ApiWords.Members.RecoveryCodesLeft),
            };
            var lockedUntil = json.String(ApiWords.Members.LockedUntil);
            if (lockedUntil != null)
            {
                if (!DateTime.TryParseExact(lockedUntil, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var until))
                    throw new JsonFormatException("\"lockedUntil\" is not an ISO 8601 UTC time.");
                answer.LockedUntil = until;
            }
            var offline = json.Object(ApiWords.Members.Offline);
            if (offline != null) answer.Offline = OfflinePackage.FromJson(offline);
            return answer;
        }

        /// <summary>A verified non-200: a refusal of the request (4xx) or a server that cannot decide (5xx, offline may help).</summary>
        private static ApiReply<T> NotAnswered<T>(SignedExchange reply) where T : class
        {
            var code = ErrorCodeOf(reply.Body) ?? $"http_{reply.Status}";
            if (reply.Status >= 500) return ApiReply<T>.Unreachable(ApiFailure.ServerError, reply.Status, $"HTTP {reply.Status} {code}");
            if (reply.Status >= 400) return ApiReply<T>.Refused(code, reply.Status);
            return ApiReply<T>.Unreachable(ApiFailure.BadReply, reply.Status, $"unexpected HTTP {reply.Status}");
        }

        private async Task<SignedExchange> SendSignedAsync(DeviceCredentials device, HttpMethod method, string relativePath, byte[]? body)
        {
            var uri = Endpoint.Resolve(relativePath);
            var bytes = body ?? new byte[0];
            var timestamp = UnixTime.Seconds(_clock.UtcNow);
            var nonce = _newNonce();
            var request = new HttpRequestMessage(method, uri);
            if (body != null) request.Content = Json(body);
            request.Headers.TryAddWithoutValidation(ApiHeaders.Device, device.DeviceId);
            request.Headers.TryAddWithoutValidation(ApiHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation(ApiHeaders.Nonce, nonce);
            // The signed path is the one on the wire: Uri.AbsolutePath is the escaped form HttpClient sends.
            request.Headers.TryAddWithoutValidation(ApiHeaders.Signature, MessageSignature.SignRequest(device.Key, method.Method, uri.AbsolutePath, timestamp, nonce, bytes));

            var exchange = await ExchangeAsync(request).ConfigureAwait(false);
            if (exchange.Failure != null) return SignedExchange.Failed(exchange.Failure.Value, 0, exchange.Detail, null);
            if (exchange.Signature == null)
            {
                // Before the server has verified a request it answers unsigned (401s, 413, 429). Such an answer may
                // come from anyone, so it decides nothing; its error code and serverTime only go to the event log.
                var code = ErrorCodeOf(exchange.Body);
                return SignedExchange.Failed(ApiFailure.Unsigned, exchange.Status,
                    $"unsigned HTTP {exchange.Status}{(code != null ? $" {code}" : "")}", ServerTimeOf(exchange.Body));
            }
            if (!MessageSignature.VerifyResponse(device.Key, nonce, exchange.Status, exchange.Body, exchange.Signature))
                return SignedExchange.Failed(ApiFailure.BadSignature, exchange.Status, $"HTTP {exchange.Status} with a response signature that does not verify", null);
            return new SignedExchange(exchange.Status, exchange.Body);
        }

        private async Task<RawExchange> ExchangeAsync(HttpRequestMessage request)
        {
            using (request)
            using (var timeout = new CancellationTokenSource(Timeout))
            {
                try
                {
                    using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
                    // Not every stream honours a cancellation token (.NET Framework's do not): at the timeout the response goes.
                    using (timeout.Token.Register(() => DisposeQuietly(response)))
                    {
                        var body = await ReadBodyAsync(response, timeout.Token).ConfigureAwait(false);
                        string? signature = null;
                        if (response.Headers.TryGetValues(ApiHeaders.Signature, out var values)) signature = values.FirstOrDefault();
                        return new RawExchange((int)response.StatusCode, body, signature);
                    }
                }
                catch (Exception) when (timeout.IsCancellationRequested) { return RawExchange.Failed(ApiFailure.Timeout, $"no answer within {(long)Timeout.TotalMilliseconds} ms"); }
                catch (OperationCanceledException) { return RawExchange.Failed(ApiFailure.Timeout, "the request was cancelled"); }
                catch (HttpRequestException e) { return RawExchange.Failed(ApiFailure.Network, $"network: {Innermost(e).Message}"); }
                catch (IOException e) { return RawExchange.Failed(ApiFailure.Network, $"network: {e.Message}"); }
                catch (InvalidDataException e) { return RawExchange.Failed(ApiFailure.Network, e.Message); }
                catch (Exception e) { return RawExchange.Failed(ApiFailure.Network, $"{e.GetType().Name}: {e.Message}"); }
            }
        }

        private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancel)
        {
            using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var buffer = new MemoryStream())
            {
                var chunk = new byte[8192];
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancel).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > MaxReplyBytes) throw new InvalidDataException($"the reply is larger than {MaxReplyBytes} bytes");
                    buffer.Write(chunk, 0, read);
                }
                return buffer.ToArray();
            }
        }

        /// <summary>
        /// Runs on the timeout's timer thread, where an exception would be unhandled and end the process (LogonUI). A
        /// response that fails while being closed is left as it is: nothing better can be done with it here.
        /// </summary>
        private static void DisposeQuietly(HttpResponseMessage response)
        {
            try { response.Dispose(); }
            catch (Exception) { /* see above */ }
        }

        private static ByteArrayContent Json(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }

        /// <summary>The error body's code when it is one word of a-z and _, else null: what may go to a log.</summary>
        private static string? ErrorCodeOf(byte[] body)
        {
            try
            {
                var code = JsonReader.ParseObject(body).String(ApiWords.Members.Error);
                if (code == null || code.Length == 0 || code.Length > 40) return null;
                foreach (var c in code) if (!((c >= 'a' && c <= 'z') || c == '_')) return null;
                return code;
            }
            catch (JsonFormatException) { return null; }
        }

        private static long? ServerTimeOf(byte[] body)
        {
            try { return JsonReader.ParseObject(body).Int64(ApiWords.Members.ServerTime); }
            catch (JsonFormatException) { return null; }
        }

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }

        private sealed class RawExchange
        {
            public RawExchange(int status, byte[] body, string? signature)
            {
                Status = status;
                Body = body;
                Signature = signature;
                Detail = $"HTTP {status}";
            }

            private RawExchange(ApiFailure failure, string detail)
            {
                Failure = failure;
                Detail = detail;
                Body = new byte[0];
            }

            public int Status { get; }
            public byte[] Body { get; }
            public string? Signature { get; }
            public ApiFailure? Failure { get; }
            public string Detail { get; }

            public static RawExchange Failed(ApiFailure failure, string detail) => new RawExchange(failure, detail);
        }

        private sealed class SignedExchange
        {
            public SignedExchange(int status, byte[] body)
            {
                Status = status;
                Body = body;
                Detail = $"HTTP {status}";
            }

            public int Status { get; private set; }
            public byte[] Body { get; private set; }
            public ApiFailure? Failure { get; private set; }
            public string Detail { get; private set; }
            public long? UnsignedServerTime { get; private set; }

            public static SignedExchange Failed(ApiFailure failure, int status, string detail, long? serverTime) =>
                new SignedExchange(status, new byte[0]) { Failure = failure, Detail = detail, UnsignedServerTime = serverTime };
        }
    }
}
