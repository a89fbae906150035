using System;
using SecureMFA.Otp.Protocol;

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
                case ApiWords.Results.Accept: result = VerifyResult.Accept; return true;
                case ApiWords.Results.Reject: result = VerifyResult.Reject; return true;
                case ApiWords.Results.Replay: result = VerifyResult.Replay; return true;
                case ApiWords.Results.Locked: result = VerifyResult.Locked; return true;
                case ApiWords.Results.Disabled: result = VerifyResult.Disabled; return true;
                case ApiWords.Results.NotEnrolled: result = VerifyResult.NotEnrolled; return true;
                default: result = VerifyResult.Reject; return false;
            }
        }
    }
}
