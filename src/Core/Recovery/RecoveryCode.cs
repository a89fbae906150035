using System;
using System.Collections.Generic;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Core.Recovery
{
    /// <summary>
    /// One-time recovery codes: 16 characters from a 32-letter alphabet without look-alikes (80 random bits), shown
    /// as XXXX-XXXX-XXXX-XXXX once, stored only as a SHA-256 hash bound to the user. 80 bits are far beyond guessing,
    /// online or against a stolen table, so a plain hash is enough.
    /// </summary>
    public static class RecoveryCode
    {
        public const int CodesPerUser = 10;
        public const int Length = 16;
        private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

        public static IReadOnlyList<string> Generate(int count = CodesPerUser)
        {
            var codes = new List<string>(count);
            for (var n = 0; n < count; n++)
            {
                // 32 symbols: the low five bits of each random byte pick one uniformly.
                var bytes = RandomBytes.Of(Length);
                var code = new StringBuilder(Length + 3);
                for (var i = 0; i < Length; i++)
                {
                    if (i > 0 && i % 4 == 0) code.Append('-');
                    code.Append(Alphabet[bytes[i] & 31]);
                }
                codes.Add(code.ToString());
            }
            return codes;
        }

        /// <summary>The code as typed, without spaces and dashes, upper case, with O/I/L read as 0/1/1; null unless it has the form of a recovery code.</summary>
        public static string? Normalize(string? typed)
        {
            if (typed == null) return null;
            var code = new StringBuilder(Length);
            foreach (var raw in typed)
            {
                if (char.IsWhiteSpace(raw) || raw == '-') continue;
                var c = char.ToUpperInvariant(raw);
                c = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
                if (Alphabet.IndexOf(c) < 0 || code.Length == Length) return null;
                code.Append(c);
            }
            return code.Length == Length ? code.ToString() : null;
        }

        /// <summary>Lower-case hex SHA-256 of the normalized code, bound to the user so a hash cannot be moved to another.</summary>
        public static string Hash(string upn, string normalizedCode)
        {
            return LowerHex.Sha256(Encoding.UTF8.GetBytes("SecureMFA OTP recovery code\n" + upn.ToLowerInvariant() + "\n" + normalizedCode));
        }
    }
}
