using System;

namespace SecureMFA.Core.Lockout
{
    /// <summary>After <see cref="MaxFailures"/> consecutive failures the user is locked for <see cref="Duration"/>; 0 disables it.</summary>
    public sealed class LockoutPolicy
    {
        public static readonly LockoutPolicy Disabled = new LockoutPolicy(0, 0);

        public LockoutPolicy(int maxFailures, int lockoutMinutes)
        {
            if (maxFailures < 0) throw new ArgumentOutOfRangeException(nameof(maxFailures));
            if (lockoutMinutes < 0) throw new ArgumentOutOfRangeException(nameof(lockoutMinutes));
            MaxFailures = maxFailures;
            Duration = TimeSpan.FromMinutes(lockoutMinutes);
        }

        public int MaxFailures { get; }
        public TimeSpan Duration { get; }

        public bool IsEnabled => MaxFailures > 0 && Duration > TimeSpan.Zero;

        /// <summary>The failure count that starts a lock; 0 when locking is off (the stores pass it to SQL/LDAP as is).</summary>
        public int Threshold => IsEnabled ? MaxFailures : 0;

        /// <summary>Whether a user with this many consecutive failures is to be locked now.</summary>
        public bool ShouldLock(int consecutiveFailures) => IsEnabled && consecutiveFailures >= MaxFailures;

        public DateTime LockEnd(DateTime utcNow) => utcNow + Duration;

        /// <summary>How many more failures a user with this many may make before the lock; null when locking is off (nothing to count down).</summary>
        public int? AttemptsLeft(int consecutiveFailures) => IsEnabled ? Math.Max(0, MaxFailures - consecutiveFailures) : (int?)null;
    }
}
