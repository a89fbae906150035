using System;

namespace SecureMFA.WinOtp.Api
{
    /// <summary>The protocol's <c>result</c> values.</summary>
    public enum VerifyResult { Accept, Reject, Replay, Locked, Disabled, NotEnrolled }

    public static class VerifyResultNames
    {
        public static bool TryParse(string? text, out VerifyResult result)
        {
            switch (text)
            {
                case "accept": result = VerifyResult.Accept; return true;
                case "reject": result = VerifyResult.Reject; return true;
                case "replay": result = VerifyResult.Replay; return true;
                case "locked": result = VerifyResult.Locked; return true;
                case "disabled": result = VerifyResult.Disabled; return true;
                case "not_enrolled": result = VerifyResult.NotEnrolled; return true;
                default: result = VerifyResult.Reject; return false;
            }
        }
    }
}
