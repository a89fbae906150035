using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SecureMFA.Core.Security
{
    /// <summary>
    /// The 512 bits derived from data_encryption_passphrase with PBKDF2-HMAC-SHA256: the first half
    /// encrypts (AES-256), the second authenticates (HMAC-SHA256). Derivation is deliberately slow,
    /// so each passphrase is derived once per process and cached.
    /// </summary>
    public sealed class PassphraseKey
    {
        public const int Iterations = 600_000;

        // Every farm node must derive the same key from the same passphrase, so the salt is fixed
        // and product-specific rather than random; the passphrase itself is the per-deployment secret.
        private static readonly byte[] Salt = Encoding.UTF8.GetBytes("SecureMFA-OTP secret-at-rest key v1");
        private static readonly ConcurrentDictionary<string, PassphraseKey> Cache = new ConcurrentDictionary<string, PassphraseKey>();

        private PassphraseKey(byte[] encryptionKey, byte[] macKey)
        {
            EncryptionKey = encryptionKey;
            MacKey = macKey;
        }

        internal byte[] EncryptionKey { get; }
        internal byte[] MacKey { get; }

        public static PassphraseKey For(string passphrase)
        {
            if (string.IsNullOrEmpty(passphrase)) throw new ArgumentException("The passphrase is empty.", nameof(passphrase));
            // The cache is keyed by a hash so the passphrase string itself is not kept alive by it.
            return Cache.GetOrAdd(CacheKey(passphrase), _ => Derive(passphrase));
        }

        private static PassphraseKey Derive(string passphrase)
        {
            var bytes = Pbkdf2(Encoding.UTF8.GetBytes(passphrase));
            var encryption = new byte[32];
            var mac = new byte[32];
            Buffer.BlockCopy(bytes, 0, encryption, 0, 32);
            Buffer.BlockCopy(bytes, 32, mac, 0, 32);
            return new PassphraseKey(encryption, mac);
        }

        private static byte[] Pbkdf2(byte[] password)
        {
#if NETFRAMEWORK
            using (var pbkdf2 = new Rfc2898DeriveBytes(password, Salt, Iterations, HashAlgorithmName.SHA256))
                return pbkdf2.GetBytes(64);
#else
            return Rfc2898DeriveBytes.Pbkdf2(password, Salt, Iterations, HashAlgorithmName.SHA256, 64);
#endif
        }

        private static string CacheKey(string passphrase)
        {
            using (var sha = SHA256.Create())
                return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(passphrase)));
        }
    }
}
