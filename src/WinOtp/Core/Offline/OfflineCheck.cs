using System;

namespace SecureMFA.WinOtp.Offline
{
    /// <summary>The result of one offline attempt. Holds no secret except, after a device-form success, the one to re-lock under the password.</summary>
    public sealed class OfflineCheck
    {
        internal OfflineCheck(OfflineOutcome outcome)
        {
            Outcome = outcome;
        }

        public OfflineOutcome Outcome { get; }
        public DateTime? LockedUntil { get; internal set; }
        public int? AttemptsLeft { get; internal set; }
        public DateTime? ValidUntil { get; internal set; }
        public long? MatchedStep { get; internal set; }
        /// <summary>The authenticator entry whose codes the vault takes (after a wrong code, for the tile's hint).</summary>
        public string Entry { get; internal set; } = "";
        /// <summary>Set for a Device-form success: the caller re-locks it under the password once Windows accepts that password.</summary>
        internal byte[]? SecretToBind { get; set; }

        /// <summary>After a recovery code was accepted offline: how many unused ones this computer still holds.</summary>
        public int? RecoveryCodesLeft { get; internal set; }

        /// <summary>The help-desk challenge (issued, or the one an accepted answer used).</summary>
        public SecureMFA.Otp.Protocol.OfflineUnlock? Challenge { get; internal set; }
    }
}
