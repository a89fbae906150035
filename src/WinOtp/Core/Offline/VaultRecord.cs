namespace SecureMFA.WinOtp.Offline
{
    /// <summary>
    /// One user's offline vault as stored (see <see cref="VaultCodec"/> for the file). The package fields are the
    /// API's, unchanged, because a device-form secret is checked against them; the state fields change with use.
    /// </summary>
    public sealed class VaultRecord
    {
        public string Upn { get; set; } = "";
        /// <summary>Grows with every write; the registry keeps the latest, so an older copy put back is refused.</summary>
        public long Generation { get; set; }
        public VaultForm Form { get; set; }

        /// <summary>The package's issuer (part of what a device-form secret's tag covers).</summary>
        public string Issuer { get; set; } = "";
        /// <summary>The authenticator entry the offline secret was offered under, e.g. "Adatum offline (PC42)".</summary>
        public string Entry { get; set; } = "";
        /// <summary>A one-way fingerprint of the offline secret (<see cref="OfflineEnrolment.CheckOf"/>): the same secret need not be offered twice.</summary>
        public string EntryCheck { get; set; } = "";

        public string Alg { get; set; } = "SHA1";
        public int Digits { get; set; } = 6;
        public int Period { get; set; } = 30;
        public long PackageValidUntil { get; set; }
        public long PackageLastStep { get; set; }
        public int PackageMaxFailures { get; set; }
        public int PackageLockoutMinutes { get; set; }

        /// <summary>The API's serverTime of the accepted code this package came with (Unix seconds).</summary>
        public long LastOnline { get; set; }
        /// <summary>The latest clock value (Unix seconds) any attempt saw: a clock set forward cannot be taken back.</summary>
        public long HighestTime { get; set; }
        /// <summary>The latest time step accepted, online or offline: a code must be later.</summary>
        public long LastStep { get; set; }
        /// <summary>Wrong offline codes (and unopenable password attempts) since the last success.</summary>
        public int Failures { get; set; }
        /// <summary>Wrong offline attempts since the package came (the last online contact); an offline success does not reset it.</summary>
        public int OfflineFailures { get; set; }
        /// <summary>Unix seconds; 0 = not locked.</summary>
        public long LockedUntil { get; set; }
        /// <summary>PBKDF2 iterations of the Password form; 0 for the Device form.</summary>
        public int Iterations { get; set; }
        /// <summary>The DPAPI machine-scope blob holding the locked secret.</summary>
        public byte[] Secret { get; set; } = new byte[0];

        /// <summary>PBKDF2 iterations of <see cref="RecoveryCodes"/> (the package's); 0 when there are none.</summary>
        public int RecoveryIterations { get; set; }
        /// <summary>The user's recovery codes as the last package carried them (slow hashes), and which were used here offline.</summary>
        public System.Collections.Generic.List<VaultRecoveryCode> RecoveryCodes { get; set; } = new System.Collections.Generic.List<VaultRecoveryCode>();
        /// <summary>The help-desk challenge shown offline and not yet answered, or null.</summary>
        public PendingUnlock? Unlock { get; set; }

        public VaultRecord Copy()
        {
            var copy = (VaultRecord)MemberwiseClone();
            copy.RecoveryCodes = new System.Collections.Generic.List<VaultRecoveryCode>(RecoveryCodes);
            return copy;
        }
    }

    /// <summary>
    /// One recovery code in a vault: its slow hash from the package, and once used offline, when, and the store's hash of
    /// it (<see cref="SecureMFA.Otp.Recovery.RecoveryCodeText.Hash"/>, not the code) to report at the next online contact.
    /// </summary>
    public sealed class VaultRecoveryCode
    {
        public VaultRecoveryCode(SecureMFA.Otp.Recovery.OfflineRecoveryCode code, long usedAt = 0, string? report = null) =>
            (Code, UsedAt, Report) = (code, usedAt, report);

        public SecureMFA.Otp.Recovery.OfflineRecoveryCode Code { get; }
        /// <summary>Unix seconds of its offline use; 0 = unused.</summary>
        public long UsedAt { get; }
        /// <summary>What to report (64 lower-case hex digits) once used; null while unused.</summary>
        public string? Report { get; }
        public bool IsUsed => UsedAt > 0;
    }

    /// <summary>
    /// The offline help-desk challenge the tile showed (<see cref="SecureMFA.Otp.Protocol.OfflineUnlock"/>): when (the
    /// computer's clock), from which vault generation, with which nonce. Kept in the vault, under its MAC, so a
    /// restarted LogonUI shows the same challenge, and cleared by the one answer that uses it.
    /// </summary>
    public sealed class PendingUnlock
    {
        public PendingUnlock(long issuedAt, long generation, int nonce) => (IssuedAt, Generation, Nonce) = (issuedAt, generation, nonce);

        public long IssuedAt { get; }
        public long Generation { get; }
        public int Nonce { get; }
    }

    /// <summary>
    /// How the secret in a vault is locked, inside DPAPI machine scope either way.
    /// <list type="bullet">
    /// <item>Password: under a key from PBKDF2-HMAC-SHA256 (600,000 iterations) of the user's Windows password.
    /// What an online sign-in stores once Windows has accepted the password.</item>
    /// <item>Device: still in the API's wrap for this device (device key + UPN). What a sync on the tile stores
    /// (user name and code only, no password, as the original); the first sign-in Windows accepts re-locks it
    /// under the password.</item>
    /// </list>
    /// </summary>
    public enum VaultForm { Password, Device }
}
