using System.Collections.Generic;
using SecureMFA.Core.Lockout;

namespace SecureMFA.Core.Stores
{
    /// <summary>
    /// Where OTP users live: SQL Server, SQLite or Active Directory, all behaving the same. Every
    /// change that counts or compares is atomic in the store, so farm nodes racing on one user lose
    /// nothing and accept a code once. Failures to reach the store raise <see cref="StoreUnavailableException"/>.
    /// UPNs are compared case-insensitively.
    /// </summary>
    public interface IOtpUserStore
    {
        OtpUser? Find(string upn);

        /// <summary>Creates the user (logon = 0); false when the user already exists.</summary>
        bool Create(NewOtpUser user);

        /// <summary>Re-enrolment: a new secret and parameters, logon = 0, failures and lock cleared. False when absent.</summary>
        bool Reset(NewOtpUser user);

        /// <summary>
        /// One atomic step, accepted only if the user is enabled, not locked and <paramref name="timeStep"/>
        /// is later than the last accepted one: logon = 1, counters, address, agent, last time step.
        /// </summary>
        SuccessOutcome RecordSuccess(string upn, long timeStep, LogonAttempt attempt);

        /// <summary>One atomic step: failure count + 1 and, at the policy's threshold, the lock. Returns the user after it, or null.</summary>
        OtpUser? RecordFailure(string upn, string failedCode, LogonAttempt attempt, LockoutPolicy policy);

        bool SetDisabled(string upn, bool disabled);

        /// <summary>Clears the lock and the failure count.</summary>
        bool Unlock(string upn);

        bool Remove(string upn);

        IReadOnlyList<OtpUser> List(UserQuery query, System.DateTime utcNow);

        int Count(UserQuery query, System.DateTime utcNow);

        /// <summary>Creates many users, one transaction per batch where the store has transactions. Returns the UPNs that already existed.</summary>
        IReadOnlyList<string> CreateMany(IReadOnlyList<NewOtpUser> users);
    }
}
