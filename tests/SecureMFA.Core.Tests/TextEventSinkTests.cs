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
    }
}
