using System;
using System.Collections.Generic;
using System.Text;
using SecureMFA.Otp.Crypto;
using SecureMFA.Otp.Recovery;

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
        public const int Length = RecoveryCodeText.Length;
        private const string Alphabet = RecoveryCodeText.Alphabet;

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

        /// <summary>The code as typed, normalized (<see cref="RecoveryCodeText.Normalize"/>); null unless it has the form of a recovery code.</summary>
        public static string? Normalize(string? typed) => RecoveryCodeText.Normalize(typed);

        /// <summary>What the store keeps (<see cref="RecoveryCodeText.Hash"/>).</summary>
        public static string Hash(string upn, string normalizedCode) => RecoveryCodeText.Hash(upn, normalizedCode);
    }
}
