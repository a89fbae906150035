using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>One answer of the API, with what a client must check.</summary>
    public sealed class ApiAnswer
    {
        public int Status { get; init; }
        public byte[] Body { get; init; } = Array.Empty<byte>();
        public string? Signature { get; init; }
        public string? Nonce { get; init; }
        public string? RetryAfter { get; init; }
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
        public string? Error => Json.TryGetProperty("error", out var e) ? e.GetString() : null;
        public string? Result => Json.GetProperty("result").GetString();
        public string Text => Encoding.UTF8.GetString(Body);

        /// <summary>True when the response carries the signature section 4 describes, for this device key.</summary>
        public bool IsSignedBy(byte[] deviceKey) => Nonce != null && MessageSignature.VerifyResponse(deviceKey, Nonce, Status, Body, Signature);
    }

    /// <summary>A device as the tests drive it: signs requests (section 3) with its key, or with whatever a test tampers.</summary>
    public sealed class SignedClient
    {
        private readonly HttpClient _http;
        private readonly Func<DateTimeOffset> _now;

        public SignedClient(HttpClient http, string basePath, string deviceId, byte[] key, Func<DateTimeOffset> now)
        {
            _http = http;
            BasePath = basePath;
            DeviceId = deviceId;
            Key = key;
            _now = now;
        }

        public string BasePath { get; }
        public string DeviceId { get; set; }
        public byte[] Key { get; }

        public static async Task<SignedClient> Register(HttpClient http, string basePath, string bootstrap, Func<DateTimeOffset> now, string machine = "PC1")
        {
            var answer = await Register(http, basePath, bootstrap, $"{{\"machine\":\"{machine}\",\"machineSid\":\"S-1-5-21-1-2-3\"}}");
            if (answer.Status != 200) throw new InvalidOperationException("registration failed: " + answer.Text);
            return new SignedClient(http, basePath, answer.Json.GetProperty("deviceId").GetString()!, Convert.FromBase64String(answer.Json.GetProperty("deviceKey").GetString()!), now);
        }

        public static async Task<ApiAnswer> Register(HttpClient http, string basePath, string? bootstrap, string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, basePath + "/v1/devices/register") { Content = Json(Encoding.UTF8.GetBytes(body)) };
            if (bootstrap != null) request.Headers.Add(ApiHeaders.Bootstrap, bootstrap);
            return await Send(http, request, null);
        }

        public Task<ApiAnswer> Self() => Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>());

        public Task<ApiAnswer> Verify(string upn, string code, bool offline = false, int? offlineDays = null, string scenario = "logon") =>
            Send(HttpMethod.Post, "/v1/otp/verify", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { upn, code, scenario, machine = "PC1", offline, offlineDays })));

        public Task<ApiAnswer> VerifyRaw(string json) => Send(HttpMethod.Post, "/v1/otp/verify", Encoding.UTF8.GetBytes(json));

        /// <summary>
        /// A signed request; each part of the signature can be overridden to tamper with it: what is signed
        /// (<paramref name="signedPath"/>, <paramref name="signedBody"/>, <paramref name="signedKey"/>) and what is sent.
        /// </summary>
        /// <param name="timestampText">Sent and signed as it is (e.g. with leading zeros), instead of <paramref name="timestamp"/>.</param>
        public async Task<ApiAnswer> Send(HttpMethod method, string path, byte[] body, string? nonce = null, long? timestamp = null,
            string? signedPath = null, byte[]? signedBody = null, byte[]? signedKey = null, Action<HttpRequestMessage>? tamper = null,
            string? timestampText = null)
        {
            nonce ??= MessageSignature.NewNonce();
            var time = timestampText ?? (timestamp ?? _now().ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var signature = SignAsDocumented(signedKey ?? Key, method.Method, signedPath ?? BasePath + path, time, nonce, signedBody ?? body);
            using var request = new HttpRequestMessage(method, BasePath + path);
            if (method != HttpMethod.Get) request.Content = Json(body);
            request.Headers.Add(ApiHeaders.Device, DeviceId);
            request.Headers.TryAddWithoutValidation(ApiHeaders.Timestamp, time);
            request.Headers.Add(ApiHeaders.Nonce, nonce);
            request.Headers.Add(ApiHeaders.Signature, signature);
            tamper?.Invoke(request);
            return await Send(_http, request, nonce);
        }

        /// <summary>Section 3's string to sign, written out here from the document (the timestamp exactly as sent).</summary>
        public static string SignAsDocumented(byte[] key, string method, string path, string timestamp, string nonce, byte[] body)
        {
            var text = $"SMFA1\n{method.ToUpperInvariant()}\n{path}\n{timestamp}\n{nonce}\n{Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant()}";
            return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
        }

        private static ByteArrayContent Json(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }

        public static async Task<ApiAnswer> Send(HttpClient http, HttpRequestMessage request, string? nonce)
        {
            using var response = await http.SendAsync(request);
            return new ApiAnswer
            {
                Status = (int)response.StatusCode,
                Body = await response.Content.ReadAsByteArrayAsync(),
                Signature = response.Headers.TryGetValues(ApiHeaders.Signature, out var values) ? values.Single() : null,
                RetryAfter = response.Headers.RetryAfter?.ToString(),
                Nonce = nonce,
            };
        }
    }
}
