using System;
using System.ComponentModel;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>The answer to one offline help-desk challenge of SecureMFA WIN OTP, to read back to the user on the phone.</summary>
    [Description("One object: Upn, Machine, DeviceId, Challenge, UnlockCode (to read back to the user), ChallengeTime (UTC, by the " +
        "computer's clock) and ValidUntil (UTC): the code works once, on that computer, for that user, until then.")]
    public sealed class OtpOfflineUnlockCode
    {
        public string Upn { get; set; } = "";
        public string Machine { get; set; } = "";
        public string DeviceId { get; set; } = "";
        public string Challenge { get; set; } = "";
        public string UnlockCode { get; set; } = "";
        public DateTime ChallengeTime { get; set; }
        public DateTime ValidUntil { get; set; }

        public override string ToString() => UnlockCode;
    }
}
