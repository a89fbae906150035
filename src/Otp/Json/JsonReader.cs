using System;
using System.Collections.Generic;
using System.Text;

namespace SecureMFA.Otp.Json
{
    /// <summary>
    /// The one strict RFC 8259 reader every process shares (configuration, protocol bodies, the simulator's files):
    /// .NET Framework has no JSON reader worth loading into AD FS or LogonUI. One policy everywhere:
    /// <list type="bullet">
    /// <item>whitespace is space, tab, line feed and carriage return only (U+00A0 from a web page is an error naming it);</item>
    /// <item>a raw control character inside a string, tab included, is an error (JSON wants it escaped);</item>
    /// <item>a leading UTF-8 byte order mark is skipped (Notepad writes one);</item>
    /// <item>numbers as the grammar says: 07, +1, 1. and .5 are errors;</item>
    /// <item>a member name given twice in one object is an error naming both lines (two readers could disagree on which counts);</item>
    /// <item>half a surrogate pair, raw or escaped, is an error (no UTF-8 writer could carry it);</item>
    /// <item>nesting deeper than <see cref="MaxDepth"/> and anything after the value are errors.</item>
    /// </list>
    /// Errors name the line and column, never the text there. A member name is named only when the caller's
    /// <c>nameOf</c> says it may be: it may be the tail of a broken secret.
    /// </summary>
    public sealed class JsonReader
    {
        public const int MaxDepth = 16;
        private const char ByteOrderMark = '\uFEFF';

        private readonly string _text;
        private readonly Func<string, string?> _nameOf;
        private int _pos;
        private int _line = 1;
        private int _lineStart;
        private int _memberStart = -1;

        private JsonReader(string text, Func<string, string?>? nameOf)
        {
            _text = text;
            _nameOf = nameOf ?? (_ => null);
            if (text.Length > 0 && text[0] == ByteOrderMark) _pos = _lineStart = 1;
        }

        /// <summary>Parses text that must hold one JSON object.</summary>
        /// <param name="nameOf">How an error may call a member name found in the text (null: it is not named); null for never.</param>
        public static JsonObject ParseObject(string text, Func<string, string?>? nameOf = null)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            return new JsonReader(text, nameOf).ReadDocument();
        }

        /// <summary>Parses UTF-8 bytes that must hold one JSON object.</summary>
        public static JsonObject ParseObject(byte[] utf8, Func<string, string?>? nameOf = null)
        {
            if (utf8 == null) throw new ArgumentNullException(nameof(utf8));
            string text;
            try { text = new UTF8Encoding(false, true).GetString(utf8); }
            catch (DecoderFallbackException e) { throw NotUtf8(utf8, e.Index); }
            return ParseObject(text, nameOf);
        }

        /// <summary>The 1-based line and column of an offset in <paramref name="text"/>, counted as the reader counts them.</summary>
        public static void Position(string text, int offset, out int line, out int column)
        {
            line = 1;
            var lineStart = text.Length > 0 && text[0] == ByteOrderMark ? 1 : 0;
            for (var i = 0; i < offset && i < text.Length; i++)
                if (text[i] == '\n') { line++; lineStart = i + 1; }
            column = offset - lineStart + 1;
        }

        private JsonObject ReadDocument()
        {
            SkipWhitespace();
            if (Peek() != '{') throw Unexpected(Peek(), "expected a JSON object starting with '{'");
            var root = ReadValue(null, 0).Object!;
            SkipWhitespace();
            _memberStart = _pos;
            if (_pos < _text.Length) throw Error("unexpected text after the closing '}'");
            return root;
        }

        /// <param name="key">The member name this value belongs to, for messages; null inside arrays.</param>
        private JsonValue ReadValue(string? key, int depth)
        {
            if (depth > MaxDepth) throw Error($"nesting is deeper than {MaxDepth} levels");
            var line = _line;
            var column = Column(_pos);
            var start = _pos;
            var c = Peek();
            JsonValue value;
            if (c == '{') value = ReadObject(line, column, depth);
            else if (c == '[') value = ReadArray(line, column, depth);
            else if (c == '"') value = new JsonValue(JsonKind.String, ReadString(), line, column, start);
            else if (c == '-' || IsDigit(c)) value = new JsonValue(JsonKind.Number, ReadNumber(key), line, column, start);
            else value = ReadLiteral(key, line, column);
            value.Length = _pos - start;
            return value;
        }

