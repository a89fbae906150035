using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SecureMFA.Core.Events;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Protocol;
using SecureMFA.WebApi.Hosting;

namespace SecureMFA.WebApi.Http
{
    /// <summary>
    /// Every response body is JSON: the framework's empty 404 and 405 get the protocol's error body, and an exception
    /// outside the signed part of the pipeline becomes 503 store_unavailable or 500 internal, with the details in
    /// an event only (never in the response).
    /// </summary>
    public sealed class JsonErrorsMiddleware
    {
        private readonly RequestDelegate _next;
        private readonly ApiRuntime _runtime;

        public JsonErrorsMiddleware(RequestDelegate next, ApiRuntime runtime)
        {
            _next = next;
            _runtime = runtime;
        }

        public async Task InvokeAsync(HttpContext context)
        {
            try
            {
                await _next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                context.Response.Clear();
                await WriteFailure(context, ex, _runtime.Events);
                return;
            }
            if (context.Response.HasStarted || context.Response.ContentLength > 0 || context.Response.ContentType != null) return;
            if (context.Response.StatusCode == StatusCodes.Status404NotFound)
                await ApiError.Write(context, StatusCodes.Status404NotFound, ApiWords.Errors.NotFound, "There is no such path in this API.");
            else if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
                await ApiError.Write(context, StatusCodes.Status405MethodNotAllowed, ApiWords.Errors.MethodNotAllowed, "This path does not take that HTTP method.");
        }

        /// <summary>The one place an exception becomes a response: 503 when the store is down, 500 otherwise.</summary>
        public static Task WriteFailure(HttpContext context, Exception ex, IEventSink events)
        {
            if (ex is StoreUnavailableException)
            {
                events.Write(OtpEventId.ProviderFailed, EventLevel.Error, $"{context.Request.Method} {context.Request.Path}: the store cannot be reached: {ex.Message}");
                return ApiError.Write(context, StatusCodes.Status503ServiceUnavailable, ApiWords.Errors.StoreUnavailable, "The user store cannot be reached; try again later.");
            }
            events.Write(OtpEventId.ProviderFailed, EventLevel.Error, $"{context.Request.Method} {context.Request.Path} failed: {ex.GetType().Name}: {ex.Message}");
            return ApiError.Write(context, StatusCodes.Status500InternalServerError, ApiWords.Errors.Internal, "The request failed; the details are in the server's event log.");
        }
    }
}
