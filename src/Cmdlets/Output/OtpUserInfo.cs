using System;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>An OTP user as support staff see it. Never carries the secret.</summary>
    public sealed class OtpUserInfo
    {
        public string Upn { get; set; } = "";
        /// <summary>True once the user confirmed the enrolment with a first code (logon = 1).</summary>
        public bool Enrolled { get; set; }
        public bool Disabled { get; set; }
        public bool Locked { get; set; }
        public DateTime? LockedUntil { get; set; }
        public DateTime? LastLogon { get; set; }
        public int LogonCount { get; set; }
        public int FailedLogonCount { get; set; }
        public DateTime? FailedLastLogon { get; set; }
        public string? LogonIp { get; set; }
        public string? UserAgent { get; set; }
        public string Algorithm { get; set; } = "";
        public int Digits { get; set; }
        public int Period { get; set; }
        public DateTime Created { get; set; }

        public static OtpUserInfo From(OtpUser user, DateTime utcNow) => new OtpUserInfo
        {
            Upn = user.Upn,
            Enrolled = user.Enrolled,
            Disabled = user.Disabled,
            Locked = user.IsLockedAt(utcNow),
            LockedUntil = user.IsLockedAt(utcNow) ? user.LockedUntil : null,
            LastLogon = user.LastLogon,
            LogonCount = user.LogonCount,
            FailedLogonCount = user.FailedLogonCount,
            FailedLastLogon = user.FailedLastLogon,
            LogonIp = user.LogonIp,
            UserAgent = user.UserAgent,
            Algorithm = user.Parameters.Algorithm.ToString(),
            Digits = user.Parameters.Digits,
            Period = user.Parameters.PeriodSeconds,
            Created = user.Created,
        };

        public static OtpUserInfo FromNew(NewOtpUser user, DateTime utcNow) => new OtpUserInfo
        {
            Upn = UpnKey.Normalize(user.Upn),
            Disabled = user.Disabled,
            Algorithm = user.Parameters.Algorithm.ToString(),
            Digits = user.Parameters.Digits,
            Period = user.Parameters.PeriodSeconds,
            Created = utcNow,
        };

        public override string ToString() => Upn;
    }
}
