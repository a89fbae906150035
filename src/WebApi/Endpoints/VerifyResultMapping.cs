using SecureMFA.Core.SignIn;
using SecureMFA.WebApi.Http;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>Core's VerifyOutcome in the protocol's words (section 7).</summary>
    public static class VerifyResultMapping
    {
        public static VerifyResponse ToResponse(VerifyResult result, long serverTime)
        {
            var response = new VerifyResponse { ServerTime = serverTime };
            switch (result.Outcome)
            {
                case VerifyOutcome.Success:
                    response.Result = VerifyResponse.Accept;
                    break;
                case VerifyOutcome.WrongCode:
                    response.Result = VerifyResponse.Reject;
                    response.AttemptsLeft = result.AttemptsLeft;
                    break;
                case VerifyOutcome.ClockDrift:
                    response.Result = VerifyResponse.Reject;
                    response.Reason = "clock_drift";
                    response.DriftSeconds = result.DriftSeconds;
                    response.AttemptsLeft = result.AttemptsLeft;
                    break;
                case VerifyOutcome.Malformed:
                    // Not counted: nothing to say about attempts.
                    response.Result = VerifyResponse.Reject;
                    response.Reason = "malformed";
                    break;
                case VerifyOutcome.Replayed:
                    response.Result = VerifyResponse.Replay;
                    response.AttemptsLeft = result.AttemptsLeft;
                    break;
                case VerifyOutcome.Locked:
                    response.Result = VerifyResponse.Locked;
                    response.LockedUntil = result.LockedUntil.HasValue ? ApiJson.UtcTime(result.LockedUntil.Value) : null;
                    break;
                case VerifyOutcome.Disabled:
                    response.Result = VerifyResponse.Disabled;
                    break;
                default:
                    response.Result = VerifyResponse.NotEnrolled;
                    break;
            }
            return response;
        }
    }
}
