using System.Collections.Generic;

namespace SecureMFA.Otp.Json
{
    public enum JsonKind { Object, Array, String, Number, True, False, Null }

    /// <summary>
    /// One value of a parsed document, with where it stands in the text (1-based line and column, 0-based offset and
    /// length of its raw span, quotes and brackets included) so callers can point at it without repeating it.
    /// </summary>
    public sealed class JsonValue
    {
        private static readonly IReadOnlyList<JsonValue> NoItems = new JsonValue[0];

        internal JsonValue(JsonKind kind, string text, int line, int column, int offset)
        {
            Kind = kind;
            Text = text;
            Line = line;
            Column = column;
            Offset = offset;
            Items = NoItems;
        }

        public JsonKind Kind { get; }

        /// <summary>A string's content; a number's token as written ("-12", "1.5e-3"); true, false or null; empty for objects and arrays.</summary>
        public string Text { get; }

        /// <summary>The members, for <see cref="JsonKind.Object"/>; null otherwise.</summary>
        public JsonObject? Object { get; internal set; }

        /// <summary>The items, for <see cref="JsonKind.Array"/>; empty otherwise.</summary>
        public IReadOnlyList<JsonValue> Items { get; internal set; }

        public int Line { get; }
        public int Column { get; }
        public int Offset { get; }
        public int Length { get; internal set; }

        /// <summary>"line 3, column 14", for messages that point at the value.</summary>
        public string Where => $"line {Line}, column {Column}";

        /// <summary>What kind of value it is, in words, for messages that must not repeat the value itself.</summary>
        public string KindName => Kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.Null => "null",
            _ => "true or false",
        };
    }
}
