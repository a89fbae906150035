using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Core.Events;
using SecureMFA.Core.SignIn;
using SecureMFA.Otp.Identity;
using SecureMFA.Otp.Json;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Recovery;
using SecureMFA.WebApi.Hosting;
using SecureMFA.WebApi.Http;
using SecureMFA.WebApi.Limits;
using SecureMFA.WebApi.Signing;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>
    /// POST {base}/v1/otp/verify (section 7): the code goes through Core's OtpSignIn, the same logic the AD FS adapter
    /// runs on the same store, so replay and lockout are one state for both.
    /// </summary>
    public static class VerifyEndpoint
    {
        public static async Task Handle(HttpContext context)
        {
            var runtime = context.RequestServices.GetRequiredService<ApiRuntime>();
            var signed = context.Features.Get<SignedRequest>() ?? throw new InvalidOperationException("verify reached without a verified signature");
            var request = ApiJson.TryRead(signed.Body, VerifyRequest.From);
            var shape = request == null ? "the body is not a JSON object" : ShapeProblem(request);
            if (shape != null)
            {
                await ApiError.Write(context, StatusCodes.Status400BadRequest, ApiWords.Errors.BadRequest, "The body is not a verify request: " + shape + ".");
                return;
            }
            // The spelling as sent: one user has one spelling up to letter case, so the per-UPN limit and the lockout
            // cannot be dodged by writing the same name another way.
            if (!Upn.TryNormalize(request!.Upn, out var upn, out var upnProblem))
            {
                await ApiError.Write(context, StatusCodes.Status400BadRequest, ApiWords.Errors.InvalidUpn, upnProblem);
                return;
            }
            if (!ApiWords.Scenarios.All.Contains(request.Scenario, StringComparer.Ordinal))
            {
                await ApiError.Write(context, StatusCodes.Status400BadRequest, ApiWords.Errors.InvalidScenario, "scenario must be logon, unlock, rdp or credui.");
                return;
            }
            var wait = context.RequestServices.GetRequiredService<ApiRateLimiters>().Upn(upn);
            if (wait.HasValue)
            {
                await ApiError.Write(context, StatusCodes.Status429TooManyRequests, ApiWords.Errors.RateLimited, "Too many verifications for this user; try again later.", retryAfter: wait);
                return;
            }

            var device = signed.Device;
            var origin = $"WEB API {request.Scenario} on {request.Machine}, device {device.Id}";
            var events = new RequestEventSink(runtime.Events, origin);
            var signIn = new OtpSignIn(runtime.Config, runtime.Store, runtime.Protector, events, runtime.Clock);
            // A recovery code is told from a TOTP code by its form alone (16 letters and digits against 6 or 8 digits).
            var result = RecoveryCodeText.Normalize(request.Code) != null
                ? signIn.VerifyRecoveryCode(upn, request.Code, context.Connection.RemoteIpAddress, "SecureMFA WIN OTP " + origin)
                : signIn.Verify(upn, request.Code, context.Connection.RemoteIpAddress, "SecureMFA WIN OTP " + origin, signed.Nonce);
            var serverTime = new DateTimeOffset(runtime.Clock.UtcNow).ToUnixTimeSeconds();
            var response = VerifyResultMapping.ToResponse(result, serverTime);
            UnenrolledAnswer.Complete(response, result.Outcome, request.Code, runtime, upn, events);
            WriteRefusalEvent(events, result.Outcome, upn, context);

            if (result.Succeeded && request.Offline == true && result.AcceptedStep.HasValue)
            {
                response.Offline = OfflinePackageIssuer.Issue(runtime.Config, runtime.Store, runtime.Protector, signed.DeviceKey, device.Id, upn,
                    result.AcceptedStep.Value, request.OfflineDays, serverTime);
                if (response.Offline != null)
                    events.Write(OtpEventId.OtpOk, EventLevel.Information,
                        $"Offline package for {upn} issued, valid until {DateTimeOffset.FromUnixTimeSeconds(response.Offline.ValidUntil):u}");
            }
            await ApiJson.Write(context, response.ToJson());
        }

        private static string? ShapeProblem(VerifyRequest r)
        {
            if (r.Upn == null) return "upn is missing";
            if (r.Code == null) return "code is missing";
            if (r.Scenario == null) return "scenario is missing";
            if (r.Machine == null) return "machine is missing";
            if (r.Machine.Length > 256) return "machine is longer than 256 characters";
            if (r.Code.Length > 64) return "code is longer than 64 characters";
            if (r.OfflineDays < 0) return "offlineDays is negative";
            return null;
        }

        /// <summary>Refusals OtpSignIn does not log itself (it logs wrong codes, replays and new locks).</summary>
        private static void WriteRefusalEvent(RequestEventSink events, VerifyOutcome outcome, string upn, HttpContext context)
        {
            var address = context.Connection.RemoteIpAddress?.ToString();
            var what = outcome switch
            {
                VerifyOutcome.UnknownUser => "not enrolled",
                VerifyOutcome.Disabled => "OTP sign-in is disabled",
                VerifyOutcome.Malformed => "not a code (wrong number of digits; not counted)",
                _ => null,
            };
            if (what != null) events.Write(OtpEventId.OtpFailed, EventLevel.Warning, $"OTP refused for {upn} from {address}: {what}");
        }
    }

    /// <summary>The body of POST {base}/v1/otp/verify (section 7).</summary>
    public sealed class VerifyRequest
    {
        public string? Upn { get; set; }
        public string? Code { get; set; }
        public string? Scenario { get; set; }
        public string? Machine { get; set; }
        public bool? Offline { get; set; }
        public int? OfflineDays { get; set; }

        /// <summary>The members as WIN OTP's client writes them; one of the wrong type is a <see cref="JsonFormatException"/>.</summary>
        public static VerifyRequest From(JsonObject json) => new VerifyRequest
        {
            Upn = json.String(ApiWords.Members.Upn),
            Code = json.String(ApiWords.Members.Code),
            Scenario = json.String(ApiWords.Members.Scenario),
            Machine = json.String(ApiWords.Members.Machine),
            Offline = json.Bool(ApiWords.Members.Offline),
            OfflineDays = json.Int32(ApiWords.Members.OfflineDays),
        };
    }

    /// <summary>The 200 answer of POST {base}/v1/otp/verify (section 7): clients decide on <see cref="Result"/> (<see cref="ApiWords.Results"/>) only.</summary>
    public sealed class VerifyResponse
    {
        public string Result { get; set; } = "";

        /// <summary><see cref="ApiWords.Reasons"/>; absent otherwise.</summary>
        public string? Reason { get; set; }

        /// <summary>With clock_drift: how far the phone's clock is off, positive when ahead.</summary>
        public int? DriftSeconds { get; set; }

        /// <summary>ISO 8601 UTC, with locked.</summary>
        public string? LockedUntil { get; set; }
        public int? AttemptsLeft { get; set; }
        public long ServerTime { get; set; }
        public OfflinePackage? Offline { get; set; }
        /// <summary>True when the code was a one-time recovery code; then <see cref="RecoveryCodesLeft"/> after an accept.</summary>
        public bool RecoveryCode { get; set; }
        public int? RecoveryCodesLeft { get; set; }

        /// <summary>With not_enrolled: when the API first saw the user (Unix seconds), when the store keeps it.</summary>
        public long? FirstSeen { get; set; }

        /// <summary>
        /// The body: reason and driftSeconds only when set; lockedUntil, attemptsLeft and offline always, null when not
        /// set (as section 7 shows them).
        /// </summary>
        public JsonWriter ToJson()
        {
            var json = new JsonWriter().Add(ApiWords.Members.Result, Result);
            if (Reason != null) json.Add(ApiWords.Members.Reason, Reason);
            if (DriftSeconds.HasValue) json.Add(ApiWords.Members.DriftSeconds, DriftSeconds.Value);
            if (LockedUntil != null) json.Add(ApiWords.Members.LockedUntil, LockedUntil); else json.AddNull(ApiWords.Members.LockedUntil);
            if (AttemptsLeft.HasValue) json.Add(ApiWords.Members.AttemptsLeft, AttemptsLeft.Value); else json.AddNull(ApiWords.Members.AttemptsLeft);
            json.Add(ApiWords.Members.ServerTime, ServerTime);
            if (Offline != null) json.Add(ApiWords.Members.Offline, Offline.ToJson()); else json.AddNull(ApiWords.Members.Offline);
            if (FirstSeen.HasValue) json.Add(ApiWords.Members.FirstSeen, FirstSeen.Value);
            if (RecoveryCode) json.Add(ApiWords.Members.RecoveryCode, true);
            if (RecoveryCodesLeft.HasValue) json.Add(ApiWords.Members.RecoveryCodesLeft, RecoveryCodesLeft.Value);
            return json;
        }
    }

    /// <summary>Core's VerifyOutcome in the protocol's words (section 7).</summary>
    public static class VerifyResultMapping
    {
        public static VerifyResponse ToResponse(VerifyResult result, long serverTime)
        {
            var response = result.Outcome switch
            {
                VerifyOutcome.Success => new VerifyResponse { Result = ApiWords.Results.Accept },
                VerifyOutcome.WrongCode => new VerifyResponse { Result = ApiWords.Results.Reject, AttemptsLeft = result.AttemptsLeft },
                VerifyOutcome.ClockDrift => new VerifyResponse
                {
                    Result = ApiWords.Results.Reject, Reason = ApiWords.Reasons.ClockDrift, DriftSeconds = result.DriftSeconds, AttemptsLeft = result.AttemptsLeft,
                },
                // Not counted: nothing to say about attempts.
                VerifyOutcome.Malformed => new VerifyResponse { Result = ApiWords.Results.Reject, Reason = ApiWords.Reasons.Malformed },
                VerifyOutcome.Replayed => new VerifyResponse { Result = ApiWords.Results.Replay, AttemptsLeft = result.AttemptsLeft },
                VerifyOutcome.Locked => new VerifyResponse
                {
                    Result = ApiWords.Results.Locked, LockedUntil = result.LockedUntil.HasValue ? ApiJson.UtcTime(result.LockedUntil.Value) : null,
                },
                VerifyOutcome.Disabled => new VerifyResponse { Result = ApiWords.Results.Disabled },
                _ => new VerifyResponse { Result = ApiWords.Results.NotEnrolled },
            };
            response.ServerTime = serverTime;
            response.RecoveryCode = result.RecoveryCode;
            response.RecoveryCodesLeft = result.RecoveryCode && result.Outcome == VerifyOutcome.Success ? result.RecoveryCodesLeft : null;
            return response;
        }
    }

    /// <summary>Adds where a verification came from (scenario, computer, device) to the sign-in's own events.</summary>
    public sealed class RequestEventSink : IEventSink
    {
        private readonly IEventSink _inner;
        private readonly string _origin;

        public RequestEventSink(IEventSink inner, string origin)
        {
            _inner = inner;
            _origin = origin;
        }

        public void Write(OtpEventId id, EventLevel level, string message) => _inner.Write(id, level, message.TrimEnd('.') + " [" + _origin + "].");
    }
}
