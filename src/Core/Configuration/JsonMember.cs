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

    /// <summary>A value read from the configuration file, kept with its raw JSON kind and position for messages.</summary>
    public sealed class JsonScalar
    {
        public JsonScalar(string text, bool isString, int line, int column = 0, TextMark? suspectQuote = null)
        {
            Text = text;
            IsString = isString;
            Line = line;
            Column = column;
            SuspectQuote = suspectQuote;
        }

        /// <summary>The string content, or the literal token (true, 15, null) for non-strings.</summary>
        public string Text { get; }
        public bool IsString { get; }
        public int Line { get; }
        public int Column { get; }

        /// <summary>The first typographic quote written (not escaped) inside the string, if any.</summary>
        public TextMark? SuspectQuote { get; }

        /// <summary>How the value appeared in the file, for error messages (never used for secrets).</summary>
        public override string ToString() => IsString ? "\"" + Text + "\"" : Text;
    }

    /// <summary>One "key": value pair of the configuration object, with the key's position.</summary>
    public sealed class JsonMember
    {
        public JsonMember(string key, int line, int column, TextMark? keySuspectQuote, JsonScalar value)
        {
            Key = key;
            Line = line;
            Column = column;
            KeySuspectQuote = keySuspectQuote;
            Value = value;
        }

        public string Key { get; }
        public int Line { get; }
        public int Column { get; }
        public TextMark? KeySuspectQuote { get; }
        public JsonScalar Value { get; }
    }
}
