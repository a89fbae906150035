using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SecureMFA.Otp.Json
{
    /// <summary>
    /// Writes one JSON object, members in the order given: strings, whole numbers, booleans, nested objects and string
    /// arrays, compact (protocol bodies, signed byte for byte) or indented (files people read). What the reader refuses
    /// the writer refuses too: a member name given twice, and text holding half a surrogate pair (no UTF-8 writer could
    /// carry it; the exception names the member, never the text). Control characters, U+2028 and U+2029 (line breaks
    /// to JavaScript) and U+007F are written as \u escapes, so a document is always one line of printable text when compact.
    /// </summary>
    public sealed class JsonWriter
    {
        private readonly List<KeyValuePair<string, object?>> _members = new List<KeyValuePair<string, object?>>();
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.Ordinal);

        public JsonWriter Add(string name, string? value) => Member(name, value);

        public JsonWriter Add(string name, long value) => Member(name, value);

        public JsonWriter Add(string name, bool value) => Member(name, value);

        public JsonWriter Add(string name, JsonWriter value) => Member(name, value ?? throw new ArgumentNullException(nameof(value)));

        public JsonWriter Add(string name, IEnumerable<string> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            var list = new List<string>(values);
            foreach (var item in list)
                if (item == null) throw new ArgumentException($"The array \"{name}\" holds a null item.", nameof(values));
            return Member(name, list);
        }

        /// <summary>An array of objects (a JWKS's keys).</summary>
        public JsonWriter Add(string name, IEnumerable<JsonWriter> objects)
        {
            if (objects == null) throw new ArgumentNullException(nameof(objects));
            var list = new List<JsonWriter>(objects);
            foreach (var item in list)
                if (item == null) throw new ArgumentException($"The array \"{name}\" holds a null item.", nameof(objects));
            return Member(name, list);
        }

        /// <summary>A JSON null.</summary>
        public JsonWriter AddNull(string name) => Member(name, null);

        public bool IsEmpty => _members.Count == 0;

        /// <summary>Compact: no whitespace at all.</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            Write(text, null);
            return text.ToString();
        }

        /// <summary>Two spaces per level, "name": value, line feeds, and a final line feed.</summary>
        public string ToIndentedString()
        {
            var text = new StringBuilder();
            Write(text, "");
            return text.Append('\n').ToString();
        }

        public byte[] ToUtf8() => new UTF8Encoding(false).GetBytes(ToString());

        private JsonWriter Member(string name, object? value)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            CheckText(name, name);
            if (value is string text) CheckText(name, text);
            if (value is List<string> items) foreach (var item in items) CheckText(name, item);
            if (!_names.Add(name)) throw new ArgumentException($"The member \"{name}\" is written twice.", nameof(name));
            _members.Add(new KeyValuePair<string, object?>(name, value));
            return this;
        }

        /// <summary>Only the member's name is said: the text may be a secret (and the name is the caller's own).</summary>
        private static void CheckText(string name, string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (!char.IsSurrogate(c)) continue;
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                throw new ArgumentException($"The text of \"{name}\" holds half a surrogate pair (U+{(int)c:X4}), which JSON in UTF-8 cannot carry.");
            }
        }

        /// <param name="indent">The current indentation, or null for compact output.</param>
        private void Write(StringBuilder text, string? indent)
        {
            if (_members.Count == 0) { text.Append("{}"); return; }
            var inner = indent == null ? null : indent + "  ";
            text.Append('{');
            for (var i = 0; i < _members.Count; i++)
            {
                if (i > 0) text.Append(',');
                if (inner != null) text.Append('\n').Append(inner);
                Quote(text, _members[i].Key);
                text.Append(inner != null ? ": " : ":");
                WriteValue(text, _members[i].Value, inner);
            }
            if (indent != null) text.Append('\n').Append(indent);
            text.Append('}');
        }

        private static void WriteValue(StringBuilder text, object? value, string? indent)
        {
            switch (value)
            {
                case null: text.Append("null"); break;
                case string s: Quote(text, s); break;
                case long n: text.Append(n.ToString(CultureInfo.InvariantCulture)); break;
                case bool b: text.Append(b ? "true" : "false"); break;
                case JsonWriter o: o.Write(text, indent); break;
                case List<string> items:
                    text.Append('[');
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (i > 0) text.Append(indent != null ? ", " : ",");
                        Quote(text, items[i]);
                    }
                    text.Append(']');
                    break;
                case List<JsonWriter> objects:
                    text.Append('[');
                    for (var i = 0; i < objects.Count; i++)
                    {
                        if (i > 0) text.Append(indent != null ? ", " : ",");
                        objects[i].Write(text, indent);
                    }
                    text.Append(']');
                    break;
            }
        }

        private static void Quote(StringBuilder text, string value)
        {
            text.Append('"');
            foreach (var c in value)
            {
                if (c == '"') text.Append("\\\"");
                else if (c == '\\') text.Append("\\\\");
                else if (c < ' ' || c == '\u007F' || c == '\u2028' || c == '\u2029') text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else text.Append(c);
            }
            text.Append('"');
        }
    }
}
