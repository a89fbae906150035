using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Otp.Recovery
{
    /// <summary>
    /// A one-time recovery code as every half reads it: the AD FS page and the WEB API (through Core's RecoveryCode,
    /// which issues them), and the Windows logon tile, online and offline. 16 characters of a 32-letter alphabet without
    /// look-alikes (80 random bits), shown as XXXX-XXXX-XXXX-XXXX. A TOTP code is 6 or 8 digits, so the two never read
    /// as each other: the length alone tells them apart.
    /// </summary>
    public static class RecoveryCodeText
    {
        public const int Length = 16;
        public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

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

        /// <summary>
        /// Lower-case hex SHA-256 of the normalized code, bound to the user so a hash cannot be moved to another: what the
        /// store keeps, and what a device reports for a code used offline (it can compute it only from the code itself).
        /// </summary>
        public static string Hash(string upn, string normalizedCode) =>
            LowerHex.Sha256(Encoding.UTF8.GetBytes("SecureMFA OTP recovery code\n" + upn.ToLowerInvariant() + "\n" + normalizedCode));
    }
}
