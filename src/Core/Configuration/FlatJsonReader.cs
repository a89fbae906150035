using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SecureMFA.Core.Configuration
{
    /// <summary>A value read from the configuration file, kept with its raw JSON kind for messages.</summary>
    public sealed class JsonScalar
    {
        public JsonScalar(string text, bool isString, int line)
        {
            Text = text;
            IsString = isString;
            Line = line;
        }

        /// <summary>The string content, or the literal token (true, 15, null) for non-strings.</summary>
        public string Text { get; }
        public bool IsString { get; }
        public int Line { get; }

        /// <summary>How the value appeared in the file, for error messages.</summary>
        public override string ToString() => IsString ? "\"" + Text + "\"" : Text;
    }

    /// <summary>Thrown when the configuration is not JSON; names line and column.</summary>
    public sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(string message, int line, int column)
            : base($"line {line}, column {column}: {message}")
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }
        public int Column { get; }
    }

    /// <summary>
    /// Reads one JSON object whose values are scalars. The provider configuration is a flat
    /// object; a dedicated reader keeps the adapter free of System.Text.Json's dependency chain
    /// on .NET Framework, where AD FS offers no binding redirects.
    /// </summary>
    public sealed class FlatJsonReader
    {
        private readonly string _text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        private FlatJsonReader(string text) => _text = text;

        /// <summary>Parses the object; duplicate keys keep the last value, as most JSON readers do.</summary>
        public static IReadOnlyList<KeyValuePair<string, JsonScalar>> Parse(string text)
        {
            var reader = new FlatJsonReader(text);
            return reader.ReadDocument();
        }

        private List<KeyValuePair<string, JsonScalar>> ReadDocument()
        {
            var members = new List<KeyValuePair<string, JsonScalar>>();
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '\uFEFF') { _pos++; SkipWhitespace(); }
            Expect('{', "the configuration must be a JSON object starting with '{'");
            SkipWhitespace();
            if (Peek() == '}') { _pos++; }
            else
            {
                while (true)
                {
                    SkipWhitespace();
                    if (Peek() != '"') throw Error("expected a quoted key");
                    var key = ReadString();
                    SkipWhitespace();
                    Expect(':', $"expected ':' after key \"{key}\"");
                    SkipWhitespace();
                    members.Add(new KeyValuePair<string, JsonScalar>(key, ReadValue(key)));
                    SkipWhitespace();
                    var c = Peek();
                    if (c == ',') { _pos++; continue; }
                    if (c == '}') { _pos++; break; }
                    throw Error($"expected ',' or '}}' after the value of \"{key}\"");
                }
            }
            SkipWhitespace();
            if (_pos < _text.Length) throw Error("unexpected text after the closing '}'");
            return members;
        }

        private JsonScalar ReadValue(string key)
        {
            var line = _line;
            var c = Peek();
            if (c == '"') return new JsonScalar(ReadString(), true, line);
            if (c == '{' || c == '[') throw Error($"\"{key}\" must be a single value, not an object or array");
            var start = _pos;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '-' || _text[_pos] == '+' || _text[_pos] == '.'))
                _pos++;
            var token = _text.Substring(start, _pos - start);
            if (token == "true" || token == "false" || token == "null") return new JsonScalar(token, false, line);
            if (token.Length > 0 && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && (char.IsDigit(token[0]) || token[0] == '-'))
                return new JsonScalar(token, false, line);
            _pos = start;
            throw Error(token.Length == 0 ? $"expected a value for \"{key}\"" : $"\"{token}\" is not a JSON value (strings need double quotes)");
        }

        private string ReadString()
        {
            _pos++; // opening quote
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length) throw Error("unterminated string");
                var c = _text[_pos++];
                if (c == '"') return sb.ToString();
                if (c == '\n' || c == '\r') throw Error("line break inside a string");
                if (c != '\\') { sb.Append(c); continue; }
                if (_pos >= _text.Length) throw Error("unterminated escape");
                var e = _text[_pos++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                            throw Error("bad \\u escape");
                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        _pos--;
                        throw Error($"bad escape '\\{e}' (a Windows path needs double backslashes)");
                }
            }
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void Expect(char c, string message)
        {
            if (Peek() != c) throw Error(message);
            _pos++;
        }

        private void SkipWhitespace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                if (_text[_pos] == '\n') { _line++; _lineStart = _pos + 1; }
                _pos++;
            }
        }

        private JsonSyntaxException Error(string message) => new JsonSyntaxException(message, _line, _pos - _lineStart + 1);
    }
}
