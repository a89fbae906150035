using System;
using System.Linq;
using System.Text;
using SecureMFA.Otp.Json;
using Xunit;

namespace SecureMFA.Otp.Tests.Json
{
    /// <summary>The kernel's one reader: RFC 8259 as written, and the one policy every caller gets.</summary>
    public class JsonReaderTests
    {
        private static JsonObject Parse(string text) => JsonReader.ParseObject(Encoding.UTF8.GetBytes(text));

        private static JsonFormatException Refused(string text, Func<string, string?>? nameOf = null) =>
            Assert.Throws<JsonFormatException>(() => JsonReader.ParseObject(text, nameOf));

        // Moved from SecureMFA.WinOtp.Tests (the reader WIN OTP had of its own), assertions unchanged.
        [Fact]
        public void ReadsTheProtocolsValues()
        {
            var json = Parse(" {\"s\":\"a\\\"b\\\\c\\u00e9\\n\",\"n\":-42,\"big\":1767092001,\"t\":true,\"z\":null,\"o\":{\"x\":1},\"a\":[1,\"2\",[],{}],\"f\":1.5e-3} ");
            Assert.Equal("a\"b\\c\u00e9\n", json.String("s"));
            Assert.Equal(-42, json.Int32("n"));
            Assert.Equal(1767092001L, json.Int64("big"));
            Assert.True(json.Bool("t"));
            Assert.Null(json.String("z"));
            Assert.Null(json.String("absent"));
            Assert.Equal(1, json.Object("o")!.Int32("x"));
            Assert.Throws<JsonFormatException>(() => json.Int64("f"));
            Assert.Throws<JsonFormatException>(() => json.String("n"));
            Assert.Throws<JsonFormatException>(() => json.Object("s"));
            Assert.Throws<JsonFormatException>(() => json.RequiredString("absent"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("[]")]
        [InlineData("{")]
        [InlineData("{\"a\":1,}")]
        [InlineData("{\"a\":1}x")]
        [InlineData("{\"a\":01}")]
        [InlineData("{\"a\":\"\u0001\"}")]
        [InlineData("{\"a\":tru}")]
        [InlineData("{'a':1}")]
        [InlineData("{\"result\":\"reject\",\"result\":\"accept\"}")]
        [InlineData("{\"a\":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]}")]
        public void RefusesWhatIsNotOneStrictObject(string text)
        {
            Assert.Throws<JsonFormatException>(() => Parse(text));
        }

        [Fact]
        public void RefusesBytesThatAreNotUtf8()
        {
            Assert.Throws<JsonFormatException>(() => JsonReader.ParseObject(new byte[] { (byte)'{', 0xC3, (byte)'}' }));
        }

        [Fact]
        public void BytesThatAreNotUtf8AreNamedByTheirPlace()
        {
            var error = Assert.Throws<JsonFormatException>(() => JsonReader.ParseObject(Encoding.UTF8.GetBytes("{\n\"a\": \"x").Concat(new byte[] { 0xFF, (byte)'"', (byte)'}' }).ToArray()));
            Assert.Equal(2, error.Line);
            Assert.Equal(9, error.Offset);
            Assert.Contains("not valid UTF-8", error.Message);
        }

        [Fact]
        public void ValuesCarryKindLineColumnAndSpan()
        {
            var text = "{\n  \"s\": \"ab\",\n  \"n\": -1.5e3,\n  \"o\": { \"t\": true },\n  \"a\": [\"x\", null, false]\n}";
            var json = JsonReader.ParseObject(text);
            Assert.Equal(new[] { "s", "n", "o", "a" }, json.Members.Select(m => m.Name));
            var s = json.Get("s")!;
            Assert.Equal((JsonKind.String, 2, 8, "ab"), (s.Kind, s.Line, s.Column, s.Text));
            Assert.Equal("\"ab\"", text.Substring(s.Offset, s.Length));
            var member = json.Members[0];
            Assert.Equal((2, 3), (member.Line, member.Column));
            Assert.Equal("\"s\"", text.Substring(member.Offset, member.NameLength));
            var n = json.Get("n")!;
            Assert.Equal((JsonKind.Number, "-1.5e3", 3, 8), (n.Kind, n.Text, n.Line, n.Column));
            Assert.Equal(JsonKind.True, json.Object("o")!.Get("t")!.Kind);
            var a = json.Get("a")!;
            Assert.Equal(new[] { JsonKind.String, JsonKind.Null, JsonKind.False }, a.Items.Select(i => i.Kind));
            Assert.Equal("[\"x\", null, false]", text.Substring(a.Offset, a.Length));
        }

        [Theory]
        // RFC 8259 section 6 and 7, as written.
        [InlineData("{\"n\":0}", "0")]
        [InlineData("{\"n\":-0}", "-0")]
        [InlineData("{\"n\":1E+2}", "1E+2")]
        [InlineData("{\"n\":1e-2}", "1e-2")]
        [InlineData("{\"n\":0.25}", "0.25")]
        [InlineData("{\"n\":\"\\ud83d\\ude00 \\/\\b\\f\\r\\t\"}", "\U0001F600 /\b\f\r\t")]
        [InlineData("{\"n\":\"\U0001F600\"}", "\U0001F600")]
        [InlineData("{\r\n\t\"n\" : \"x\" \r\n}", "x")]
        public void ReadsWhatTheGrammarAllows(string text, string expected)
        {
            Assert.Equal(expected, JsonReader.ParseObject(text).Get("n")!.Text);
        }

        [Theory]
        [InlineData("{\"n\":07}", "a number may not start with 0 followed by a digit")]
        [InlineData("{\"n\":+1}", "a number may not start with '+'")]
        [InlineData("{\"n\":1.}", "'.' must be followed by a digit")]
        [InlineData("{\"n\":.5}", "a number needs a digit before '.'")]
        [InlineData("{\"n\":-}", "'-' must be followed by a digit")]
        [InlineData("{\"n\":1e}", "an exponent needs digits")]
        [InlineData("{\"n\":12abc}", "is not a JSON number")]
        [InlineData("{\"n\":0x10}", "is not a JSON number")]
        public void NumbersAreStrict(string text, string expected)
        {
            var error = Refused(text);
            Assert.Contains(expected, error.Message);
            Assert.Equal((1, 6), (error.Line, error.Column));
        }

        [Theory]
        [InlineData('\u00A0')]
        [InlineData('\u2003')]
        [InlineData('\u200B')]
        [InlineData('\uFEFF')]
        [InlineData('\u000B')]
        [InlineData('\u000C')]
        public void OnlySpaceTabLineFeedAndCarriageReturnAreWhitespace(char space)
        {
            var error = Refused($"{{\n  \"a\":{space}1\n}}");
            Assert.Equal($"line 2, column 7: U+{(int)space:X4} is not JSON whitespace (only space, tab, line feed and carriage return are)", error.Message);
        }

        [Fact]
        public void WhitespaceJsonDoesNotKnowIsNamedWhereverItStands()
        {
            Assert.Contains("U+00A0", Refused("\u00A0{}").Message);
            Assert.Contains("U+00A0", Refused("{\u00A0\"a\":1}").Message);
            Assert.Contains("U+00A0", Refused("{\"a\"\u00A0:1}").Message);
            Assert.Contains("U+00A0", Refused("{\"a\":1\u00A0}").Message);
            Assert.Contains("U+00A0", Refused("{\"a\":[1\u00A0]}").Message);
        }

        [Fact]
        public void ALeadingByteOrderMarkIsSkippedAndNotCountedAsAColumn()
        {
            Assert.Equal("x", JsonReader.ParseObject("\uFEFF{\"a\":\"x\"}").String("a"));
            Assert.Equal("x", JsonReader.ParseObject(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"a\":\"x\"}")).ToArray()).String("a"));
            var error = Refused("\uFEFF{\"a\":x}");
            Assert.Equal((1, 6), (error.Line, error.Column));
            Assert.Contains("U+FEFF", Refused("\uFEFF\uFEFF{}").Message);
        }

