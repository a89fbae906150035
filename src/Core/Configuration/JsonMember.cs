namespace SecureMFA.Core.Configuration
{
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
