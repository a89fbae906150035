using SecureMFA.Core.SignIn;
using SecureMFA.Otp.Protocol;
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
                    response.Result = ApiWords.Results.Accept;
                    break;
                case VerifyOutcome.WrongCode:
                    response.Result = ApiWords.Results.Reject;
                    response.AttemptsLeft = result.AttemptsLeft;
                    break;
                case VerifyOutcome.ClockDrift:
                    response.Result = ApiWords.Results.Reject;
                    response.Reason = ApiWords.Reasons.ClockDrift;
                    response.DriftSeconds = result.DriftSeconds;
                    response.AttemptsLeft = result.AttemptsLeft;
                    break;
                case VerifyOutcome.Malformed:
                    // Not counted: nothing to say about attempts.
                    response.Result = ApiWords.Results.Reject;
                    response.Reason = ApiWords.Reasons.Malformed;
                    break;
                case VerifyOutcome.Replayed:
                    response.Result = ApiWords.Results.Replay;
                    response.AttemptsLeft = result.AttemptsLeft;
                    break;
                case VerifyOutcome.Locked:
                    response.Result = ApiWords.Results.Locked;
                    response.LockedUntil = result.LockedUntil.HasValue ? ApiJson.UtcTime(result.LockedUntil.Value) : null;
                    break;
                case VerifyOutcome.Disabled:
                    response.Result = ApiWords.Results.Disabled;
                    break;
                default:
                    response.Result = ApiWords.Results.NotEnrolled;
                    break;
            }
            return response;
        }
    }
}
