using System;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.WinOtp.Api
{
    /// <summary>A signed 200 reply of POST /v1/otp/verify.</summary>
    public sealed class VerifyAnswer
    {
        public VerifyResult Result { get; set; }
        public DateTime? LockedUntil { get; set; }
        public int? AttemptsLeft { get; set; }
        public long ServerTime { get; set; }
        /// <summary>malformed, clock_drift, or null.</summary>
        public string? Reason { get; set; }
        public int? DriftSeconds { get; set; }
        /// <summary>Present only for an accepted code asked with offline = true, when the server allows offline use.</summary>
        public OfflinePackage? Offline { get; set; }
    }
}
