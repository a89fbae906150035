using System;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.Stores
{
    /// <summary>One OTP user as stored (SQL row or AD attributes). The secret stays protected here.</summary>
    public sealed class OtpUser
    {
        public string Upn { get; set; } = "";
        public string ProtectedSecret { get; set; } = "";

        /// <summary>logon: false until the first successful code confirms the enrolment.</summary>
        public bool Enrolled { get; set; }
        public bool Disabled { get; set; }
        public DateTime? LastLogon { get; set; }
        public int LogonCount { get; set; }
        public int FailedLogonCount { get; set; }
        public DateTime? FailedLastLogon { get; set; }
        public string? FailedCode { get; set; }
        public string? LogonIp { get; set; }
        public string? UserAgent { get; set; }

        /// <summary>The time step of the last accepted code: a code is accepted once only.</summary>
        public long? LastTimeStep { get; set; }
        public DateTime? LockedUntil { get; set; }
        public TotpParameters Parameters { get; set; } = TotpParameters.Default;
        public DateTime Created { get; set; }
        public long ChangeVersion { get; set; }

        public bool IsLockedAt(DateTime utcNow) => LockedUntil.HasValue && LockedUntil.Value > utcNow;
    }
}
