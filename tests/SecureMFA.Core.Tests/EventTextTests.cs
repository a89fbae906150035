using System;
using System.Collections.Generic;
using System.IO;
using SecureMFA.Core.Events;
using SecureMFA.Otp.Events;
using Xunit;

namespace SecureMFA.Core.Tests
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

        [Fact]
        public void TheGuardedSinkEscapesAndNeverThrows()
        {
            var seen = new List<string>();
            var fallback = new StringWriter();
            var sink = new GuardedEventSink(new ThrowingSink(), new TextEventSink(fallback));
            sink.Write(OtpEventId.OtpOk, EventLevel.Information, "OTP accepted for a\u2028b");
            Assert.Contains("a\\u2028b", fallback.ToString());
            Assert.Single(fallback.ToString().TrimEnd().Split('\n'));

            var nowhere = new GuardedEventSink(new ThrowingSink(), new ThrowingSink());
            nowhere.Write(OtpEventId.OtpOk, EventLevel.Information, "the sign-in goes on");
            Assert.Same(sink, EventSinks.Guarded(sink));
            Assert.IsType<GuardedEventSink>(EventSinks.Guarded(new ThrowingSink()));
        }

        private sealed class ThrowingSink : IEventSink
        {
            public void Write(OtpEventId id, EventLevel level, string message) => throw new InvalidOperationException("The event log is full.");
        }
    }
}
