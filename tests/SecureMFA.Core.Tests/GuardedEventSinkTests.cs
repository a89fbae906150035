using System;
using System.IO;
using SecureMFA.Core.Events;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>The guard around an event sink: the text escaped (EventText, tested in SecureMFA.Otp.Tests), and a failing log never stops a sign-in.</summary>
    public class GuardedEventSinkTests
    {
        [Fact]
        public void TheGuardedSinkEscapesAndNeverThrows()
        {
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

        [Theory]
        [InlineData("a\r\nb", "a\\u000d\\u000ab")]
        [InlineData("a\u0085b\u2029c", "a\\u0085b\\u2029c")]
        [InlineData("a\u202Eb\u2067c\uFEFFd", "a\\u202eb\\u2067c\\ufeffd")]
        public void WhatReachesTheInnerSinkIsEscaped(string message, string escaped)
        {
            var recorded = new RecordedEvents();
            new GuardedEventSink(recorded).Write(OtpEventId.OtpFailed, EventLevel.Warning, message);
            Assert.Equal(escaped, Assert.Single(recorded.Events).Message);
        }

        private sealed class ThrowingSink : IEventSink
        {
            public void Write(OtpEventId id, EventLevel level, string message) => throw new InvalidOperationException("The event log is full.");
        }
    }
}
