namespace SecureMFA.Core.Configuration
{
    /// <summary>Where a character sits in the file (1-based), and which character it is.</summary>
    public sealed class TextMark
    {
        public TextMark(char character, int line, int column)
        {
            Character = character;
            Line = line;
            Column = column;
        }

        public char Character { get; }
        public int Line { get; }
        public int Column { get; }

        /// <summary>"line 21, column 18: “ (U+201C) is a typographic quote; …" — the position and the character only.</summary>
        public string Describe() => $"line {Line}, column {Column}: {TypographicQuote.Describe(Character)}";
    }
}
