using System;
using System.Security.Cryptography;
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
        private const int IvLength = 16;
        private const int TagLength = 32;
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

        /// <summary>Derives the key now (slow) rather than at the first sign-in.</summary>
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
            var iv = new byte[IvLength];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(iv);
            var key = Key;
            byte[] ciphertext;
            using (var aes = CreateAes())
            using (var encryptor = aes.CreateEncryptor(key.EncryptionKey, iv))
                ciphertext = encryptor.TransformFinalBlock(secret, 0, secret.Length);

            var tag = ComputeTag(key, VersionPrefix, upn, iv, ciphertext, 0, ciphertext.Length);
            var payload = new byte[IvLength + ciphertext.Length + TagLength];
            Buffer.BlockCopy(iv, 0, payload, 0, IvLength);
            Buffer.BlockCopy(ciphertext, 0, payload, IvLength, ciphertext.Length);
            Buffer.BlockCopy(tag, 0, payload, IvLength + ciphertext.Length, TagLength);
            return VersionPrefix + Convert.ToBase64String(payload);
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
            byte[] payload;
            try { payload = Convert.FromBase64String(stored.Substring(prefix.Length)); }
            catch (FormatException) { throw new SecretUnreadableException(upn, "it is not valid Base64"); }
            var cipherLength = payload.Length - IvLength - TagLength;
            if (cipherLength <= 0 || cipherLength % 16 != 0) throw new SecretUnreadableException(upn, "it has the wrong length");

            var iv = new byte[IvLength];
            var tag = new byte[TagLength];
            Buffer.BlockCopy(payload, 0, iv, 0, IvLength);
            Buffer.BlockCopy(payload, IvLength + cipherLength, tag, 0, TagLength);
            if (!FixedTime.Equal(ComputeTag(key, prefix, upn, iv, payload, IvLength, cipherLength), tag))
                throw new SecretUnreadableException(upn, "its integrity check failed (altered, copied from another user, or another passphrase)");

            using (var aes = CreateAes())
            using (var decryptor = aes.CreateDecryptor(key.EncryptionKey, iv))
                return decryptor.TransformFinalBlock(payload, IvLength, cipherLength);
        }

        private static byte[] ComputeTag(PassphraseKey key, string prefix, string upn, byte[] iv, byte[] buffer, int offset, int count)
        {
            var user = Encoding.UTF8.GetBytes(upn.ToLowerInvariant());
            var header = Encoding.ASCII.GetBytes(prefix);
            using (var hmac = new HMACSHA256(key.MacKey))
            {
                // Length-prefix the UPN so (user, ciphertext) pairs cannot be re-split.
                hmac.TransformBlock(header, 0, header.Length, null, 0);
                hmac.TransformBlock(BitConverter.GetBytes(user.Length), 0, 4, null, 0);
                hmac.TransformBlock(user, 0, user.Length, null, 0);
                hmac.TransformBlock(iv, 0, iv.Length, null, 0);
                hmac.TransformFinalBlock(buffer, offset, count);
                return hmac.Hash!;
            }
        }

        private static Aes CreateAes()
        {
            var aes = Aes.Create();
            aes.Mode = CipherMode.CBC;
            aes.Padding = PaddingMode.PKCS7;
            return aes;
        }
    }
}
