using System;

namespace SecureMFA.WinOtp.Offline
{
    /// <summary>What is known about one user's offline data, for status displays (no secret).</summary>
    public sealed class VaultStatus
    {
        public string Upn { get; set; } = "";
        /// <summary>NoVault, Tampered, RolledBack, or Accepted for a readable vault.</summary>
        public OfflineOutcome State { get; set; }
        public VaultForm Form { get; set; }
        public long Generation { get; set; }
        public DateTime? LastOnline { get; set; }
        /// <summary>The package's own limit; the effective one is also capped by valid_days after LastOnline.</summary>
        public DateTime? PackageValidUntil { get; set; }
        public int Failures { get; set; }
        /// <summary>Wrong offline attempts since the last online contact (the hard cap counts these).</summary>
        public int OfflineFailures { get; set; }
        /// <summary>The authenticator entry whose codes this vault takes.</summary>
        public string Entry { get; set; } = "";
        public DateTime? LockedUntil { get; set; }
    }
}
