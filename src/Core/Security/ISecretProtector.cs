using System;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Stores;

namespace SecureMFA.Core.Security
{
    /// <summary>Turns a user's TOTP key into the text stored in SQL or AD, and back.</summary>
    public interface ISecretProtector
    {
        /// <summary>Does the slow part now (deriving the key from the passphrase), at start-up rather than in the first sign-in.</summary>
        void Prepare();

        string Protect(string upn, byte[] key);

        /// <summary>Throws <see cref="SecretUnreadableException"/> when the value was altered or belongs to another user.</summary>
        byte[] Unprotect(string upn, string stored);

        /// <summary>False for a readable value in an older format, to be rewritten (after a successful sign-in, or by ConvertTo-xOTP_EncryptedSecret).</summary>
        bool IsCurrentFormat(string stored);
    }

    /// <summary>A stored secret that cannot be used: tampered, copied from another user, or under another passphrase.</summary>
    public sealed class SecretUnreadableException : Exception
    {
        public SecretUnreadableException(string upn, string reason)
            : base($"The stored OTP secret of {upn} cannot be used: {reason}. Reset the user to enrol again.")
        {
            Upn = upn;
        }

        public string Upn { get; }
    }

    public static class SecretProtectors
    {
        /// <summary>
        /// The protector data_encryption asks for. The key is derived from the passphrase and the salt in the store's
        /// metadata on first use (deliberately slow): call <see cref="ISecretProtector.Prepare"/> at start-up.
        /// </summary>
        public static ISecretProtector For(ProviderConfiguration config, IStoreMetadata metadata) =>
            config.DataEncryption
                ? new EncryptedSecretProtector(config.DataEncryptionPassphrase, () => KeyDerivationSalt.From(metadata))
                : (ISecretProtector)new PlainSecretProtector();
    }
}
