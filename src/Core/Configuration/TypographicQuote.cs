namespace SecureMFA.Core.Configuration
{
    /// <summary>
    /// Characters that a web page or word processor puts where a straight double quote was meant
    /// (the original product's documentation is full of them), and U+FFFD, which is what a file saved
    /// in a legacy code page shows for them when it is read as UTF-8.
    /// </summary>
    public static class TypographicQuote
    {
        public const char NotUtf8 = '\uFFFD';

        public static bool IsSuspect(char c) => c switch
        {
            '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u201C' or '\u201D' or '\u201E' or '\u201F' => true,
            '\u2032' or '\u2033' or '\u2035' or '\u2036' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' => true,
            '\u301D' or '\u301E' or '\u301F' or '\uFF02' or '\uFF07' or '\u00B4' => true,
            NotUtf8 => true,
            _ => false,
        };

        /// <summary>What is wrong with the character, naming it and its code point.</summary>
        public static string Describe(char c) => c == NotUtf8
            ? "a character that is not valid UTF-8 (U+FFFD): save the file as UTF-8 (a typographic quote saved in a legacy code page looks like this; JSON needs straight double quotes \")"
            : $"{c} (U+{(int)c:X4}) is a typographic quote; JSON needs straight double quotes \"";
    }
}
