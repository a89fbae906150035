using System;
using System.ComponentModel;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>
    /// An OTP user as support staff see it. Never carries the secret. Times are UTC, as DateTimeOffset values with offset
    /// +00:00, so Export-Csv writes "11/30/2026 09:15:00 +00:00" and ConvertTo-Json "2026-11-30T09:15:00+00:00" (a DateTime
    /// lost its zone in CSV); the table view shows them in local time.
    /// </summary>
    [Description("One object per OTP user (never the secret): Upn, Status (Enrolled, Pending, Locked, Disabled), Enrolled, Disabled, Locked, " +
        "LockedUntil, LastLogon, LogonCount, FailedLogonCount, FailedLastLogon, LogonIp, UserAgent, RecoveryCodesLeft, RecoveryCodesUsed, " +
        "Algorithm, Digits, Period, Created. Times are UTC DateTimeOffset values (+00:00, kept in CSV and JSON); the default table shows them in local time with the UTC offset.")]
    public sealed class OtpUserInfo
    {
        public string Upn { get; set; } = "";
        /// <summary>An <see cref="OtpUserStatus"/> name: text, so ConvertTo-Json and Export-Csv write the word, not a number.</summary>
        public string Status { get; set; } = "";
        /// <summary>True once the user confirmed the enrolment with a first code (logon = 1).</summary>
        public bool Enrolled { get; set; }
        public bool Disabled { get; set; }
        public bool Locked { get; set; }
        public DateTimeOffset? LockedUntil { get; set; }
        public DateTimeOffset? LastLogon { get; set; }
        public int LogonCount { get; set; }
        public int FailedLogonCount { get; set; }
        public DateTimeOffset? FailedLastLogon { get; set; }
        public string? LogonIp { get; set; }
        public string? UserAgent { get; set; }
        /// <summary>Unused one-time recovery codes (New-xOTP_RecoveryCode).</summary>
        public int RecoveryCodesLeft { get; set; }
        public int RecoveryCodesUsed { get; set; }
        public string Algorithm { get; set; } = "";
        public int Digits { get; set; }
        public int Period { get; set; }
        public DateTimeOffset Created { get; set; }

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
                LockedUntil = locked ? StoredTime.Of(user.LockedUntil) : null,
                LastLogon = StoredTime.Of(user.LastLogon),
                LogonCount = user.LogonCount,
                FailedLogonCount = user.FailedLogonCount,
                FailedLastLogon = StoredTime.Of(user.FailedLastLogon),
                LogonIp = user.LogonIp,
                UserAgent = user.UserAgent,
                RecoveryCodesLeft = user.RecoveryCodesLeft,
                RecoveryCodesUsed = user.RecoveryCodesUsed,
                Algorithm = user.Parameters.Algorithm.ToString(),
                Digits = user.Parameters.Digits,
                Period = user.Parameters.PeriodSeconds,
                Created = StoredTime.Of(user.Created),
            };
        }

        public static OtpUserInfo FromNew(NewOtpUser user, DateTime utcNow) => new OtpUserInfo
        {
            Upn = SecureMFA.Otp.Identity.Upn.Normalize(user.Upn),
            Status = (user.Disabled ? OtpUserStatus.Disabled : OtpUserStatus.Pending).ToString(),
            Disabled = user.Disabled,
            Algorithm = user.Parameters.Algorithm.ToString(),
            Digits = user.Parameters.Digits,
            Period = user.Parameters.PeriodSeconds,
            Created = StoredTime.Of(utcNow),
        };

        /// <summary>A store's UTC time (a value without a kind is UTC too, never local) as an instant with offset +00:00.</summary>
        public override string ToString() => Upn;
    }

    /// <summary>What the user meets at the next sign-in, one word for support staff; the first that applies wins.</summary>
    public enum OtpUserStatus
    {
        /// <summary>Confirmed the enrolment with a first code: signs in with codes.</summary>
        Enrolled,
        /// <summary>Not confirmed yet: sees the QR code at the next sign-in.</summary>
        Pending,
        /// <summary>Too many wrong codes: refused until LockedUntil, or Unlock-xOTP_User.</summary>
        Locked,
        /// <summary>OTP sign-in refused until Enable-xOTP_User (whatever else is true).</summary>
        Disabled,
    }
}