        private JsonValue ReadObject(int line, int column, int depth)
        {
            var start = _pos;
            _pos++;
            var members = new List<JsonMember>();
            var byName = new Dictionary<string, JsonMember>(StringComparer.Ordinal);
            var value = new JsonValue(JsonKind.Object, "", line, column, start);
            var outerMember = _memberStart;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                value.Object = new JsonObject(members, byName, line, column);
                return value;
            }
            while (true)
            {
                SkipWhitespace();
                _memberStart = _pos;
                var c = Peek();
                if (c == '\'') throw Error(SingleQuote);
                if (c == '}') throw Error("expected a quoted key: JSON allows no comma before '}'");
                if (c != '"') throw Unexpected(c, "expected a quoted key");
                var keyLine = _line;
                var keyColumn = Column(_pos);
                var keyOffset = _pos;
                var key = ReadString();
                var keyLength = _pos - keyOffset;
                SkipWhitespace();
                if (Peek() != ':') throw Unexpected(Peek(), $"expected ':' after {TheKey(key)}");
                _pos++;
                SkipWhitespace();
                var member = new JsonMember(key, keyLine, keyColumn, keyOffset, keyLength, ReadValue(key, depth + 1));
                if (byName.TryGetValue(key, out var first))
                    throw new JsonFormatException($"{Capital(TheKey(key))} is written twice, on line {first.Line} and line {keyLine}; keep one",
                        keyLine, keyColumn, keyOffset, keyOffset);
                byName.Add(key, member);
                members.Add(member);
                SkipWhitespace();
                c = Peek();
                if (c == ',') { _pos++; continue; }
                if (c == '}') { _pos++; break; }
                throw Unexpected(c, $"expected ',' or '}}' after the value of {TheKey(key)}");
            }
            _memberStart = outerMember;
            value.Object = new JsonObject(members, byName, line, column);
            return value;
        }

        private JsonValue ReadArray(int line, int column, int depth)
        {
            var value = new JsonValue(JsonKind.Array, "", line, column, _pos);
            _pos++;
            var items = new List<JsonValue>();
            SkipWhitespace();
            if (Peek() == ']') { _pos++; value.Items = items; return value; }
            while (true)
            {
                SkipWhitespace();
                if (Peek() == ']') throw Error("expected a value: JSON allows no comma before ']'");
                items.Add(ReadValue(null, depth + 1));
                SkipWhitespace();
                var c = Peek();
                if (c == ',') { _pos++; continue; }
                if (c == ']') { _pos++; break; }
                throw Unexpected(c, "expected ',' or ']' after an item of the array");
            }
            value.Items = items;
            return value;
        }

        private const string SingleQuote = "' is a single quote; JSON needs straight double quotes \"";

        /// <summary>true, false or null; any other word is a value written without quotes, and is never repeated (it may be a password).</summary>
        private JsonValue ReadLiteral(string? key, int line, int column)
        {
            var start = _pos;
            var c = Peek();
            if (c == '\'') throw Error(SingleQuote);
            if (c == '+') throw Error($"{TheValue(key)} is not a JSON number: a number may not start with '+'");
            if (c == '.') throw Error($"{TheValue(key)} is not a JSON number: a number needs a digit before '.'");
            while (_pos < _text.Length && IsWordCharacter(_text[_pos])) _pos++;
            var word = _text.Substring(start, _pos - start);
            switch (word)
            {
                case "true": return new JsonValue(JsonKind.True, word, line, column, start);
                case "false": return new JsonValue(JsonKind.False, word, line, column, start);
                case "null": return new JsonValue(JsonKind.Null, word, line, column, start);
            }
            _pos = start;
            if (word.Length == 0) throw Unexpected(c, key == null ? "expected a value" : $"expected a value for {TheKey(key)}");
            throw Error($"{TheValue(key)} is not in double quotes (JSON strings need straight double quotes \")");
        }

        private string ReadNumber(string? key)
        {
            var start = _pos;
            if (Peek() == '-') _pos++;
            if (Peek() == '0')
            {
                _pos++;
                if (IsDigit(Peek())) throw ErrorAt(start, $"{TheValue(key)} is not a JSON number: a number may not start with 0 followed by a digit");
            }
            else if (!Digits()) throw ErrorAt(start, $"{TheValue(key)} is not a JSON number: '-' must be followed by a digit");
            if (Peek() == '.')
            {
                _pos++;
                if (!Digits()) throw ErrorAt(start, $"{TheValue(key)} is not a JSON number: '.' must be followed by a digit");
            }
            if (Peek() == 'e' || Peek() == 'E')
            {
                _pos++;
                if (Peek() == '+' || Peek() == '-') _pos++;
                if (!Digits()) throw ErrorAt(start, $"{TheValue(key)} is not a JSON number: an exponent needs digits");
            }
            // "12abc" or "1.2.3": the number runs into something that is not JSON; it is not repeated.
            if (IsWordCharacter(Peek())) throw ErrorAt(start, $"{TheValue(key)} is not a JSON number (a text value needs straight double quotes \")");
            return _text.Substring(start, _pos - start);
        }

        private string ReadString()
        {
            _pos++; // the opening quote
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length) throw Error("unterminated string: the closing \" is missing");
                var c = _text[_pos];
                if (c == '"') { _pos++; return sb.ToString(); }
                if (c == '\n' || c == '\r') throw Error("line break inside a string: the closing \" is missing on this line");
                if (c == '\t') throw Error("a tab inside a string: write it as \\t");
                if (c < ' ') throw Error($"a control character (U+{(int)c:X4}) inside a string: write it escaped or remove it");
                if (char.IsSurrogate(c))
                {
                    if (!char.IsHighSurrogate(c) || _pos + 1 >= _text.Length || !char.IsLowSurrogate(_text[_pos + 1]))
                        throw Error($"half a surrogate pair (U+{(int)c:X4}) inside a string: the text is not valid Unicode");
                    sb.Append(c).Append(_text[_pos + 1]);
                    _pos += 2;
                    continue;
                }
                if (c != '\\') { sb.Append(c); _pos++; continue; }
                _pos++;
                if (_pos >= _text.Length) throw Error("unterminated string: the closing \" is missing");
                switch (_text[_pos])
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
                        sb.Append(ReadUnicodeEscape());
                        continue;
                    default:
                        // The escaped character is not named: it may be part of a secret.
                        throw Error("a backslash must be followed by \" \\ / b f n r t or u (a Windows path needs double backslashes)");
                }
                _pos++;
            }
        }

        /// <summary>At the 'u' of \uXXXX: the character, or both halves when it starts an escaped surrogate pair.</summary>
        private string ReadUnicodeEscape()
        {
            var first = Hex4(_pos + 1);
            if (first < 0) throw ErrorAt(_pos - 1, "a \\u escape needs four hexadecimal digits");
            _pos += 5;
            var c = (char)first;
            if (!char.IsSurrogate(c)) return c.ToString();
            if (char.IsHighSurrogate(c) && _pos + 1 < _text.Length && _text[_pos] == '\\' && _text[_pos + 1] == 'u')
            {
                var second = Hex4(_pos + 2);
                if (second >= 0 && char.IsLowSurrogate((char)second))
                {
                    _pos += 6;
                    return new string(new[] { c, (char)second });
                }
            }
            _pos -= 6;
            throw Error($"a \\u escape of half a surrogate pair (U+{first:X4}) without its other half");
        }

        private int Hex4(int at)
        {
            if (at + 4 > _text.Length) return -1;
            var value = 0;
            for (var i = at; i < at + 4; i++)
            {
                var d = HexDigit(_text[i]);
                if (d < 0) return -1;
                value = value * 16 + d;
            }
            return value;
        }

        private static int HexDigit(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

        private bool Digits()
        {
            var start = _pos;
            while (IsDigit(Peek())) _pos++;
            return _pos > start;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '-' || c == '+' || c == '.' || c == '_';

        private string TheKey(string key)
        {
            var name = _nameOf(key);
            return name != null ? $"the key \"{name}\"" : "the key";
        }

        private string TheValue(string? key) => key == null ? "an item of the array" : $"the value of {TheKey(key)}";

        private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == '\n') { _line++; _lineStart = _pos + 1; }
                else if (c != ' ' && c != '\t' && c != '\r') return;
                _pos++;
            }
        }

        private int Column(int position) => position - _lineStart + 1;

        /// <summary>
        /// An unexpected character: whitespace JSON does not know (no-break space, a byte order mark inside the text)
        /// is named by its code point, since it looks like a space to whoever reads the file.
        /// </summary>
        private JsonFormatException Unexpected(char c, string message)
        {
            if (_pos >= _text.Length) return Error($"the text ends early: {message}");
            if (char.IsWhiteSpace(c) || c == ByteOrderMark || c == '\u200B')
                return Error($"U+{(int)c:X4} is not JSON whitespace (only space, tab, line feed and carriage return are)");
            return Error(message);
        }

        private JsonFormatException Error(string message) => ErrorAt(_pos, message);

        /// <summary>An error pointing at an earlier offset on the current line (where the number or escape began).</summary>
        private JsonFormatException ErrorAt(int offset, string message) => new JsonFormatException(message, _line, Column(offset), offset, _memberStart);

        private static JsonFormatException NotUtf8(byte[] utf8, int index)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < index && i < utf8.Length; i++)
                if (utf8[i] == (byte)'\n') { line++; lineStart = i + 1; }
            return new JsonFormatException($"the bytes are not valid UTF-8 (byte {index + 1} of the document)", line, index - lineStart + 1, index);
        }
    }
}
