using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.WebApi.Http
{
    /// <summary>Reads a request body of at most <see cref="MaxBytes"/>, whatever server hosts the API (Kestrel, IIS, tests).</summary>
    public static class RequestBody
    {
        public const int MaxBytes = 8192;

        /// <summary>The body's bytes exactly as sent, or null after answering 413 too_large (or 400 bad_request when it is not valid HTTP).</summary>
        public static async Task<byte[]?> Read(HttpContext context)
        {
            var request = context.Request;
            if (request.ContentLength > MaxBytes) return await TooLarge(context);
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (limit != null && !limit.IsReadOnly) limit.MaxRequestBodySize = MaxBytes;

            using var buffer = new MemoryStream();
            var chunk = new byte[4096];
            try
            {
                int read;
                while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > MaxBytes) return await TooLarge(context);
                    buffer.Write(chunk, 0, read);
                }
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return await TooLarge(context);
            }
            catch (BadHttpRequestException)
            {
                // Broken framing (a bad chunk, less than Content-Length promised): the client's fault, answered before any
                // signature check, so neither a 500 nor an error event an anonymous caller could repeat at will.
                await ApiError.Write(context, StatusCodes.Status400BadRequest, ApiWords.Errors.BadRequest, "The request body cannot be read: its chunked encoding or length is broken.");
                return null;
            }
            return buffer.ToArray();
        }

        private static async Task<byte[]?> TooLarge(HttpContext context)
        {
            await ApiError.Write(context, StatusCodes.Status413PayloadTooLarge, ApiWords.Errors.TooLarge, $"The request body is larger than {MaxBytes} bytes.");
            return null;
        }
    }
}
