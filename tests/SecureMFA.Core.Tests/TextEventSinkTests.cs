using System.IO;
using SecureMFA.Core.Events;
using Xunit;

namespace SecureMFA.Core.Tests
{
    public class TextEventSinkTests
    {
        [Fact]
        public void OneEventIsOneLineWithItsIdEvenWhenTheMessageHasLineBreaks()
        {
            var writer = new StringWriter();
            new TextEventSink(writer).Write(OtpEventId.OtpFailed, EventLevel.Warning, "OTP refused for evil\n2026-01-01 Secure MFA OTP 5556 Information: forged");
            var lines = writer.ToString().TrimEnd('\n', '\r').Split('\n');
            var line = Assert.Single(lines);
            Assert.Contains("Secure MFA OTP 5557 Warning: OTP refused for evil\\u000a2026-01-01", line);
        }

        [Theory]
        [InlineData("evil\r\nforged", "evil\\u000d\\u000aforged")]
        [InlineData("evil\u0085forged", "evil\\u0085forged")]
        [InlineData("evil\u2028forged", "evil\\u2028forged")]
        [InlineData("evil\u2029forged", "evil\\u2029forged")]
        [InlineData("admin\u202Egnp.exe", "admin\\u202egnp.exe")]
        [InlineData("a\u2066b\u200Bc", "a\\u2066b\\u200bc")]
        public void NoSeparatorBidiOrInvisibleCharacterPasses(string message, string escaped)
        {
            var writer = new StringWriter();
            new TextEventSink(writer).Write(OtpEventId.OtpFailed, EventLevel.Warning, message);
            var line = Assert.Single(writer.ToString().TrimEnd('\n', '\r').Split('\n'));
            Assert.EndsWith(escaped, line);
            Assert.DoesNotContain(line, c => char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u202E' || c == '\u2066' || c == '\u200B');
        }
    }
}
