using System;
using SecureMFA.Core.Lockout;

namespace SecureMFA.Core.Stores
{
    /// <summary>
    /// What one more failed code does to a user: the rule SqlStatements.RecordFailure states in SQL,
    /// for stores that compute it in code. A lock that has run out starts a fresh count.
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
