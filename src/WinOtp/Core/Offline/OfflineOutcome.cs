namespace SecureMFA.WinOtp.Offline
{
    /// <summary>What an offline attempt came to. Only <see cref="Accepted"/> lets a sign-in go on.</summary>
    public enum OfflineOutcome
    {
        Accepted,
        /// <summary>Wrong code; counted.</summary>
        Rejected,
        /// <summary>The vault does not open with the typed password: mistyped, or changed since the last online sign-in. Counted.</summary>
        PasswordMismatch,
        /// <summary>Too many failures; nothing is checked until the lock ends.</summary>
        Locked,
        /// <summary>A right code for a step already used. Not counted.</summary>
        Replay,
        /// <summary>Not 6 or 8 digits. Not counted.</summary>
        Malformed,
        /// <summary>No offline data for this user on this computer.</summary>
        NoVault,
        /// <summary>Past valid_days since the last online contact, or past the package's validUntil.</summary>
        Expired,
        /// <summary>The clock is more than 5 minutes before the last online contact.</summary>
        ClockBehind,
        /// <summary>The file does not parse or its MAC (or DPAPI blob) does not verify.</summary>
        Tampered,
        /// <summary>The file is older than the generation the registry remembers: a copy was put back.</summary>
        RolledBack,
        /// <summary>win_totp_offline_secret_valid_days is 0.</summary>
        Off,
        /// <summary>The new state could not be written, so the attempt is refused rather than left uncounted.</summary>
        StorageFailed,
        /// <summary>The hard cap of wrong offline attempts since the last online contact is reached: only an online sign-in opens the vault again.</summary>
        NeedsOnline,
        /// <summary>A vault of the earlier format (it held the user's own secret): deleted now; the user signs in online or syncs again.</summary>
        Outdated,
        /// <summary>Another sign-in (another session's LogonUI) held this vault's lock past the wait. Nothing checked, nothing counted.</summary>
        Busy,
        /// <summary>A help-desk answer with no challenge pending (never shown, already used, or past its minutes). Not counted.</summary>
        NoChallenge,
    }
}
