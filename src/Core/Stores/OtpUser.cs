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

        /// <summary>Unix seconds at the start of the last accepted code's time step: a code is accepted once only.</summary>
        public long? LastAcceptedSecond { get; set; }

        /// <summary>Unix seconds at the start of the last replayed code's time step that counted as a failure.</summary>
        public long? LastReplaySecond { get; set; }

        public int RecoveryCodesLeft { get; set; }

        /// <summary>The unused codes' hashes where a store keeps them on the user (AD); never shown.</summary>
        internal System.Collections.Generic.IReadOnlyList<string>? RecoveryCodeHashes { get; set; }
        public int RecoveryCodesUsed { get; set; }
        public DateTime? LockedUntil { get; set; }
        public TotpParameters Parameters { get; set; } = TotpParameters.Default;
        public DateTime Created { get; set; }
        public long ChangeVersion { get; set; }

        public bool IsLockedAt(DateTime utcNow) => LockedUntil.HasValue && LockedUntil.Value > utcNow;
    }
}
