using System.Globalization;
using System.Text;

namespace SecureMFA.WinOtp.Json
{
    /// <summary>Writes the flat request objects of the protocol, properties in the order given.</summary>
    public sealed class JsonWriter
    {
        private readonly StringBuilder _text = new StringBuilder("{");

        public JsonWriter Add(string name, string value)
        {
            Name(name);
            Quote(value);
            return this;
        }

        public JsonWriter Add(string name, long value)
        {
            Name(name);
            _text.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public JsonWriter Add(string name, bool value)
        {
            Name(name);
            _text.Append(value ? "true" : "false");
            return this;
        }

        public byte[] ToUtf8() => new UTF8Encoding(false).GetBytes(_text.ToString() + "}");

        private void Name(string name)
        {
            if (_text.Length > 1) _text.Append(',');
            Quote(name);
            _text.Append(':');
        }

        private void Quote(string value)
        {
            _text.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': _text.Append("\\\""); break;
                    case '\\': _text.Append("\\\\"); break;
                    default:
                        if (c < ' ' || c == '\u2028' || c == '\u2029') _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else _text.Append(c);
                        break;
                }
            }
            _text.Append('"');
        }
    }
}
