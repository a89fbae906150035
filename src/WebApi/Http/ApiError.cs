using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.WebApi.Http
{
    /// <summary>The one body shape of the error codes (<see cref="ApiWords.Errors"/>, docs/webapi-protocol.md section 9).</summary>
    public static class ApiError
    {
        /// <summary>The body of every error response; <see cref="ServerTime"/> only where the protocol adds it.</summary>
        public sealed class Body
        {
            public string Error { get; set; } = "";
            public string Message { get; set; } = "";

            [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
            public long? ServerTime { get; set; }
        }

        public static Task Write(HttpContext context, int status, string error, string message, long? serverTime = null, TimeSpan? retryAfter = null)
        {
            var response = context.Response;
            response.StatusCode = status;
            if (retryAfter.HasValue)
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ApiJson.Write(context, new Body { Error = error, Message = message, ServerTime = serverTime });
        }
    }
}
