using System;
using System.ComponentModel;
using System.Text.RegularExpressions;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>One user in Export-xOTP_Report's users.csv: enrolled or not, and the last sign-in with its channel.</summary>
    [Description("One row per OTP user: Upn, Status, Enrolled, LastSignIn (with its zone), LastChannel (AD FS or WIN OTP), LastComputer " +
        "(for WIN OTP), LastIp, LogonCount, FailedLogonCount, RecoveryCodesLeft, Created.")]
    public sealed class OtpUserReportRow
    {
        /// <summary>What the WEB API records as the user agent of a WIN OTP sign-in: "SecureMFA WIN OTP WEB API rdp on PC-1, device …".</summary>
        private static readonly Regex WinOtpAgent = new Regex(@"^SecureMFA WIN OTP (?:WEB API \S+ on (?<machine>[^,]+),|offline, (?<machine>.+)$)", RegexOptions.CultureInvariant);

        public string Upn { get; set; } = "";
        public string Status { get; set; } = "";
        public bool Enrolled { get; set; }
        public DateTimeOffset? LastSignIn { get; set; }
        /// <summary>"AD FS", "WIN OTP", or empty before the first sign-in.</summary>
        public string LastChannel { get; set; } = "";
        public string LastComputer { get; set; } = "";
        public string LastIp { get; set; } = "";
        public int LogonCount { get; set; }
        public int FailedLogonCount { get; set; }
        public int RecoveryCodesLeft { get; set; }
        public DateTimeOffset Created { get; set; }

        public static OtpUserReportRow From(OtpUser user, DateTime utcNow)
        {
            var info = OtpUserInfo.From(user, utcNow);
            var winOtp = WinOtpAgent.Match(user.UserAgent ?? "");
            return new OtpUserReportRow
            {
                Upn = info.Upn,
                Status = info.Status,
                Enrolled = info.Enrolled,
                LastSignIn = info.LastLogon,
                // The store keeps the last sign-in only, with its user agent: a browser's for AD FS, the WEB API's mark for WIN OTP.
                LastChannel = user.LastLogon == null ? "" : winOtp.Success ? "WIN OTP" : "AD FS",
                LastComputer = winOtp.Success ? winOtp.Groups["machine"].Value.Trim() : "",
                LastIp = user.LogonIp ?? "",
                LogonCount = info.LogonCount,
                FailedLogonCount = info.FailedLogonCount,
                RecoveryCodesLeft = info.RecoveryCodesLeft,
                Created = info.Created,
            };
        }
    }

    /// <summary>One computer in Export-xOTP_Report's devices.csv: registered, revoked or not, and its last contact.</summary>
    [Description("One row per WEB API device: DeviceId, Machine, Status (Active or Revoked), Registered, LastContact, LastIp, RevokedAt " +
        "(times with their zone).")]
    public sealed class OtpDeviceReportRow
    {
        public string DeviceId { get; set; } = "";
        public string Machine { get; set; } = "";
        public string Status { get; set; } = "";
        public DateTimeOffset Registered { get; set; }
        /// <summary>The WEB API records a device's last request at most hourly.</summary>
        public DateTimeOffset? LastContact { get; set; }
        public string LastIp { get; set; } = "";
        public DateTimeOffset? RevokedAt { get; set; }

        public static OtpDeviceReportRow From(Device device) => new OtpDeviceReportRow
        {
            DeviceId = device.Id,
            Machine = device.Machine,
            Status = device.IsRevoked ? "Revoked" : "Active",
            Registered = StoredTime.Of(device.Created),
            LastContact = StoredTime.Of(device.LastSeen),
            LastIp = device.LastIp ?? "",
            RevokedAt = StoredTime.Of(device.Revoked),
        };
    }
}
