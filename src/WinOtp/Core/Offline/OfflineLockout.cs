namespace SecureMFA.WinOtp.Offline
{
    /// <summary>
    /// The stricter of the API's policy (in the package) and this computer's: the lower failure count among those
    /// that are on (0 = off), the longer lock. Failures count until a success, so once the limit is reached every
    /// further wrong code locks again at once: waiting out a lock buys one guess, not another full round.
    /// </summary>
    public sealed class OfflineLockout
    {
        private OfflineLockout(int maxFailures, int lockoutMinutes)
        {
            MaxFailures = maxFailures;
            LockoutMinutes = lockoutMinutes;
        }

        /// <summary>0 = no lockout.</summary>
        public int MaxFailures { get; }
        public int LockoutMinutes { get; }
        public bool IsOn => MaxFailures > 0 && LockoutMinutes > 0;

        public static OfflineLockout Stricter(int packageFailures, int packageMinutes, int localFailures, int localMinutes)
        {
            int failures;
            if (packageFailures > 0 && localFailures > 0) failures = packageFailures < localFailures ? packageFailures : localFailures;
            else failures = packageFailures > 0 ? packageFailures : (localFailures > 0 ? localFailures : 0);
            var minutes = packageMinutes > localMinutes ? packageMinutes : localMinutes;
            return new OfflineLockout(failures, minutes < 0 ? 0 : minutes);
        }

        /// <summary>Wrong codes left before the next lock, or null without lockout.</summary>
        public int? AttemptsLeft(int failures) => IsOn ? (failures >= MaxFailures ? 0 : MaxFailures - failures) : (int?)null;
    }
}