        [Theory]
        [InlineData("\t", "a tab inside a string: write it as \\t")]
        [InlineData("\u0001", "a control character (U+0001) inside a string")]
        [InlineData("\u001F", "a control character (U+001F) inside a string")]
        [InlineData("\n", "line break inside a string")]
        [InlineData("\r", "line break inside a string")]
        public void ARawControlCharacterInsideAStringIsAnError(string raw, string expected)
        {
            var error = Refused($"{{\"a\": \"pa{raw}ss\"}}");
            Assert.Contains(expected, error.Message);
            Assert.Equal((1, 10), (error.Line, error.Column));
        }

        [Theory]
        [InlineData("\"\\ud800\"", "U+D800")]
        [InlineData("\"\\udc00\"", "U+DC00")]
        [InlineData("\"\\ud800\\u0041\"", "U+D800")]
        // Raw halves, spelled as escapes here because test data cannot carry them: the test turns them into characters.
        [InlineData("\"<D800>\"", "U+D800")]
        [InlineData("\"x<DC00>\"", "U+DC00")]
        [InlineData("\"<DE00><D83D>\"", "U+DE00")]
        public void HalfASurrogatePairIsAnError(string value, string named)
        {
            var error = Refused($"{{\"a\":{Raw(value)}}}");
            Assert.Contains("half a surrogate pair", error.Message);
            Assert.Contains(named, error.Message);
        }

