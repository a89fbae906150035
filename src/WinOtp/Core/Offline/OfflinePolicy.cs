using System;

namespace SecureMFA.WinOtp.Offline
{
    /// <summary>
    /// This computer's offline settings (win_totp_offline_*). Given to every offline check rather than kept in the
    /// vault, so a stricter setting applies at once to offline data stored before it.
    /// </summary>
    public sealed class OfflinePolicy
    {
        /// <summary>Default of win_offline_max_failures: wrong offline codes since the last online contact before the vault needs one.</summary>
        public const int DefaultMaxFailuresSinceOnline = 10;

        public OfflinePolicy(int validDays, int loginFailures, int lockoutMinutes, int maxFailuresSinceOnline = DefaultMaxFailuresSinceOnline)
        {
            ValidDays = validDays;
            LoginFailures = loginFailures;
            LockoutMinutes = lockoutMinutes;
            MaxFailuresSinceOnline = maxFailuresSinceOnline;
        }

        /// <summary>0 = offline sign-in off.</summary>
        public int ValidDays { get; }
        /// <summary>0 = no lockout from this side.</summary>
        public int LoginFailures { get; }
        public int LockoutMinutes { get; }
        /// <summary>
        /// The hard cap (win_offline_max_failures): after this many wrong offline attempts since the last online contact
        /// the vault takes no more codes until an online sign-in, whatever the clock says. 0 = no cap.
        /// </summary>
        public int MaxFailuresSinceOnline { get; }

        /// <summary>
        /// Until when (Unix seconds) offline sign-in works with a package: the earlier of its own validUntil and
        /// valid_days after the last online contact (the serverTime of the accept that brought it).
        /// </summary>
        public long ValidUntil(long packageValidUntil, long lastOnline) => Math.Min(packageValidUntil, lastOnline + ValidDays * 86400L);
    }
}
