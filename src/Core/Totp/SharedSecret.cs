using System;
using System.Linq;
using OtpNet;

namespace SecureMFA.Core.Totp
{
    /// <summary>A user's TOTP secret: 160 random bits, written as RFC 4648 Base32 without padding.</summary>
    public static class SharedSecret
    {
        public const int LengthBytes = 20;

        public static byte[] NewKey() => KeyGeneration.GenerateRandomKey(LengthBytes);

        public static string ToBase32(byte[] key) => Base32Encoding.ToString(key).TrimEnd('=');

        /// <summary>Accepts lower case, spaces and padding, as people type secrets; throws FormatException otherwise.</summary>
        public static byte[] FromBase32(string text)
        {
            var cleaned = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).TrimEnd('=').ToUpperInvariant();
            if (cleaned.Length == 0 || cleaned.Any(c => !(c >= 'A' && c <= 'Z') && !(c >= '2' && c <= '7')))
                throw new FormatException("The secret is not Base32 (letters A-Z and digits 2-7).");
            return Base32Encoding.ToBytes(cleaned);
        }
    }
}
