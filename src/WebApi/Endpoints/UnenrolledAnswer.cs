using System;
using SecureMFA.Core.Events;
using SecureMFA.Core.SignIn;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Protocol;
using SecureMFA.WebApi.Hosting;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>
    /// A verify for a user who has no OTP account, or one never confirmed and no code (docs/webapi-protocol.md, "Users
    /// not yet enrolled"): not_enrolled, with when the API first saw the user, kept in the store beside the devices so
    /// a grace period counts from the same time on every server of a farm.
    /// </summary>
    public static class UnenrolledAnswer
    {
        public static void Complete(VerifyResponse response, VerifyOutcome outcome, string? code, ApiRuntime runtime, string upn, IEventSink events)
        {
            if (outcome == VerifyOutcome.Malformed && string.IsNullOrWhiteSpace(code))
            {
                // No code at all, from a user who never confirmed one: as good as not enrolled (a right code still confirms
                // them; a code of the wrong length stays an uncounted malformed).
                var user = runtime.Store.Find(upn);
                if (user == null || user.Enrolled || user.Disabled) return;
                response.Result = ApiWords.Results.NotEnrolled;
                response.Reason = ApiWords.Reasons.NotConfirmed;
            }
            else if (outcome != VerifyOutcome.UnknownUser) return;
            response.FirstSeen = FirstSeen(runtime, upn, events);
        }

        /// <summary>The first sighting in Unix seconds; null (and an event) when the store keeps none or cannot be written now.</summary>
        public static long? FirstSeen(ApiRuntime runtime, string upn, IEventSink events)
        {
            try
            {
                var first = runtime.Rollout.FirstSeen(upn, runtime.Clock.UtcNow);
                return first.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(first.Value, DateTimeKind.Utc)).ToUnixTimeSeconds() : (long?)null;
            }
            catch (StoreUnavailableException ex)
            {
                // The answer stands without it: a client enforcing a grace then gives none (docs/win-otp.md).
                events.Write(OtpEventId.ProviderFailed, EventLevel.Warning, $"The first sighting of {upn} could not be kept: {ex.Message}");
                return null;
            }
        }
    }
}
