using System;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.Security
{
    /// <summary>data_encryption = false: the secret is stored as Base32, as the product's first versions did.</summary>
    public sealed class PlainSecretProtector : ISecretProtector
    {
        /// <summary>Nothing to derive.</summary>
        public void Prepare() { }

        public string Protect(string upn, byte[] key) => SharedSecret.ToBase32(key);

        public bool IsCurrentFormat(string stored) => true;

        public byte[] Unprotect(string upn, string stored)
        {
            if (stored.StartsWith(EncryptedSecretProtector.VersionPrefix, StringComparison.Ordinal) || stored.StartsWith(EncryptedSecretProtector.V1Prefix, StringComparison.Ordinal))
                throw new SecretUnreadableException(upn, "it is encrypted but data_encryption is false");
            try { return SharedSecret.FromBase32(stored); }
            catch (FormatException) { throw new SecretUnreadableException(upn, "it is not Base32"); }
        }
    }
}