        /// <summary>"&lt;D800&gt;" as the one UTF-16 unit U+D800.</summary>
        internal static string Raw(string spelled) =>
            System.Text.RegularExpressions.Regex.Replace(spelled, "<([0-9A-F]{4})>", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

        [Fact]
        public void AnExactDuplicateNameIsAnErrorNamingBothLinesAndTheKeyOnlyWhenTheCallerAllows()
        {
            const string text = "{\n  \"result\": \"reject\",\n  \"other\": 1,\n  \"result\": \"accept\"\n}";
            var unnamed = Refused(text);
            Assert.Equal("line 4, column 3: The key is written twice, on line 2 and line 4; keep one", unnamed.Message);
            var named = Refused(text, name => name);
            Assert.Equal("line 4, column 3: The key \"result\" is written twice, on line 2 and line 4; keep one", named.Message);
            // Names differing in letter case are different names to JSON; a caller that folds case says so itself.
            Assert.Equal(2, JsonReader.ParseObject("{\"a\":1,\"A\":2}").Members.Count);
            // The same name in two objects is no duplicate.
            Assert.NotNull(JsonReader.ParseObject("{\"a\":{\"a\":1},\"b\":{\"a\":2}}").Object("b"));
        }

        [Fact]
        public void NestingIsLimited()
        {
            var deepest = "{\"a\":" + new string('[', JsonReader.MaxDepth - 1) + "1" + new string(']', JsonReader.MaxDepth - 1) + "}";
            JsonReader.ParseObject(deepest);
            var tooDeep = "{\"a\":" + new string('[', JsonReader.MaxDepth) + "1" + new string(']', JsonReader.MaxDepth) + "}";
            Assert.Contains($"nesting is deeper than {JsonReader.MaxDepth} levels", Refused(tooDeep).Message);
        }

        [Theory]
        [InlineData("{ \"a\": 1 \"b\": 2 }", 1, 10, "expected ',' or '}' after the value of the key")]
        [InlineData("{ \"a\" 1 }", 1, 7, "expected ':' after the key")]
        [InlineData("{ \"a\": 1, }", 1, 11, "JSON allows no comma before '}'")]
        [InlineData("{ \"a\": [1,] }", 1, 11, "JSON allows no comma before ']'")]
        [InlineData("{ \"a\": [1 2] }", 1, 11, "expected ',' or ']'")]
        [InlineData("{\n\n   \"a\": \"x\\q\" }", 3, 12, "a backslash must be followed by")]
        [InlineData("{ \"a\": \"\\u12G4\" }", 1, 9, "four hexadecimal digits")]
        [InlineData("{ \"a\": 'x' }", 1, 8, "' is a single quote")]
        [InlineData("{ \"a\": \"x", 1, 10, "unterminated string")]
        [InlineData("{ \"a\": ", 1, 8, "the text ends early")]
        [InlineData("{ } {", 1, 5, "unexpected text after the closing '}'")]
        [InlineData("[1]", 1, 1, "expected a JSON object starting with '{'")]
        public void ErrorsNameLineAndColumnAndWhatIsWrong(string text, int line, int column, string expected)
        {
            var error = Refused(text);
            Assert.Equal((line, column), (error.Line, error.Column));
            Assert.StartsWith($"line {line}, column {column}: ", error.Message);
            Assert.Contains(expected, error.Reason);
        }

        [Theory]
        // A secret written without quotes, cut by a broken escape, or in the key's place: never repeated.
        [InlineData("{ \"data_encryption_passphrase\": Hunter2-Secret }")]
        [InlineData("{ \"data_encryption_passphrase\": \"Hunter2-Secret\\x\" }")]
        [InlineData("{ \"data_encryption_passphrase\": \"Hunter2-Secret\n\" }")]
        [InlineData("{ \"data_encryption_passphrase\": \"Hunter2-Secret\t\" }")]
        [InlineData("{ \"Hunter2-Secret\" \"x\" }")]
        [InlineData("{ \"Hunter2-Secret\": 1, \"Hunter2-Secret\": 2 }")]
        [InlineData("{ \"a\": 1Hunter2-Secret }")]
        [InlineData("{ \"a\": \"x\" Hunter2-Secret }")]
        public void ErrorsNeverEchoTheText(string text)
        {
            var error = Refused(text);
            Assert.DoesNotContain("Hunter2", error.Message);
            Assert.DoesNotContain("Secret", error.Message);
        }

        [Fact]
        public void TypedReadsNameTheMemberAndWhereItIsButNeverTheValue()
        {
            var json = JsonReader.ParseObject("{\n  \"deviceKey\": \"Hunter2-Secret\",\n  \"n\": 1.5,\n  \"big\": 9999999999,\n  \"list\": [\"a\", \"Hunter2-Secret\", 3]\n}");
            var wrong = Assert.Throws<JsonFormatException>(() => json.Int64("deviceKey"));
            Assert.Equal("line 2, column 16: \"deviceKey\" is a string, not a whole number", wrong.Message);
            Assert.Equal("line 3, column 8: \"n\" is a number, not a whole number", Assert.Throws<JsonFormatException>(() => json.Int32("n")).Message);
            Assert.Equal("line 4, column 10: \"big\" is out of range", Assert.Throws<JsonFormatException>(() => json.Int32("big")).Message);
            Assert.Equal(9999999999L, json.Int64("big"));
            var list = Assert.Throws<JsonFormatException>(() => json.StringArray("list"));
            Assert.Equal("line 5, column 35: \"list\" holds a number where a string belongs", list.Message);
            Assert.Equal("line 1, column 1: \"absent\" is missing from the object", Assert.Throws<JsonFormatException>(() => json.RequiredInt64("absent")).Message);
            Assert.Throws<JsonFormatException>(() => json.Bool("deviceKey"));
            Assert.Throws<JsonFormatException>(() => json.StringArray("deviceKey"));
            foreach (var read in new Func<object?>[] { () => json.Int64("deviceKey"), () => json.Bool("deviceKey"), () => json.Object("deviceKey"), () => json.StringArray("list") })
                Assert.DoesNotContain("Hunter2", Assert.Throws<JsonFormatException>(read).Message);
        }

        [Fact]
        public void StringArraysAndNullsRead()
        {
            var json = JsonReader.ParseObject("{\"list\":[\"a\",\"b\"],\"empty\":[],\"z\":null}");
            Assert.Equal(new[] { "a", "b" }, json.StringArray("list"));
            Assert.Empty(json.StringArray("empty")!);
            Assert.Null(json.StringArray("z"));
            Assert.Null(json.Bool("z"));
            Assert.True(json.Has("z"));
            Assert.Equal(JsonKind.Null, json.Get("z")!.Kind);
            Assert.False(json.Has("absent"));
            Assert.Throws<JsonFormatException>(() => json.RequiredString("z"));
        }

        [Fact]
        public void PositionCountsLinesAsTheReaderDoes()
        {
            JsonReader.Position("\uFEFFab\ncd", 5, out var line, out var column);
            Assert.Equal((2, 2), (line, column));
            JsonReader.Position("\uFEFFab", 2, out line, out column);
            Assert.Equal((1, 2), (line, column));
        }
    }
}
