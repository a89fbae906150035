using System.Text;
using SecureMFA.WinOtp.Json;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    public class JsonReaderTests
    {
        private static JsonObject Parse(string text) => JsonReader.ParseObject(Encoding.UTF8.GetBytes(text));

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
        public void TheWriterEscapesWhatJsonNeeds()
        {
            var bytes = new JsonWriter().Add("a", "q\"b\\\n\u2028").Add("n", 7L).Add("t", false).ToUtf8();
            Assert.Equal("{\"a\":\"q\\\"b\\\\\\u000a\\u2028\",\"n\":7,\"t\":false}", Encoding.UTF8.GetString(bytes));
            Assert.Equal("q\"b\\\n\u2028", JsonReader.ParseObject(bytes).String("a"));
        }
    }
}
