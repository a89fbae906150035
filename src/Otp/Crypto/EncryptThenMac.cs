using System;
using System.Security.Cryptography;

namespace SecureMFA.Otp.Crypto
{
    /// <summary>
    /// AES-256-CBC with PKCS#7 padding, then HMAC-SHA256 over the associated data, the IV and the ciphertext: the one
    /// authenticated encryption every SecureMFA format uses (secrets at rest, the offline wrap, the Windows vault),
    /// because it exists on .NET Framework 4.7.2 and in FIPS mode. Sealed bytes are IV (16) ‖ ciphertext ‖ tag (32).
    /// The associated data (the owner, the format, the parameters) is authenticated, not stored: a value moved to another
    /// owner or format does not open.
    /// </summary>
    public static class EncryptThenMac
    {
        public const int IvLength = 16;
        public const int TagLength = 32;

        /// <param name="iv">A fresh random IV when null (tests pass a fixed one to reproduce vectors).</param>
        public static byte[] Seal(byte[] encryptionKey, byte[] macKey, byte[] plaintext, byte[] associatedData, byte[]? iv = null)
        {
            iv = iv ?? RandomBytes.Of(IvLength);
            byte[] ciphertext;
            using (var aes = CreateAes())
            using (var encryptor = aes.CreateEncryptor(encryptionKey, iv))
                ciphertext = encryptor.TransformFinalBlock(plaintext, 0, plaintext.Length);
            var tag = Tag(macKey, associatedData, iv, ciphertext, 0, ciphertext.Length);
            var sealedBytes = new byte[IvLength + ciphertext.Length + TagLength];
            Buffer.BlockCopy(iv, 0, sealedBytes, 0, IvLength);
            Buffer.BlockCopy(ciphertext, 0, sealedBytes, IvLength, ciphertext.Length);
            Buffer.BlockCopy(tag, 0, sealedBytes, IvLength + ciphertext.Length, TagLength);
            return sealedBytes;
        }

        /// <summary>True when the length can be IV ‖ whole AES blocks ‖ tag.</summary>
        public static bool HasSealedLength(int length) => length - IvLength - TagLength > 0 && (length - IvLength - TagLength) % 16 == 0;

        /// <summary>The plaintext, or null when the bytes are malformed or the tag does not match (altered, another key, another owner).</summary>
        public static byte[]? Open(byte[] encryptionKey, byte[] macKey, byte[] sealedBytes, byte[] associatedData)
        {
            if (!HasSealedLength(sealedBytes.Length)) return null;
            var cipherLength = sealedBytes.Length - IvLength - TagLength;
            var iv = new byte[IvLength];
            var tag = new byte[TagLength];
            Buffer.BlockCopy(sealedBytes, 0, iv, 0, IvLength);
            Buffer.BlockCopy(sealedBytes, IvLength + cipherLength, tag, 0, TagLength);
            // The tag is checked before anything is decrypted (no padding oracle).
            if (!FixedTime.Equal(Tag(macKey, associatedData, iv, sealedBytes, IvLength, cipherLength), tag)) return null;
            using (var aes = CreateAes())
            using (var decryptor = aes.CreateDecryptor(encryptionKey, iv))
                return decryptor.TransformFinalBlock(sealedBytes, IvLength, cipherLength);
        }

        private static byte[] Tag(byte[] macKey, byte[] associatedData, byte[] iv, byte[] buffer, int offset, int count)
        {
            using (var hmac = new HMACSHA256(macKey))
            {
                hmac.TransformBlock(associatedData, 0, associatedData.Length, null, 0);
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
