using System;
using System.Globalization;
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

        public static byte[] Seal(byte[] secret, string password, string upn, string alg, int digits, int period, int iterations)
        {
            var salt = RandomBytes.Of(SaltBytes);
            var (encryption, mac) = Keys(password, salt, iterations, upn);
            try
            {
                var sealedPart = EncryptThenMac.Seal(encryption, mac, secret, AssociatedData(upn, alg, digits, period, salt));
                var sealedBytes = new byte[SaltBytes + sealedPart.Length];
                Buffer.BlockCopy(salt, 0, sealedBytes, 0, SaltBytes);
                Buffer.BlockCopy(sealedPart, 0, sealedBytes, SaltBytes, sealedPart.Length);
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
            if (!EncryptThenMac.HasSealedLength(sealedBytes.Length - SaltBytes)) return null;
            var salt = Slice(sealedBytes, 0, SaltBytes);
            var sealedPart = Slice(sealedBytes, SaltBytes, sealedBytes.Length - SaltBytes);
            var (encryption, mac) = Keys(password, salt, iterations, upn);
            try
            {
                return EncryptThenMac.Open(encryption, mac, sealedPart, AssociatedData(upn, alg, digits, period, salt));
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
            var stretched = Pbkdf2.Sha256(passwordBytes, salt, iterations, 32);
            Array.Clear(passwordBytes, 0, passwordBytes.Length);
            var okm = Hkdf.DeriveKey(stretched, null, Encoding.UTF8.GetBytes($"SMFA-WINOTP-VAULT-PASSWORD\n{upn}"), 64);
            Array.Clear(stretched, 0, stretched.Length);
            var keys = (Slice(okm, 0, 32), Slice(okm, 32, 32));
            Array.Clear(okm, 0, okm.Length);
            return keys;
        }

        /// <summary>The user and TOTP parameters, then the salt: authenticated with the ciphertext, so nothing can be swapped.</summary>
        private static byte[] AssociatedData(string upn, string alg, int digits, int period, byte[] salt)
        {
            var fields = Encoding.UTF8.GetBytes(string.Format(CultureInfo.InvariantCulture, "SMFA-WINOTP-VAULT-PASSWORD\n{0}\n{1}\n{2}\n{3}\n", upn, alg, digits, period));
            var data = new byte[fields.Length + salt.Length];
            Buffer.BlockCopy(fields, 0, data, 0, fields.Length);
            Buffer.BlockCopy(salt, 0, data, fields.Length, salt.Length);
            return data;
        }

        private static byte[] Slice(byte[] source, int offset, int length)
        {
            var result = new byte[length];
            Buffer.BlockCopy(source, offset, result, 0, length);
            return result;
        }
    }
}
