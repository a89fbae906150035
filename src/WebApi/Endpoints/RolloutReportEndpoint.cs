using System;
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
    /// POST {base}/v1/rollout/report (section 7a): a report-only tile says what it would have done; kept per user,
    /// device and outcome for Get-xOTP_RolloutReadiness. A code_required for a UPN without a confirmed OTP account is
    /// kept as not_enrolled, so the tile need not ask first. Never counts toward a lockout, changes no user.
    /// </summary>
    public static class RolloutReportEndpoint
    {
        public const int MaxAccountLength = 256;

        public static async Task Handle(HttpContext context)
        {
            var runtime = context.RequestServices.GetRequiredService<ApiRuntime>();
            var signed = context.Features.Get<SignedRequest>() ?? throw new InvalidOperationException("rollout report reached without a verified signature");
            var request = ApiJson.TryRead(signed.Body, RolloutReportRequest.From);
            var shape = request == null ? "the body is not a JSON object" : request.ShapeProblem();
            if (shape != null)
            {
                await ApiError.Write(context, StatusCodes.Status400BadRequest, ApiWords.Errors.BadRequest, "The body is not a rollout report: " + shape + ".");
                return;
            }
            string? upn = null;
            if (request!.Upn != null && !Upn.TryNormalize(request.Upn, out upn, out var upnProblem))
            {
                await ApiError.Write(context, StatusCodes.Status400BadRequest, ApiWords.Errors.InvalidUpn, upnProblem);
                return;
            }
            if (!ApiWords.Scenarios.All.Contains(request.Scenario, StringComparer.Ordinal))
            {
                await ApiError.Write(context, StatusCodes.Status400BadRequest, ApiWords.Errors.InvalidScenario, "scenario must be logon, unlock, rdp or credui.");
                return;
            }
            // The same per-user budget as a verify: a report is no cheaper way to ask about a UPN.
            var wait = context.RequestServices.GetRequiredService<ApiRateLimiters>().Upn(upn ?? request.Account!.ToLowerInvariant());
            if (wait.HasValue)
            {
                await ApiError.Write(context, StatusCodes.Status429TooManyRequests, ApiWords.Errors.RateLimited, "Too many requests for this user; try again later.", retryAfter: wait);
                return;
            }

            var device = signed.Device;
            var events = new RequestEventSink(runtime.Events, $"WEB API rollout report, {request.Scenario} on {request.Machine}, device {device.Id}");
            var outcome = request.Outcome!;
            long? firstSeen = null;
            if (upn != null && (outcome == ApiWords.RolloutOutcomes.CodeRequired || outcome == ApiWords.RolloutOutcomes.NotEnrolled))
            {
                var user = runtime.Store.Find(upn);
                outcome = user != null && user.Enrolled ? ApiWords.RolloutOutcomes.CodeRequired : ApiWords.RolloutOutcomes.NotEnrolled;
                if (outcome == ApiWords.RolloutOutcomes.NotEnrolled) firstSeen = UnenrolledAnswer.FirstSeen(runtime, upn, events);
            }
            var recorded = runtime.Rollout.Record(new RolloutReport
            {
                User = upn ?? request.Account!,
                Mapped = upn != null,
                DeviceId = device.Id,
                Machine = request.Machine!,
                Scenario = request.Scenario!,
                Outcome = outcome,
            }, runtime.Clock.UtcNow);
            events.Write(OtpEventId.ProviderOk, EventLevel.Information, $"Report-only: {upn ?? request.Account} would have been {outcome}{(recorded ? "" : " (not kept: this store keeps no rollout reports)")}.");

            var json = new JsonWriter().Add(ApiWords.Members.Outcome, outcome);
            if (firstSeen.HasValue) json.Add(ApiWords.Members.FirstSeen, firstSeen.Value);
            json.Add(ApiWords.Members.Recorded, recorded).Add(ApiWords.Members.ServerTime, new DateTimeOffset(runtime.Clock.UtcNow).ToUnixTimeSeconds());
            await ApiJson.Write(context, json);
        }
    }

    /// <summary>The body of POST {base}/v1/rollout/report (section 7a).</summary>
    public sealed class RolloutReportRequest
    {
        public string? Upn { get; set; }
        public string? Account { get; set; }
        public string? Scenario { get; set; }
        public string? Machine { get; set; }
        public string? Outcome { get; set; }

        public static RolloutReportRequest From(JsonObject json) => new RolloutReportRequest
        {
            Upn = json.String(ApiWords.Members.Upn),
            Account = json.String(ApiWords.Members.Account),
            Scenario = json.String(ApiWords.Members.Scenario),
            Machine = json.String(ApiWords.Members.Machine),
            Outcome = json.String(ApiWords.Members.Outcome),
        };

        public string? ShapeProblem()
        {
            if (Account == null || Account.Length == 0) return "account is missing";
            if (Account.Length > RolloutReportEndpoint.MaxAccountLength) return "account is longer than 256 characters";
            if (Scenario == null) return "scenario is missing";
            if (Machine == null) return "machine is missing";
            if (Machine.Length > 256) return "machine is longer than 256 characters";
            if (Outcome == null) return "outcome is missing";
            if (!ApiWords.RolloutOutcomes.All.Contains(Outcome, StringComparer.Ordinal))
                return $"outcome must be one of {string.Join(", ", ApiWords.RolloutOutcomes.All)}";
            if (Upn == null && Outcome != ApiWords.RolloutOutcomes.IdentityNotMapped && Outcome != ApiWords.RolloutOutcomes.OfflineNotReady && Outcome != ApiWords.RolloutOutcomes.Excluded)
                return "upn is missing";
            return null;
        }
    }
}
