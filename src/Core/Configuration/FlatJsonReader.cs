using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SecureMFA.Core.Configuration
{
    /// <summary>
    /// Reads one JSON object whose values are scalars. The provider configuration is a flat
    /// object; a dedicated reader keeps the adapter free of System.Text.Json's dependency chain
    /// on .NET Framework, where AD FS offers no binding redirects.
    /// Syntax errors name the line, the column and at most a known key: the file holds secrets, and
    /// a broken line may be the middle of one, so no text around the error is ever repeated.
    /// </summary>
    public sealed class FlatJsonReader
    {
        private readonly string _text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;
        // Where the pair being read begins: a typographic quote between here and an error is its likely cause.
        private int _memberStart;

        private FlatJsonReader(string text) => _text = text;

        /// <summary>Parses the object; every member is returned in file order, duplicates included.</summary>
        public static IReadOnlyList<JsonMember> Parse(string text)
        {
            var reader = new FlatJsonReader(text);
            return reader.ReadDocument();
        }

        private List<JsonMember> ReadDocument()
        {
            var members = new List<JsonMember>();
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '\uFEFF') { _pos++; _lineStart = _pos; SkipWhitespace(); }
            Expect('{', "the configuration must be a JSON object starting with '{'");
            SkipWhitespace();
            if (Peek() == '}') { _pos++; }
            else
            {
                while (true)
                {
                    SkipWhitespace();
                    _memberStart = _pos;
                    if (Peek() == '\'') throw Error(SingleQuote);
                    if (Peek() == '}') throw Error("expected a quoted key: JSON allows no comma before '}'");
                    if (Peek() != '"') throw Error("expected a quoted key");
                    var line = _line;
                    var column = Column(_pos);
                    var key = ReadString(out var keyMark);
                    SkipWhitespace();
                    Expect(':', $"expected ':' after {TheKey(key)}");
                    SkipWhitespace();
                    members.Add(new JsonMember(key, line, column, keyMark, ReadValue(key)));
                    SkipWhitespace();
                    var c = Peek();
                    if (c == ',') { _pos++; continue; }
                    if (c == '}') { _pos++; break; }
                    throw Error($"expected ',' or '}}' after the value of {TheKey(key)}");
                }
            }
            SkipWhitespace();
            _memberStart = _pos;
            if (_pos < _text.Length) throw Error("unexpected text after the closing '}'");
            return members;
        }

        private const string SingleQuote = "' is a single quote; JSON needs straight double quotes \"";

        private JsonScalar ReadValue(string key)
        {
            var line = _line;
            var column = Column(_pos);
            var c = Peek();
            if (c == '"')
            {
                var text = ReadString(out var mark);
                return new JsonScalar(text, true, line, column, mark);
            }
            if (c == '{' || c == '[') throw Error($"the value of {TheKey(key)} must be a single value, not an object or array");
            if (c == '\'') throw Error(SingleQuote);
            var start = _pos;
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '-' || _text[_pos] == '+' || _text[_pos] == '.'))
                _pos++;
            var token = _text.Substring(start, _pos - start);
            if (token == "true" || token == "false" || token == "null") return new JsonScalar(token, false, line, column);
            if (token.Length > 0 && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && (char.IsDigit(token[0]) || token[0] == '-'))
                return new JsonScalar(token, false, line, column);
            _pos = start;
            // The token itself is never quoted: it may be a password written without quotes.
            throw Error(token.Length == 0
                ? $"expected a value for {TheKey(key)}"
                : $"the value of {TheKey(key)} is not in double quotes (JSON strings need straight double quotes \")");
        }

        private string ReadString(out TextMark? suspectQuote)
        {
            suspectQuote = null;
            _pos++; // opening quote
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length) throw Error("unterminated string: the closing \" is missing");
                var c = _text[_pos++];
                if (c == '"') return sb.ToString();
                if (c == '\n' || c == '\r') { _pos--; throw Error("line break inside a string: the closing \" is missing on this line"); }
                // JSON wants control characters escaped; a tab is let through, as lenient readers do.
                if (c < ' ' && c != '\t') { _pos--; throw Error($"a control character (U+{(int)c:X4}) inside a string; write it escaped or remove it"); }
                if (suspectQuote == null && TypographicQuote.IsSuspect(c)) suspectQuote = new TextMark(c, _line, Column(_pos - 1));
                if (c != '\\') { sb.Append(c); continue; }
                if (_pos >= _text.Length) throw Error("unterminated string: the closing \" is missing");
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
                        if (_pos + 4 > _text.Length || !_text.Substring(_pos, 4).All(IsHexDigit))
                        {
                            _pos--;
                            throw Error("a \\u escape needs four hexadecimal digits");
                        }
                        sb.Append((char)int.Parse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        _pos += 4;
                        break;
                    default:
                        // The escaped character is not named: it may be part of a secret.
                        _pos--;
                        throw Error("a backslash must be followed by \" \\ / b f n r t or u (a Windows path needs double backslashes)");
                }
            }
        }

        private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        /// <summary>A key is named in a message only when it is one of ours: anything else may be misread secret text.</summary>
        private static string TheKey(string key)
        {
            var k = key.Trim().ToLowerInvariant();
            return ConfigurationKeys.All.Contains(k) || ConfigurationKeys.Aliases.ContainsKey(k) ? $"the key \"{k}\"" : "the key";
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

        private int Column(int position) => position - _lineStart + 1;

        /// <summary>
        /// The error at the current position, unless a typographic quote stands where a straight one belongs
        /// in the pair being read: then that quote is the cause, and the message points at it instead.
        /// </summary>
        private JsonSyntaxException Error(string message)
        {
            var last = System.Math.Min(_pos, _text.Length - 1);
            for (var i = _memberStart; i <= last; i++)
            {
                if (!TypographicQuote.IsSuspect(_text[i]) || !StandsForAQuote(i)) continue;
                var line = 1;
                var lineStart = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
                for (var j = 0; j < i; j++)
                    if (_text[j] == '\n') { line++; lineStart = j + 1; }
                return new JsonSyntaxException(TypographicQuote.Describe(_text[i]), line, i - lineStart + 1);
            }
            return new JsonSyntaxException(message, _line, Column(_pos));
        }

        /// <summary>
        /// Whether the character sits where JSON puts a quote: after ':', ',' or '{', or before ':', ',', '}'
        /// or the end of the line. An apostrophe inside a word ("it’s") does not.
        /// </summary>
        private bool StandsForAQuote(int i)
        {
            var before = i - 1;
            while (before >= 0 && char.IsWhiteSpace(_text[before])) before--;
            if (before < 0 || ":,{[".IndexOf(_text[before]) >= 0) return true;
            var after = i + 1;
            while (after < _text.Length && (_text[after] == ' ' || _text[after] == '\t')) after++;
            return after >= _text.Length || ":,}]\r\n".IndexOf(_text[after]) >= 0;
        }
    }
}
