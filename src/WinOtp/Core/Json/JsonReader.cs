using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SecureMFA.WinOtp.Json
{
    /// <summary>
    /// A small strict RFC 8259 reader for the WEB API's replies: .NET Framework has no JSON reader worth loading
    /// into LogonUI. Refuses duplicate property names (two "result"s could be read differently by two parsers),
    /// nesting deeper than 16 and anything after the value.
    /// </summary>
    public sealed class JsonReader
    {
        private const int MaxDepth = 16;
        private readonly string _text;
        private int _position;

        private JsonReader(string text)
        {
            _text = text;
        }

        /// <summary>Parses UTF-8 bytes that must hold one JSON object.</summary>
        public static JsonObject ParseObject(byte[] utf8)
        {
            string text;
            try { text = new UTF8Encoding(false, true).GetString(utf8); }
            catch (DecoderFallbackException) { throw new JsonFormatException("The body is not UTF-8."); }
            if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
            var reader = new JsonReader(text);
            reader.SkipWhiteSpace();
            if (reader.Peek() != '{') throw new JsonFormatException("The body is not a JSON object.");
            var value = (JsonObject)reader.ReadValue(0)!;
            reader.SkipWhiteSpace();
            if (reader._position != text.Length) throw new JsonFormatException("There is text after the JSON object.");
            return value;
        }

        private object? ReadValue(int depth)
        {
            if (depth > MaxDepth) throw Error("nesting is too deep");
            SkipWhiteSpace();
            var c = Peek();
            switch (c)
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"': return ReadString();
                case 't': Expect("true"); return true;
                case 'f': Expect("false"); return false;
                case 'n': Expect("null"); return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                    throw Error("unexpected character");
            }
        }

        private JsonObject ReadObject(int depth)
        {
            _position++;
            var properties = new Dictionary<string, object?>(System.StringComparer.Ordinal);
            SkipWhiteSpace();
            if (Peek() == '}') { _position++; return new JsonObject(properties); }
            while (true)
            {
                SkipWhiteSpace();
                if (Peek() != '"') throw Error("a property name was expected");
                var name = ReadString();
                SkipWhiteSpace();
                if (Next() != ':') throw Error("':' was expected");
                var value = ReadValue(depth + 1);
                if (properties.ContainsKey(name)) throw new JsonFormatException("The property \"" + name + "\" appears twice.");
                properties.Add(name, value);
                SkipWhiteSpace();
                var separator = Next();
                if (separator == '}') return new JsonObject(properties);
                if (separator != ',') throw Error("',' or '}' was expected");
            }
        }

        private List<object?> ReadArray(int depth)
        {
            _position++;
            var items = new List<object?>();
            SkipWhiteSpace();
            if (Peek() == ']') { _position++; return items; }
            while (true)
            {
                items.Add(ReadValue(depth + 1));
                SkipWhiteSpace();
                var separator = Next();
                if (separator == ']') return items;
                if (separator != ',') throw Error("',' or ']' was expected");
            }
        }

        private string ReadString()
        {
            _position++;
            var result = new StringBuilder();
            while (true)
            {
                var c = Next();
                if (c == '"') return result.ToString();
                if (c < ' ') throw Error("a control character in a string");
                if (c != '\\') { result.Append(c); continue; }
                var escape = Next();
                switch (escape)
                {
                    case '"': result.Append('"'); break;
                    case '\\': result.Append('\\'); break;
                    case '/': result.Append('/'); break;
                    case 'b': result.Append('\b'); break;
                    case 'f': result.Append('\f'); break;
                    case 'n': result.Append('\n'); break;
                    case 'r': result.Append('\r'); break;
                    case 't': result.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                            throw Error("a bad \\u escape");
                        result.Append((char)code);
                        _position += 4;
                        break;
                    default: throw Error("a bad escape");
                }
            }
        }

        private JsonNumber ReadNumber()
        {
            var start = _position;
            if (Peek() == '-') _position++;
            if (Peek() == '0') _position++;
            else if (!Digits()) throw Error("a bad number");
            if (Peek() == '.') { _position++; if (!Digits()) throw Error("a bad number"); }
            if (Peek() == 'e' || Peek() == 'E')
            {
                _position++;
                if (Peek() == '+' || Peek() == '-') _position++;
                if (!Digits()) throw Error("a bad number");
            }
            return new JsonNumber(_text.Substring(start, _position - start));
        }

        private bool Digits()
        {
            var start = _position;
            while (Peek() >= '0' && Peek() <= '9') _position++;
            return _position > start;
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0) throw Error("unexpected word");
            _position += word.Length;
        }

        private void SkipWhiteSpace()
        {
            while (_position < _text.Length && (_text[_position] == ' ' || _text[_position] == '\t' || _text[_position] == '\n' || _text[_position] == '\r')) _position++;
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private char Next()
        {
            if (_position >= _text.Length) throw Error("the text ends early");
            return _text[_position++];
        }

        private JsonFormatException Error(string what) => new JsonFormatException("Not valid JSON at character " + _position + ": " + what + ".");
    }
}
