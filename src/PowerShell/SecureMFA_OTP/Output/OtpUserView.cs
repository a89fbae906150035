using System;
using System.Globalization;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>
    /// How the default table (SecureMFA_OTP.format.ps1xml) shows an OTP user: times in the viewer's local time with the UTC
    /// offset, so a support person reading "10:15 +01:00" knows both the local hour and that it is not UTC. The objects keep UTC.
    /// </summary>
    public static class OtpUserView
    {
        public const string TimeFormat = "yyyy-MM-dd HH:mm zzz";

        /// <summary>A UTC time in local time with its offset, e.g. "2026-11-30 10:15 +01:00"; empty for none.</summary>
        public static string Time(DateTime? utc) => Time(utc, TimeZoneInfo.Local);

        /// <summary>An OtpUserInfo time in local time with its offset; empty for none.</summary>
        public static string LocalTime(DateTimeOffset? instant) => instant.HasValue ? Time(instant.Value.UtcDateTime) : "";

        public static string Time(DateTime? utc, TimeZoneInfo zone)
        {
            if (!utc.HasValue) return "";
            // Stores hand out UTC; a value without a kind is taken as UTC too, never as local.
            var instant = new DateTimeOffset(DateTime.SpecifyKind(utc.Value, DateTimeKind.Utc));
            return TimeZoneInfo.ConvertTime(instant, zone).ToString(TimeFormat, CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// Enrolled, Pending, Disabled, or "Locked until 10:15" (local time; a lock ending more than a day ahead shows its
        /// local date, "Locked until 12-24"): at most 18 characters, so the table fits 80 columns in every state. The full
        /// time with its offset is LockedUntil in Format-List.
        /// </summary>
        public static string Status(OtpUserInfo user) => Status(user, TimeZoneInfo.Local, DateTime.UtcNow);

        public static string Status(OtpUserInfo user, TimeZoneInfo zone, DateTime utcNow)
        {
            if (user.Status != nameof(OtpUserStatus.Locked) || !user.LockedUntil.HasValue) return user.Status;
            var until = user.LockedUntil.Value.UtcDateTime;
            var local = TimeZoneInfo.ConvertTime(user.LockedUntil.Value, zone);
            var format = until - utcNow <= TimeSpan.FromDays(1) ? "HH:mm" : "MM-dd";
            return $"Locked until {local.ToString(format, CultureInfo.InvariantCulture)}";
        }

        /// <summary>Recovery codes left and used, e.g. "9/1".</summary>
        public static string RecoveryCodes(OtpUserInfo user) =>
            $"{user.RecoveryCodesLeft.ToString(CultureInfo.InvariantCulture)}/{user.RecoveryCodesUsed.ToString(CultureInfo.InvariantCulture)}";
    }
}
