using System;
using System.Text;
using SecureMFA.Otp.Json;
using Xunit;

namespace SecureMFA.Otp.Tests.Json
{
    public class JsonWriterTests
    {
        // Moved from SecureMFA.WinOtp.Tests (WIN OTP's writer), assertions unchanged.
        [Fact]
        public void TheWriterEscapesWhatJsonNeeds()
        {
            var bytes = new JsonWriter().Add("a", "q\"b\\\n\u2028").Add("n", 7L).Add("t", false).ToUtf8();
            Assert.Equal("{\"a\":\"q\\\"b\\\\\\u000a\\u2028\",\"n\":7,\"t\":false}", Encoding.UTF8.GetString(bytes));
            Assert.Equal("q\"b\\\n\u2028", JsonReader.ParseObject(bytes).String("a"));
        }

        [Fact]
        public void EveryControlCharacterAndTheJavaScriptLineBreaksAreEscaped()
        {
            var all = new StringBuilder();
            for (var c = 0; c < 0x20; c++) all.Append((char)c);
            all.Append('\u007F').Append('\u2028').Append('\u2029').Append("/é\U0001F600");
            var text = new JsonWriter().Add("a", all.ToString()).ToString();
            foreach (var c in text) Assert.False(c < ' ' || c == '\u007F' || c == '\u2028' || c == '\u2029', $"U+{(int)c:X4} written raw");
            Assert.Contains("\\u0009\\u000a\\u000b", text);
            Assert.EndsWith("\\u007f\\u2028\\u2029/é\U0001F600\"}", text);
            Assert.Equal(all.ToString(), JsonReader.ParseObject(text).String("a"));
        }

        [Theory]
        [InlineData("x<D800>")]
        [InlineData("<DC00>x")]
        [InlineData("<DE00><D83D>")]
        public void HalfASurrogatePairIsRefusedNamingTheMemberNotTheText(string spelled)
        {
            var text = JsonReaderTests.Raw(spelled);
            var error = Assert.Throws<ArgumentException>(() => new JsonWriter().Add("Hunter2-Name", $"Secret{text}"));
            Assert.Contains("\"Hunter2-Name\"", error.Message);
            Assert.DoesNotContain("Secret", error.Message);
            Assert.Throws<ArgumentException>(() => new JsonWriter().Add(text, "x"));
            Assert.Throws<ArgumentException>(() => new JsonWriter().Add("list", new[] { "ok", text }));
        }

        [Fact]
        public void ANameWrittenTwiceIsRefused()
        {
            var writer = new JsonWriter().Add("a", 1);
            Assert.Throws<ArgumentException>(() => writer.Add("a", "again"));
        }

        [Fact]
        public void CompactAndIndentedNestObjectsAndStringArrays()
        {
            var writer = new JsonWriter()
                .Add("name", "x")
                .Add("inner", new JsonWriter().Add("n", -5).Add("deeper", new JsonWriter()).AddNull("z"))
                .Add("list", new[] { "a", "b" })
                .Add("none", new string[0])
                .Add("ok", true);
            Assert.Equal("{\"name\":\"x\",\"inner\":{\"n\":-5,\"deeper\":{},\"z\":null},\"list\":[\"a\",\"b\"],\"none\":[],\"ok\":true}", writer.ToString());
            Assert.Equal(
                "{\n" +
                "  \"name\": \"x\",\n" +
                "  \"inner\": {\n" +
                "    \"n\": -5,\n" +
                "    \"deeper\": {},\n" +
                "    \"z\": null\n" +
                "  },\n" +
                "  \"list\": [\"a\", \"b\"],\n" +
                "  \"none\": [],\n" +
                "  \"ok\": true\n" +
                "}\n", writer.ToIndentedString());
            Assert.Equal("{}", new JsonWriter().ToString());
        }

        [Fact]
        public void AnArrayOfObjectsIsWrittenAndReadBackAndANullItemIsRefused()
        {
            var writer = new JsonWriter().Add("keys", new[] { new JsonWriter().Add("kid", "a").Add("n", 1), new JsonWriter() }).Add("none", new JsonWriter[0]);
            Assert.Equal("{\"keys\":[{\"kid\":\"a\",\"n\":1},{}],\"none\":[]}", writer.ToString());
            var keys = JsonReader.ParseObject(writer.ToIndentedString()).Get("keys")!;
            Assert.Equal(JsonKind.Array, keys.Kind);
            Assert.Equal(2, keys.Items.Count);
            Assert.Throws<ArgumentException>(() => new JsonWriter().Add("keys", new JsonWriter[] { null! }));
        }

        [Fact]
        public void WhatTheWriterWritesTheReaderReadsBack()
        {
            var tricky = "C:\\path\\\"quoted\"\t\r\n\u0000\u2028é\U0001F600 Hunter2";
            var writer = new JsonWriter()
                .Add("s", tricky)
                .Add("min", long.MinValue)
                .Add("max", long.MaxValue)
                .Add("f", false)
                .Add("o", new JsonWriter().Add("list", new[] { tricky, "" }).Add("p", new JsonWriter().Add("q", 1)));
            foreach (var text in new[] { writer.ToString(), writer.ToIndentedString(), Encoding.UTF8.GetString(writer.ToUtf8()) })
            {
                var json = JsonReader.ParseObject(text);
                Assert.Equal(tricky, json.String("s"));
                Assert.Equal(long.MinValue, json.Int64("min"));
                Assert.Equal(long.MaxValue, json.Int64("max"));
                Assert.False(json.Bool("f"));
                Assert.Equal(new[] { tricky, "" }, json.Object("o")!.StringArray("list"));
                Assert.Equal(1, json.Object("o")!.Object("p")!.Int32("q"));
            }
        }
    }
}
