using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Core.Security
{
    /// <summary>
    /// The AES-256 and HMAC-SHA256 keys derived from data_encryption_passphrase. Derivation is deliberately
    /// slow (PBKDF2-HMAC-SHA256, 600,000 iterations), so each derivation is done once per process and cached.
    /// Format v2 asks PBKDF2 for 32 bytes only (a guesser must do all the work the server does) over a random
    /// per-deployment salt kept in the store, and expands them with HKDF. Format v1, read only, asked for 64
    /// bytes over a fixed product salt and split them.
    /// </summary>
    public sealed class PassphraseKey
    {
        public const int Iterations = 600_000;
        public const int SaltBytes = 16;

        private static readonly byte[] V1Salt = Encoding.UTF8.GetBytes("SecureMFA-OTP secret-at-rest key v1");
        private static readonly ConcurrentDictionary<string, PassphraseKey> Cache = new ConcurrentDictionary<string, PassphraseKey>();

        private PassphraseKey(byte[] encryptionKey, byte[] macKey) => (EncryptionKey, MacKey) = (encryptionKey, macKey);

        internal byte[] EncryptionKey { get; }
        internal byte[] MacKey { get; }

        public static PassphraseKey V2(string passphrase, byte[] salt)
        {
            CheckPassphrase(passphrase);
            if (salt == null || salt.Length < SaltBytes) throw new ArgumentException($"The salt must have at least {SaltBytes} bytes.", nameof(salt));
            return Cache.GetOrAdd(CacheKey("v2", passphrase, salt), _ =>
            {
                var master = Pbkdf2.Sha256(Encoding.UTF8.GetBytes(passphrase), salt, Iterations, 32);
                try
                {
                    return new PassphraseKey(
                        Hkdf.DeriveKey(master, null, Encoding.ASCII.GetBytes("SecureMFA OTP secret at rest v2: encryption"), 32),
                        Hkdf.DeriveKey(master, null, Encoding.ASCII.GetBytes("SecureMFA OTP secret at rest v2: authentication"), 32));
                }
                finally { Array.Clear(master, 0, master.Length); }
            });
        }

        public static PassphraseKey V1(string passphrase)
        {
            CheckPassphrase(passphrase);
            return Cache.GetOrAdd(CacheKey("v1", passphrase, V1Salt), _ =>
            {
                var bytes = Pbkdf2.Sha256(Encoding.UTF8.GetBytes(passphrase), V1Salt, Iterations, 64);
                var encryption = new byte[32];
                var mac = new byte[32];
                Buffer.BlockCopy(bytes, 0, encryption, 0, 32);
                Buffer.BlockCopy(bytes, 32, mac, 0, 32);
                Array.Clear(bytes, 0, bytes.Length);
                return new PassphraseKey(encryption, mac);
            });
        }

        private static void CheckPassphrase(string passphrase)
        {
            if (string.IsNullOrEmpty(passphrase)) throw new ArgumentException("The passphrase is empty.", nameof(passphrase));
        }

        /// <summary>A hash, so the cache does not keep the passphrase string itself alive.</summary>
        private static string CacheKey(string version, string passphrase, byte[] salt)
        {
            using (var sha = SHA256.Create())
                return version + ":" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(passphrase))) + ":" + Convert.ToBase64String(salt);
        }
    }
}
