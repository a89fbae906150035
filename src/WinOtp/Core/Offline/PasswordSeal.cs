using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.WinOtp.Offline
{
    /// <summary>
    /// Locks a TOTP secret under the user's Windows password: 32 bytes of PBKDF2-HMAC-SHA256 (600,000 iterations,
    /// 16-byte random salt) expanded by HKDF into an AES-256-CBC key and an HMAC-SHA256 key, encrypt-then-MAC.
    /// Layout: salt (16) ‖ IV (16) ‖ ciphertext ‖ tag (32); the tag also covers the UPN and TOTP parameters.
    /// The result is then put inside DPAPI machine scope by the vault. Available on .NET Framework 4.7.2 and
    /// in FIPS mode.
    /// </summary>
    public static class PasswordSeal
    {
        public const int DefaultIterations = 600000;
        private const int SaltBytes = 16;
        private const int IvBytes = 16;
        private const int TagBytes = 32;

        public static byte[] Seal(byte[] secret, string password, string upn, string alg, int digits, int period, int iterations)
        {
            var salt = Random(SaltBytes);
            var iv = Random(IvBytes);
            var (encryption, mac) = Keys(password, salt, iterations, upn);
            try
            {
                byte[] ciphertext;
                using (var aes = CreateAes())
                using (var encryptor = aes.CreateEncryptor(encryption, iv))
                    ciphertext = encryptor.TransformFinalBlock(secret, 0, secret.Length);
                var tag = Tag(mac, upn, alg, digits, period, salt, iv, ciphertext);
                var sealedBytes = new byte[SaltBytes + IvBytes + ciphertext.Length + TagBytes];
                Buffer.BlockCopy(salt, 0, sealedBytes, 0, SaltBytes);
                Buffer.BlockCopy(iv, 0, sealedBytes, SaltBytes, IvBytes);
                Buffer.BlockCopy(ciphertext, 0, sealedBytes, SaltBytes + IvBytes, ciphertext.Length);
                Buffer.BlockCopy(tag, 0, sealedBytes, sealedBytes.Length - TagBytes, TagBytes);
                return sealedBytes;
            }
            finally
            {
                Array.Clear(encryption, 0, encryption.Length);
                Array.Clear(mac, 0, mac.Length);
            }
        }

        /// <summary>The secret, or null when the password is not the one it was sealed with (or the bytes were altered).</summary>
        public static byte[]? Open(byte[] sealedBytes, string password, string upn, string alg, int digits, int period, int iterations)
        {
            var cipherLength = sealedBytes.Length - SaltBytes - IvBytes - TagBytes;
            if (cipherLength <= 0 || cipherLength % 16 != 0) return null;
            var salt = Slice(sealedBytes, 0, SaltBytes);
            var iv = Slice(sealedBytes, SaltBytes, IvBytes);
            var ciphertext = Slice(sealedBytes, SaltBytes + IvBytes, cipherLength);
            var tag = Slice(sealedBytes, sealedBytes.Length - TagBytes, TagBytes);
            var (encryption, mac) = Keys(password, salt, iterations, upn);
            try
            {
                if (!FixedTime.Equal(Tag(mac, upn, alg, digits, period, salt, iv, ciphertext), tag)) return null;
                using (var aes = CreateAes())
                using (var decryptor = aes.CreateDecryptor(encryption, iv))
                    return decryptor.TransformFinalBlock(ciphertext, 0, cipherLength);
            }
            finally
            {
                Array.Clear(encryption, 0, encryption.Length);
                Array.Clear(mac, 0, mac.Length);
            }
        }

        private static (byte[] Encryption, byte[] Mac) Keys(string password, byte[] salt, int iterations, string upn)
        {
            if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "PBKDF2 needs at least one iteration.");
            var passwordBytes = Encoding.UTF8.GetBytes(password ?? "");
            byte[] stretched;
#if NETFRAMEWORK
            using (var pbkdf2 = new Rfc2898DeriveBytes(passwordBytes, salt, iterations, HashAlgorithmName.SHA256)) stretched = pbkdf2.GetBytes(32);
#else
            stretched = Rfc2898DeriveBytes.Pbkdf2(passwordBytes, salt, iterations, HashAlgorithmName.SHA256, 32);
#endif
            Array.Clear(passwordBytes, 0, passwordBytes.Length);
            var okm = Hkdf.DeriveKey(stretched, null, Encoding.UTF8.GetBytes("SMFA-WINOTP-VAULT-PASSWORD\n" + upn), 64);
            Array.Clear(stretched, 0, stretched.Length);
            var keys = (Slice(okm, 0, 32), Slice(okm, 32, 32));
            Array.Clear(okm, 0, okm.Length);
            return keys;
        }

        private static byte[] Tag(byte[] macKey, string upn, string alg, int digits, int period, byte[] salt, byte[] iv, byte[] ciphertext)
        {
            var fields = Encoding.UTF8.GetBytes(string.Format(CultureInfo.InvariantCulture, "SMFA-WINOTP-VAULT-PASSWORD\n{0}\n{1}\n{2}\n{3}\n", upn, alg, digits, period));
            using (var hmac = new HMACSHA256(macKey))
            {
                hmac.TransformBlock(fields, 0, fields.Length, null, 0);
                hmac.TransformBlock(salt, 0, salt.Length, null, 0);
                hmac.TransformBlock(iv, 0, iv.Length, null, 0);
                hmac.TransformFinalBlock(ciphertext, 0, ciphertext.Length);
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

        private static byte[] Random(int length)
        {
            var bytes = new byte[length];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return bytes;
        }

        private static byte[] Slice(byte[] source, int offset, int length)
        {
            var result = new byte[length];
            Buffer.BlockCopy(source, offset, result, 0, length);
            return result;
        }
    }
}
