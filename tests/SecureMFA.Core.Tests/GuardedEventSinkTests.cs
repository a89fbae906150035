using System;
using System.IO;
using SecureMFA.Core.Events;
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

        private sealed class ThrowingSink : IEventSink
        {
            public void Write(OtpEventId id, EventLevel level, string message) => throw new InvalidOperationException("The event log is full.");
        }
    }
}
