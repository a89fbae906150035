using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecureMFA.Otp.Crypto
{
    /// <summary>Lower-case hexadecimal, the spelling the protocol, the stores and the file names use for hashes and ids.</summary>
    public static class LowerHex
    {
        /// <param name="count">How many leading bytes to write; all of them when omitted.</param>
        public static string Of(byte[] bytes, int count = -1)
        {
            if (count < 0 || count > bytes.Length) count = bytes.Length;
            var hex = new StringBuilder(count * 2);
            for (var i = 0; i < count; i++) hex.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        /// <summary>SHA-256 of the bytes (none for null), in lower-case hex.</summary>
        public static string Sha256(byte[]? data)
        {
            using (var sha = SHA256.Create()) return Of(sha.ComputeHash(data ?? new byte[0]));
        }
    }
}
