using System;
using System.Security.Cryptography;

namespace SecureMFA.Otp.Crypto
{
    /// <summary>
    /// HKDF with HMAC-SHA256 (RFC 5869). .NET Framework 4.7.2 has no HKDF class, and the server and the
    /// Windows client must derive byte-identical keys, so both use this one implementation.
    /// </summary>
    public static class Hkdf
    {
        private const int HashLength = 32;

        /// <param name="salt">Null or empty means HashLength zero bytes, as RFC 5869 says.</param>
        public static byte[] DeriveKey(byte[] inputKeyMaterial, byte[]? salt, byte[] info, int length)
        {
            if (inputKeyMaterial == null) throw new ArgumentNullException(nameof(inputKeyMaterial));
            if (info == null) throw new ArgumentNullException(nameof(info));
            if (length <= 0 || length > 255 * HashLength) throw new ArgumentOutOfRangeException(nameof(length), length, "HKDF-SHA256 yields 1 to 8160 bytes.");

            byte[] pseudoRandomKey;
            using (var extract = new HMACSHA256(salt == null || salt.Length == 0 ? new byte[HashLength] : salt))
                pseudoRandomKey = extract.ComputeHash(inputKeyMaterial);

            var output = new byte[length];
            var previous = new byte[0];
            using (var expand = new HMACSHA256(pseudoRandomKey))
            {
                for (var block = 1; (block - 1) * HashLength < length; block++)
                {
                    var input = new byte[previous.Length + info.Length + 1];
                    Buffer.BlockCopy(previous, 0, input, 0, previous.Length);
                    Buffer.BlockCopy(info, 0, input, previous.Length, info.Length);
                    input[input.Length - 1] = (byte)block;
                    previous = expand.ComputeHash(input);
                    var offset = (block - 1) * HashLength;
                    Buffer.BlockCopy(previous, 0, output, offset, Math.Min(HashLength, length - offset));
                }
            }
            Array.Clear(pseudoRandomKey, 0, pseudoRandomKey.Length);
            return output;
        }
    }
}
