using System;
using System.ComponentModel;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>An OTP user as support staff see it. Never carries the secret. Times are UTC; the table view shows them in local time.</summary>
    [Description("One object per OTP user (never the secret): Upn, Status (Enrolled, Pending, Locked, Disabled), Enrolled, Disabled, Locked, " +
        "LockedUntil, LastLogon, LogonCount, FailedLogonCount, FailedLastLogon, LogonIp, UserAgent, RecoveryCodesLeft, RecoveryCodesUsed, " +
        "Algorithm, Digits, Period, Created. Times are UTC DateTime values; the default table shows them in local time with the UTC offset.")]
    public sealed class OtpUserInfo
    {
        public string Upn { get; set; } = "";
        /// <summary>An <see cref="OtpUserStatus"/> name: text, so ConvertTo-Json and Export-Csv write the word, not a number.</summary>
        public string Status { get; set; } = "";
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
        /// <summary>Unused one-time recovery codes (New-xOTP_RecoveryCode).</summary>
        public int RecoveryCodesLeft { get; set; }
        public int RecoveryCodesUsed { get; set; }
        public string Algorithm { get; set; } = "";
        public int Digits { get; set; }
        public int Period { get; set; }
        public DateTime Created { get; set; }

        public static OtpUserInfo From(OtpUser user, DateTime utcNow)
        {
            var locked = user.IsLockedAt(utcNow);
            return new OtpUserInfo
            {
                Upn = user.Upn,
                Status = (user.Disabled ? OtpUserStatus.Disabled : locked ? OtpUserStatus.Locked : user.Enrolled ? OtpUserStatus.Enrolled : OtpUserStatus.Pending).ToString(),
                Enrolled = user.Enrolled,
                Disabled = user.Disabled,
                Locked = locked,
                LockedUntil = locked ? user.LockedUntil : null,
                LastLogon = user.LastLogon,
                LogonCount = user.LogonCount,
                FailedLogonCount = user.FailedLogonCount,
                FailedLastLogon = user.FailedLastLogon,
                LogonIp = user.LogonIp,
                UserAgent = user.UserAgent,
                RecoveryCodesLeft = user.RecoveryCodesLeft,
                RecoveryCodesUsed = user.RecoveryCodesUsed,
                Algorithm = user.Parameters.Algorithm.ToString(),
                Digits = user.Parameters.Digits,
                Period = user.Parameters.PeriodSeconds,
                Created = user.Created,
            };
        }

        public static OtpUserInfo FromNew(NewOtpUser user, DateTime utcNow) => new OtpUserInfo
        {
            Upn = UpnKey.Normalize(user.Upn),
            Status = (user.Disabled ? OtpUserStatus.Disabled : OtpUserStatus.Pending).ToString(),
            Disabled = user.Disabled,
            Algorithm = user.Parameters.Algorithm.ToString(),
            Digits = user.Parameters.Digits,
            Period = user.Parameters.PeriodSeconds,
            Created = utcNow,
        };

        public override string ToString() => Upn;
    }
}
