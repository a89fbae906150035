namespace SecureMFA.WinOtp.Offline
{
    /// <summary>This computer's offline settings (win_totp_offline_*), read at each attempt so a stricter change applies at once.</summary>
    public sealed class OfflinePolicy
    {
        public OfflinePolicy(int validDays, int loginFailures, int lockoutMinutes)
        {
            ValidDays = validDays;
            LoginFailures = loginFailures;
            LockoutMinutes = lockoutMinutes;
        }

        /// <summary>0 = offline sign-in off.</summary>
        public int ValidDays { get; }
        /// <summary>0 = no lockout from this side.</summary>
        public int LoginFailures { get; }
        public int LockoutMinutes { get; }
    }
}
