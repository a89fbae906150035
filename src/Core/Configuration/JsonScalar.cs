namespace SecureMFA.Core.Configuration
{
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
}
