using SecureMFA.Otp.Events;
using Xunit;

namespace SecureMFA.Otp.Tests.Events
{
    /// <summary>Events carry text users control (UPN, user agent): it must not forge events, hide text, or break a sign-in.</summary>
    public class EventTextTests
    {
        [Theory]
        [InlineData("evil\u2028Secure MFA OTP 5556 Information: forged", "evil\\u2028Secure MFA OTP 5556 Information: forged")]
        [InlineData("evil\u2029forged", "evil\\u2029forged")]
        [InlineData("evil\u0085forged", "evil\\u0085forged")]
        [InlineData("evil\r\nforged", "evil\\u000d\\u000aforged")]
        [InlineData("admin\u202Egnp.exe", "admin\\u202egnp.exe")]
        [InlineData("a\u200Bb\uFEFFc", "a\\u200bb\\ufeffc")]
        [InlineData("tab\there", "tab\\u0009here")]
        public void LineBreaksControlAndFormatCharactersAreWrittenAsEscapes(string text, string expected)
        {
            Assert.Equal(expected, EventText.Escape(text));
        }

        /// <summary>Not in an attribute: custom attribute strings are UTF-8 and cannot carry a lone surrogate.</summary>
        [Fact]
        public void UnpairedSurrogatesAreWrittenAsEscapesAndPairsAreKept()
        {
            Assert.Equal("lone\\ud800surrogate\\udc00 \U0001F600", EventText.Escape("lone\uD800surrogate\uDC00 \U0001F600"));
        }

        [Theory]
        [InlineData("alice@adatum.labnet")]
        [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36")]
        [InlineData("élodie@exemple.fr 😀 C:\\path")]
        public void OrdinaryTextIsUnchanged(string text)
        {
            Assert.Same(text, EventText.Escape(text));
        }
    }
}
