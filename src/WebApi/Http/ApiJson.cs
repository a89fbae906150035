using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SecureMFA.Otp.Json;

namespace SecureMFA.WebApi.Http
{
    /// <summary>
    /// JSON as docs/webapi-protocol.md says, with the kernel's reader and writer (<see cref="JsonReader"/>,
    /// <see cref="JsonWriter"/>), the ones WIN OTP reads and writes with: every body a device signs or verifies is read
    /// and written by one implementation on both sides. Names compared exactly, unknown members ignored, numbers only as
    /// numbers, a member given twice refused (two readers must never disagree on which value counts).
    /// </summary>
    public static class ApiJson
    {
        /// <summary>Writes <paramref name="body"/> as the whole response body: an answer or an <see cref="ApiError"/> body.</summary>
        public static async Task Write(HttpContext context, JsonWriter body)
        {
            var bytes = body.ToUtf8();
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }

        /// <summary>A time as section 1 writes the ones that are not Unix seconds: ISO 8601 UTC, 2026-11-30T10:15:00Z.</summary>
        public static string UtcTime(DateTime utc) =>
            DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>The body read by <paramref name="read"/>, or null when it is not a JSON object of that shape (a member of the wrong type included).</summary>
        public static T? TryRead<T>(byte[] body, Func<JsonObject, T> read) where T : class
        {
            try { return read(JsonReader.ParseObject(body)); }
            catch (JsonFormatException) { return null; }
        }
    }
}
