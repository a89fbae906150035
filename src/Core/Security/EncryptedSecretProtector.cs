using System;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.Security
{
    /// <summary>
    /// AES-256-CBC then HMAC-SHA256 over version, user and ciphertext (encrypt-then-MAC): available
    /// on .NET Framework 4.7.2 and in FIPS mode. Stored as "v1:" + Base64(iv | ciphertext | tag).
    /// Binding the MAC to the UPN means a secret copied onto another user is refused.
    /// </summary>
    public sealed class EncryptedSecretProtector : ISecretProtector
    {
        public const string VersionPrefix = "v1:";
        private const int IvLength = 16;
        private const int TagLength = 32;
        private readonly PassphraseKey _key;

        public EncryptedSecretProtector(string passphrase) => _key = PassphraseKey.For(passphrase);

        public string Protect(string upn, byte[] key)
        {
            var iv = new byte[IvLength];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(iv);
            byte[] ciphertext;
            using (var aes = CreateAes())
            using (var encryptor = aes.CreateEncryptor(_key.EncryptionKey, iv))
                ciphertext = encryptor.TransformFinalBlock(key, 0, key.Length);

            var tag = ComputeTag(upn, iv, ciphertext, 0, ciphertext.Length);
            var payload = new byte[IvLength + ciphertext.Length + TagLength];
            Buffer.BlockCopy(iv, 0, payload, 0, IvLength);
            Buffer.BlockCopy(ciphertext, 0, payload, IvLength, ciphertext.Length);
            Buffer.BlockCopy(tag, 0, payload, IvLength + ciphertext.Length, TagLength);
            return VersionPrefix + Convert.ToBase64String(payload);
        }

        public byte[] Unprotect(string upn, string stored)
        {
            if (!stored.StartsWith(VersionPrefix, StringComparison.Ordinal))
            {
                // A secret written while data_encryption was false stays readable, so switching
                // encryption on does not invalidate every user; a reset re-protects it.
                try { return SharedSecret.FromBase32(stored); }
                catch (FormatException) { throw new SecretUnreadableException(upn, "unknown format"); }
            }

            byte[] payload;
            try { payload = Convert.FromBase64String(stored.Substring(VersionPrefix.Length)); }
            catch (FormatException) { throw new SecretUnreadableException(upn, "it is not valid Base64"); }
            var cipherLength = payload.Length - IvLength - TagLength;
            if (cipherLength <= 0 || cipherLength % 16 != 0) throw new SecretUnreadableException(upn, "it has the wrong length");

            var iv = new byte[IvLength];
            Buffer.BlockCopy(payload, 0, iv, 0, IvLength);
            var expectedTag = ComputeTag(upn, iv, payload, IvLength, cipherLength);
            if (!FixedTimeEquals(expectedTag, payload, IvLength + cipherLength))
                throw new SecretUnreadableException(upn, "its integrity check failed (altered, copied from another user, or another passphrase)");

            using (var aes = CreateAes())
            using (var decryptor = aes.CreateDecryptor(_key.EncryptionKey, iv))
                return decryptor.TransformFinalBlock(payload, IvLength, cipherLength);
        }

        private byte[] ComputeTag(string upn, byte[] iv, byte[] buffer, int offset, int count)
        {
            var user = Encoding.UTF8.GetBytes(upn.ToLowerInvariant());
            var header = Encoding.ASCII.GetBytes(VersionPrefix);
            using (var hmac = new HMACSHA256(_key.MacKey))
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

        private static bool FixedTimeEquals(byte[] expected, byte[] buffer, int offset)
        {
            var difference = 0;
            for (var i = 0; i < expected.Length; i++) difference |= expected[i] ^ buffer[offset + i];
            return difference == 0;
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
