using System;
using SecureMFA.Core.Stores;

namespace SecureMFA.Core.Lockout
{
    /// <summary>
    /// What one more failed code does to a user: the rule SqlStatements.RecordFailure states in SQL (one atomic
    /// statement there), for stores that compute it in code (the AD store). A lock that has run out starts a fresh count.
    /// Beside <see cref="LockoutPolicy"/>, so the whole lockout decision (threshold, length, counting, attempts left)
    /// is read in one folder; whether a user is locked now is <see cref="OtpUser.IsLockedAt"/>, a property of the stored user.
    /// </summary>
    public static class FailureCounting
    {
        public static (int Failures, DateTime? LockedUntil) Next(OtpUser user, DateTime utcNow, LockoutPolicy policy)
        {
            var expired = user.LockedUntil.HasValue && user.LockedUntil.Value <= utcNow;
            var failures = expired ? 1 : user.FailedLogonCount + 1;
            DateTime? lockedUntil = expired ? null : user.LockedUntil;
            if (policy.ShouldLock(failures)) lockedUntil = policy.LockEnd(utcNow);
            return (failures, lockedUntil);
        }
    }
}
