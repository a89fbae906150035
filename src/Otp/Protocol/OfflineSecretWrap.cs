using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Otp.Protocol
{
    /// <summary>
    /// Encrypts a user's TOTP secret for one device (docs/webapi-protocol.md, "wrappedSecret"): keys from
    /// HKDF-SHA256 over the device key and the UPN, AES-256-CBC, then HMAC-SHA256 over every package field,
    /// the IV and the ciphertext (encrypt-then-MAC). Available on .NET Framework 4.7.2 and in FIPS mode.
    /// </summary>
    public static class OfflineSecretWrap
    {
        private const int IvLength = 16;
        private const int TagLength = 32;

        public static string Wrap(byte[] deviceKey, OfflinePackage package, byte[] secret, byte[]? iv = null)
        {
            iv = iv ?? RandomIv();
            var (encryptionKey, macKey) = Keys(deviceKey, package.Upn);
            byte[] ciphertext;
            using (var aes = CreateAes())
            using (var encryptor = aes.CreateEncryptor(encryptionKey, iv))
                ciphertext = encryptor.TransformFinalBlock(secret, 0, secret.Length);
            var tag = Tag(macKey, package, iv, ciphertext);
            var payload = new byte[IvLength + ciphertext.Length + TagLength];
            Buffer.BlockCopy(iv, 0, payload, 0, IvLength);
            Buffer.BlockCopy(ciphertext, 0, payload, IvLength, ciphertext.Length);
            Buffer.BlockCopy(tag, 0, payload, IvLength + ciphertext.Length, TagLength);
            return Convert.ToBase64String(payload);
        }

        /// <summary>The secret, or null when any field, the IV or the ciphertext was altered, or the key is another device's.</summary>
        public static byte[]? Unwrap(byte[] deviceKey, OfflinePackage package)
        {
            byte[] payload;
            try { payload = Convert.FromBase64String(package.WrappedSecret ?? ""); }
            catch (FormatException) { return null; }
            var cipherLength = payload.Length - IvLength - TagLength;
            if (cipherLength <= 0 || cipherLength % 16 != 0) return null;

            var iv = new byte[IvLength];
            var ciphertext = new byte[cipherLength];
            var tag = new byte[TagLength];
            Buffer.BlockCopy(payload, 0, iv, 0, IvLength);
            Buffer.BlockCopy(payload, IvLength, ciphertext, 0, cipherLength);
            Buffer.BlockCopy(payload, IvLength + cipherLength, tag, 0, TagLength);

            var (encryptionKey, macKey) = Keys(deviceKey, package.Upn);
            if (!FixedTime.Equal(Tag(macKey, package, iv, ciphertext), tag)) return null;
            using (var aes = CreateAes())
            using (var decryptor = aes.CreateDecryptor(encryptionKey, iv))
                return decryptor.TransformFinalBlock(ciphertext, 0, cipherLength);
        }

        /// <summary>The text the tag covers before the IV and ciphertext: every field, one per line.</summary>
        public static string AuthenticatedFields(OfflinePackage p) => string.Format(CultureInfo.InvariantCulture,
            "SMFA1-OFFLINE\n{0}\n{1}\n{2}\n{3}\n{4}\n{5}\n{6}\n{7}\n{8}\n",
            p.V, p.Upn, p.Alg, p.Digits, p.Period, p.ValidUntil, p.MaxFailures, p.LockoutMinutes, p.LastStep);

        private static (byte[] Encryption, byte[] Mac) Keys(byte[] deviceKey, string upn)
        {
            var okm = Hkdf.DeriveKey(deviceKey, null, Encoding.UTF8.GetBytes("SMFA1-OFFLINE-KEY\n" + upn), 64);
            var encryption = new byte[32];
            var mac = new byte[32];
            Buffer.BlockCopy(okm, 0, encryption, 0, 32);
            Buffer.BlockCopy(okm, 32, mac, 0, 32);
            return (encryption, mac);
        }

        private static byte[] Tag(byte[] macKey, OfflinePackage package, byte[] iv, byte[] ciphertext)
        {
            var fields = Encoding.UTF8.GetBytes(AuthenticatedFields(package));
            using (var hmac = new HMACSHA256(macKey))
            {
                hmac.TransformBlock(fields, 0, fields.Length, null, 0);
                hmac.TransformBlock(iv, 0, iv.Length, null, 0);
                hmac.TransformFinalBlock(ciphertext, 0, ciphertext.Length);
                return hmac.Hash!;
            }
        }

        private static byte[] RandomIv()
        {
            var iv = new byte[IvLength];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(iv);
            return iv;
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
