using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SecureMFA.Otp.Json;

namespace SecureMFA.WebApi.Http
{
    /// <summary>The error codes of docs/webapi-protocol.md, section 9, and the one body shape they share.</summary>
    public static class ApiError
    {
        public const string BadRequest = "bad_request";
        public const string InvalidUpn = "invalid_upn";
        public const string InvalidScenario = "invalid_scenario";
        public const string MissingSignature = "missing_signature";
        public const string MalformedHeader = "malformed_header";
        public const string UnknownDevice = "unknown_device";
        /// <summary>403, signed: the device's own signature verified, and an administrator revoked it.</summary>
        public const string DeviceRevoked = "device_revoked";
        public const string StaleTimestamp = "stale_timestamp";
        public const string BadSignature = "bad_signature";
        public const string ReplayedNonce = "replayed_nonce";
        public const string BadBootstrap = "bad_bootstrap";
        public const string RegistrationClosed = "registration_closed";
        public const string NotFound = "not_found";
        public const string MethodNotAllowed = "method_not_allowed";
        public const string TooLarge = "too_large";
        public const string RateLimited = "rate_limited";
        public const string StoreUnavailable = "store_unavailable";
        public const string Internal = "internal";

        public static Task Write(HttpContext context, int status, string error, string message, long? serverTime = null, TimeSpan? retryAfter = null)
        {
            var response = context.Response;
            response.StatusCode = status;
            if (retryAfter.HasValue)
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            // The one body every error shares; serverTime only where the protocol adds it.
            var body = new JsonWriter().Add("error", error).Add("message", message);
            if (serverTime.HasValue) body.Add("serverTime", serverTime.Value);
            return ApiJson.Write(context, body);
        }
    }
}
