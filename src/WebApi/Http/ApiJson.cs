using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace SecureMFA.WebApi.Http
{
    /// <summary>
    /// JSON as docs/webapi-protocol.md says: camelCase names compared exactly, unknown properties ignored, numbers only
    /// as numbers, and a property given twice refused (two readers must never disagree on which value counts).
    /// </summary>
    public static class ApiJson
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };

        public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

        /// <summary>Writes <paramref name="value"/> as the whole response body: an answer or an <see cref="ApiError"/> body.</summary>
        public static async Task Write<T>(HttpContext context, T value)
        {
            var bytes = Serialize(value);
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }

        /// <summary>A time as section 1 writes the ones that are not Unix seconds: ISO 8601 UTC, 2026-11-30T10:15:00Z.</summary>
        public static string UtcTime(DateTime utc) =>
            DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>The body as <typeparamref name="T"/>, or null when it is not JSON of that shape.</summary>
        public static T? TryDeserialize<T>(byte[] body) where T : class
        {
            try { return JsonSerializer.Deserialize<T>(body, Options); }
            catch (JsonException) { return null; }
        }
    }
}
