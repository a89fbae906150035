using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Core.Events;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Identity;
using SecureMFA.Otp.Json;
using SecureMFA.Otp.Protocol;
using SecureMFA.WebApi.Hosting;
using SecureMFA.WebApi.Http;
using SecureMFA.WebApi.Limits;
using SecureMFA.WebApi.Signing;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>
    /// POST {base}/v1/otp/recovery-used (section 7b): a device reports the recovery codes it accepted offline, by the
    /// store's hash of each (which it can only have computed from the code the user typed), and the server burns them,
    /// so a code used on a laptop on the train is refused at AD FS from the laptop's next online contact on.
    /// </summary>
    public static class RecoveryUsedEndpoint
    {
        public const int MaxCodes = 20;

        public static async Task Handle(HttpContext context)
        {
            var runtime = context.RequestServices.GetRequiredService<ApiRuntime>();
            var signed = context.Features.Get<SignedRequest>() ?? throw new InvalidOperationException("recovery-used reached without a verified signature");
            var request = ApiJson.TryRead(signed.Body, RecoveryUsedRequest.From);
            var shape = request == null ? "the body is not a JSON object"
                : request.Upn == null ? "upn is missing"
                : request.Machine == null || request.Machine.Length > 256 ? "machine is missing or longer than 256 characters"
                : request.Codes == null || request.Codes.Count == 0 || request.Codes.Count > MaxCodes ? $"codes must hold 1 to {MaxCodes} hashes"
                : request.Codes.Any(c => !IsStoreHash(c)) ? "a code is not 64 lower-case hex digits"
                : null;
            if (shape != null)
            {
                await ApiError.Write(context, StatusCodes.Status400BadRequest, ApiWords.Errors.BadRequest, "The body is not a recovery-used report: " + shape + ".");
                return;
            }
            if (!Upn.TryNormalize(request!.Upn, out var upn, out var upnProblem))
            {
                await ApiError.Write(context, StatusCodes.Status400BadRequest, ApiWords.Errors.InvalidUpn, upnProblem);
                return;
            }
            var wait = context.RequestServices.GetRequiredService<ApiRateLimiters>().Upn(upn);
            if (wait.HasValue)
            {
                await ApiError.Write(context, StatusCodes.Status429TooManyRequests, ApiWords.Errors.RateLimited, "Too many requests for this user; try again later.", retryAfter: wait);
                return;
            }

            var events = new RequestEventSink(runtime.Events, $"WEB API recovery-used report from {request.Machine}, device {signed.Device.Id}");
            var attempt = new LogonAttempt(runtime.Clock.UtcNow, context.Connection.RemoteIpAddress?.ToString(), $"SecureMFA WIN OTP offline, {request.Machine}");
            var burned = 0;
            var result = ApiWords.Results.Accept;
            foreach (var hash in request.Codes!.Distinct(StringComparer.Ordinal))
            {
                var outcome = runtime.Store.UseRecoveryCode(upn, hash, attempt);
                if (outcome == RecoveryCodeOutcome.Accepted) burned++;
                // Locked: nothing is burnt now; the device keeps the codes and reports them again at its next contact.
                else if (outcome == RecoveryCodeOutcome.Locked) { result = ApiWords.Results.Locked; break; }
                else if (outcome == RecoveryCodeOutcome.Disabled) { result = ApiWords.Results.Disabled; break; }
                else if (outcome == RecoveryCodeOutcome.NotFound) { result = ApiWords.Results.NotEnrolled; break; }
            }
            if (burned > 0)
                events.Write(OtpEventId.OtpOk, EventLevel.Warning, $"{burned} recovery code(s) of {upn} used offline on {request.Machine} are now used here too");
            if (result != ApiWords.Results.Accept)
                events.Write(OtpEventId.OtpFailed, EventLevel.Warning, $"Recovery codes of {upn} used offline on {request.Machine} not burnt now: {result}");
            await ApiJson.Write(context, new JsonWriter()
                .Add(ApiWords.Members.Result, result)
                .Add(ApiWords.Members.Burned, burned)
                .Add(ApiWords.Members.ServerTime, new DateTimeOffset(runtime.Clock.UtcNow).ToUnixTimeSeconds()));
        }

        private sealed class RecoveryUsedRequest
        {
            public string? Upn { get; private set; }
            public string? Machine { get; private set; }
            public IReadOnlyList<string>? Codes { get; private set; }

            public static RecoveryUsedRequest From(JsonObject json) => new RecoveryUsedRequest
            {
                Upn = json.String(ApiWords.Members.Upn),
                Machine = json.String(ApiWords.Members.Machine),
                Codes = json.StringArray(ApiWords.Members.Codes),
            };
        }

        private static bool IsStoreHash(string text) => text.Length == 64 && text.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
