namespace SecureMFA.WinOtp.Logon
{
    /// <summary>What the user typed in the code field, as the API expects it: 6 or 8 ASCII digits, spaces dropped.</summary>
    public static class CodeText
    {
        /// <summary>The digits, or null when the text is not a code (nothing is sent or counted then).</summary>
        public static string? Normalize(string? typed)
        {
            if (typed == null) return null;
            var digits = new System.Text.StringBuilder(8);
            foreach (var c in typed)
            {
                if (char.IsWhiteSpace(c)) continue;
                if (c < '0' || c > '9' || digits.Length == 8) return null;
                digits.Append(c);
            }
            return digits.Length == 6 || digits.Length == 8 ? digits.ToString() : null;
        }
    }
}
