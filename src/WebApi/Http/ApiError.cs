using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SecureMFA.Otp.Json;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.WebApi.Http
{
    /// <summary>The one body shape of the error codes (<see cref="ApiWords.Errors"/>, docs/webapi-protocol.md section 9).</summary>
    public static class ApiError
    {
        public static Task Write(HttpContext context, int status, string error, string message, long? serverTime = null, TimeSpan? retryAfter = null)
        {
            var response = context.Response;
            response.StatusCode = status;
            if (retryAfter.HasValue)
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            // The one body every error shares; serverTime only where the protocol adds it.
            var body = new JsonWriter().Add(ApiWords.Members.Error, error).Add(ApiWords.Members.Message, message);
            if (serverTime.HasValue) body.Add(ApiWords.Members.ServerTime, serverTime.Value);
            return ApiJson.Write(context, body);
        }
    }
}
