using System;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Core.Security
{
    /// <summary>
    /// AES-256-CBC then HMAC-SHA256 over version, user and ciphertext (encrypt-then-MAC): available on .NET
    /// Framework 4.7.2 and in FIPS mode. Stored as "v2:" + Base64(iv | ciphertext | tag); "v1:" (the first key
    /// format, see <see cref="PassphraseKey"/>) is still read. Binding the MAC to the UPN means a secret copied
    /// onto another user is refused. With encryption on, a value without a version prefix is refused, never
    /// used as plaintext: whoever can write one column must not be able to downgrade a user.
    /// </summary>
    public sealed class EncryptedSecretProtector : ISecretProtector
    {
        public const string VersionPrefix = "v2:";
        public const string V1Prefix = "v1:";
        private readonly string _passphrase;
        private readonly Func<byte[]> _salt;
        private readonly object _gate = new object();
        private PassphraseKey? _key;

        /// <param name="salt">Where the deployment's salt comes from (the store): asked once, on first use, so a store that is down at start-up is asked again later.</param>
        public EncryptedSecretProtector(string passphrase, Func<byte[]> salt)
        {
            if (string.IsNullOrEmpty(passphrase)) throw new ArgumentException("The passphrase is empty.", nameof(passphrase));
            _passphrase = passphrase;
            _salt = salt;
        }

        /// <summary>Derives the key now (slow) rather than at the first sign-in; asks the store for the salt, so it throws what the store throws.</summary>
        public void Prepare() => _ = Key;

        private PassphraseKey Key
        {
            get
            {
                lock (_gate) return _key ?? (_key = PassphraseKey.V2(_passphrase, _salt()));
            }
        }

        public bool IsCurrentFormat(string stored) => stored.StartsWith(VersionPrefix, StringComparison.Ordinal);

        public string Protect(string upn, byte[] secret)
        {
            var key = Key;
            return VersionPrefix + Convert.ToBase64String(EncryptThenMac.Seal(key.EncryptionKey, key.MacKey, secret, Owner(VersionPrefix, upn)));
        }

        public byte[] Unprotect(string upn, string stored)
        {
            if (stored.StartsWith(VersionPrefix, StringComparison.Ordinal)) return Open(Key, VersionPrefix, upn, stored);
            if (stored.StartsWith(V1Prefix, StringComparison.Ordinal)) return Open(PassphraseKey.V1(_passphrase), V1Prefix, upn, stored);
            throw new SecretUnreadableException(upn,
                "it is not encrypted although data_encryption is true (written while encryption was off, or planted); encrypt it with ConvertTo-xOTP_EncryptedSecret");
        }

        private static byte[] Open(PassphraseKey key, string prefix, string upn, string stored)
        {
            byte[] sealedBytes;
            try { sealedBytes = Convert.FromBase64String(stored.Substring(prefix.Length)); }
            catch (FormatException) { throw new SecretUnreadableException(upn, "it is not valid Base64"); }
            if (!EncryptThenMac.HasSealedLength(sealedBytes.Length)) throw new SecretUnreadableException(upn, "it has the wrong length");
            return EncryptThenMac.Open(key.EncryptionKey, key.MacKey, sealedBytes, Owner(prefix, upn))
                ?? throw new SecretUnreadableException(upn, "its integrity check failed (altered, copied from another user, or another passphrase)");
        }

        /// <summary>What the tag binds besides the ciphertext: the format, and the user, length-prefixed so (user, ciphertext) pairs cannot be re-split.</summary>
        private static byte[] Owner(string prefix, string upn)
        {
            var header = Encoding.ASCII.GetBytes(prefix);
            var user = Encoding.UTF8.GetBytes(upn.ToLowerInvariant());
            var owner = new byte[header.Length + 4 + user.Length];
            Buffer.BlockCopy(header, 0, owner, 0, header.Length);
            Buffer.BlockCopy(BitConverter.GetBytes(user.Length), 0, owner, header.Length, 4);
            Buffer.BlockCopy(user, 0, owner, header.Length + 4, user.Length);
            return owner;
        }
    }
}
