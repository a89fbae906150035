using System;
using System.Security.Cryptography;

namespace SecureMFA.AdfsGacHost
{
    /// <summary>
    /// RFC 6238 (HMAC-SHA1, 30 s, 6 digits: the product's defaults) written out here, independently of the product's
    /// own code, so a sign-in that succeeds proves the adapter agrees with the RFC and not merely with itself.
    /// </summary>
    internal static class RfcTotp
    {
        public static long StepAt(DateTime utc) => (long)(utc - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds / 30;

        public static string Code(string base32Key, long step)
        {
            var counter = BitConverter.GetBytes(step);
            if (BitConverter.IsLittleEndian) Array.Reverse(counter);
            using (var hmac = new HMACSHA1(Base32(base32Key)))
            {
                var hash = hmac.ComputeHash(counter);
                var offset = hash[hash.Length - 1] & 0x0f;
                var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
                return (binary % 1_000_000).ToString("D6");
            }
        }

        private static byte[] Base32(string text)
        {
            const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            var clean = text.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
            var bytes = new byte[clean.Length * 5 / 8];
            int buffer = 0, bits = 0, index = 0;
            foreach (var c in clean)
            {
                var value = Alphabet.IndexOf(c);
                if (value < 0) throw new FormatException($"'{c}' is not base32");
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8)
                {
                    bytes[index++] = (byte)(buffer >> (bits - 8));
                    bits -= 8;
                }
            }
            return bytes;
        }
    }
}
