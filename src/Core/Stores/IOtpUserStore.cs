using System;
using System.Collections.Generic;
using SecureMFA.Core.Lockout;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.Stores
{
    /// <summary>
    /// Where OTP users live: SQL Server, SQLite or Active Directory, all behaving the same. Every
    /// change that counts or compares is atomic in the store, so farm nodes racing on one user lose
    /// nothing and accept a code once. Failures to reach the store raise <see cref="StoreUnavailableException"/>.
    /// UPNs are compared case-insensitively. Disposing closes what the store holds open (the AD store's connections).
    /// </summary>
    public interface IOtpUserStore : IStoreMetadata, IDisposable
    {
        /// <summary>
        /// Throws <see cref="StoreUnavailableException"/> unless the store answers and has the schema this build needs
        /// (SQL Server and SQLite: the schema version; AD: the sMFA-OTP attributes, as the configured account reads them).
        /// </summary>
        void CheckSchema();

        /// <summary>
        /// Which store this is, for event 5552 and -Verbose: "SQLite store: /var/lib/otp.db", "AD store: PDC emulator
        /// dc1.adatum.com". Never throws and never names a password.
        /// </summary>
        string Describe();

        OtpUser? Find(string upn);

        /// <summary>Creates the user (logon = 0); false when the user already exists.</summary>
        bool Create(NewOtpUser user);

        /// <summary>
        /// Re-enrolment: a new secret and parameters, logon = 0, failures, lock and replay state cleared (the old
        /// state was in the old period's terms and belongs to the old secret). False when absent.
        /// </summary>
        bool Reset(NewOtpUser user);

        /// <summary>
        /// Writes a re-protected secret (another format or passphrase), only if the stored value is still
        /// <paramref name="currentProtected"/>: a concurrent reset wins. False when it was not written.
        /// </summary>
        bool ReplaceSecret(string upn, string currentProtected, string newProtected);

        /// <summary>Re-protects many secrets in one transaction where the store has transactions; returns how many were written.</summary>
        int ReplaceSecrets(IReadOnlyList<SecretReplacement> replacements);

        /// <summary>
        /// One atomic step, accepted only if the user is enabled, not locked and <paramref name="stepStartSecond"/>
        /// (Unix seconds at the start of the code's time step) is later than the last accepted one:
        /// logon = 1, counters, address, agent, last accepted second.
        /// </summary>
        SuccessOutcome RecordSuccess(string upn, long stepStartSecond, LogonAttempt attempt);

        /// <summary>One atomic step: failure count + 1 and, at the policy's threshold, the lock. Returns the user after it, or null.</summary>
        OtpUser? RecordFailure(string upn, string failedCode, LogonAttempt attempt, LockoutPolicy policy);

        /// <summary>
        /// A right code whose time step was already used: counted like a failure, but at most once per time step,
        /// so users racing themselves (or a double-click) do not lock themselves out. Returns the user after it, or null.
        /// </summary>
        OtpUser? RecordReplay(string upn, long stepStartSecond, string failedCode, LogonAttempt attempt, LockoutPolicy policy);

        /// <summary>Replaces the user's recovery codes (hashes of new codes; the old ones stop working). False when absent.</summary>
        bool ReplaceRecoveryCodes(string upn, IReadOnlyList<string> codeHashes, System.DateTime utcNow);

        /// <summary>
        /// One atomic step: marks the unused recovery code with this hash used, if the user is enabled and not locked,
        /// and records a successful sign-in (without confirming an unconfirmed enrolment).
        /// </summary>
        RecoveryCodeOutcome UseRecoveryCode(string upn, string codeHash, LogonAttempt attempt);

        /// <summary>
        /// The hashes of the user's unused recovery codes (empty when absent or none), for the WEB API's offline package,
        /// which carries them only as slow salted hashes of these (SecureMFA.Otp.Recovery.OfflineRecoveryCode).
        /// </summary>
        IReadOnlyList<string> UnusedRecoveryCodeHashes(string upn);

        bool SetDisabled(string upn, bool disabled);

        /// <summary>Clears the lock and the failure count.</summary>
        bool Unlock(string upn);

        bool Remove(string upn);

        IReadOnlyList<OtpUser> List(UserQuery query, System.DateTime utcNow);

        int Count(UserQuery query, System.DateTime utcNow);

        /// <summary>Creates many users, one transaction per batch where the store has transactions. Returns the UPNs that already existed.</summary>
        IReadOnlyList<string> CreateMany(IReadOnlyList<NewOtpUser> users);
    }

    /// <summary>
    /// Values every server of a deployment must share, kept in the store itself (SQL table Metadata, or the
    /// AD container CN=Settings,CN=SecureMFA OTP,CN=Program Data): the key-derivation salt, so that the
    /// passphrase alone still opens the data on any server.
    /// </summary>
    public interface IStoreMetadata
    {
        /// <summary>The stored value of <paramref name="name"/>; if there is none, stores <paramref name="proposed"/> and returns it. Race-safe: the first writer wins everywhere.</summary>
        string GetOrAdd(string name, string proposed);
    }

    /// <summary>What recording a correct code did.</summary>
    public enum SuccessOutcome
    {
        Accepted,
        /// <summary>The code's time step was already used (or an earlier one): refused.</summary>
        Replayed,
        Disabled,
        Locked,
        NotFound,
    }

    /// <summary>What using a recovery code did.</summary>
    public enum RecoveryCodeOutcome
    {
        Accepted,
        /// <summary>No unused code of the user has this hash (wrong, or used before).</summary>
        NoSuchCode,
        Disabled,
        Locked,
        NotFound,
    }

    /// <summary>One secret to re-protect: written only if the stored value is still <see cref="CurrentProtected"/>.</summary>
    public sealed class SecretReplacement
    {
        public SecretReplacement(string upn, string currentProtected, string newProtected) =>
            (Upn, CurrentProtected, NewProtected) = (upn, currentProtected, newProtected);

        public string Upn { get; }
        public string CurrentProtected { get; }
        public string NewProtected { get; }
    }

    /// <summary>The user store could not be reached or refused the operation; nothing was half-written.</summary>
    public sealed class StoreUnavailableException : Exception
    {
        public StoreUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
    }

    /// <summary>AD mode: no directory user has this userPrincipalName, so there is nowhere to keep OTP data.</summary>
    public sealed class DirectoryUserNotFoundException : Exception
    {
        public DirectoryUserNotFoundException(string upn)
            : base($"No Active Directory user has the userPrincipalName \"{upn}\". Check the UPN, or give the account a UPN.")
        {
            Upn = upn;
        }

        public string Upn { get; }
    }

    /// <summary>A user to create: UPN, protected secret and the TOTP parameters the secret is used with.</summary>
    public sealed class NewOtpUser
    {
        public NewOtpUser(string upn, string protectedSecret, TotpParameters parameters, bool disabled = false) =>
            (Upn, ProtectedSecret, Parameters, Disabled) = (upn, protectedSecret, parameters, disabled);

        public string Upn { get; }
        public string ProtectedSecret { get; }
        public TotpParameters Parameters { get; }
        public bool Disabled { get; }
    }
}
