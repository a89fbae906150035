namespace SecureMFA.Otp.Totp
{
    /// <summary>
    /// What a user typed as a code, read the one way both halves agree on (the AD FS page, the WEB API, the Windows
    /// logon tile and its offline check): white space is dropped; anything else must be an ASCII digit. Dashes,
    /// full-width or other-script digits and letters make the text not a code, so it is refused as malformed (not
    /// sent, not counted) rather than guessed at.
    /// </summary>
    public static class TypedCode
    {
        /// <summary>The longest code any user has (TOTP codes are 6 or 8 digits).</summary>
        public const int MaxDigits = 8;

        /// <summary>The digits of a code of exactly <paramref name="digits"/> digits, or null when the text is not one.</summary>
        public static char[]? Digits(string? typed, int digits)
        {
            var found = Collect(typed, digits);
            return found != null && found.Length == digits ? found.ToCharArray() : null;
        }

        /// <summary>
        /// For a client that does not know the user's digit count (the logon tile): the digits of a 6- or 8-digit code,
        /// or null when the text is not one (nothing is sent or counted then).
        /// </summary>
        public static string? Normalize(string? typed)
        {
            var found = Collect(typed, MaxDigits);
            return found != null && (found.Length == 6 || found.Length == MaxDigits) ? found : null;
        }

        private static string? Collect(string? typed, int max)
        {
            if (typed == null) return null;
            var digits = new System.Text.StringBuilder(max);
            foreach (var c in typed)
            {
                if (char.IsWhiteSpace(c)) continue;
                if (c < '0' || c > '9' || digits.Length == max) return null;
                digits.Append(c);
            }
            return digits.ToString();
        }
    }
}
