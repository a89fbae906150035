using System;
using System.Linq;
using SecureMFA.Core.Events;
using SecureMFA.Testing;
using SecureMFA.WebApi.Signing;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>The throttled events for refused requests, on their own.</summary>
    public class RefusalEventsTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

        [Fact]
        public void RefusalsAreLoggedOnceAMinutePerReasonAndAddressWithACount()
        {
            var events = new RecordedEvents();
            var refusals = new RefusalEvents(events);
            var t = T0.UtcDateTime;
            for (var i = 0; i < 5; i++) refusals.Write("bad_signature", "10.0.0.1", "POST /x", t.AddSeconds(i));
            refusals.Write("bad_signature", "10.0.0.2", "POST /x", t);
            refusals.Write("unknown_device", "10.0.0.1", "POST /x", t);
            Assert.Equal(3, events.Events.Count);
            refusals.Write("bad_signature", "10.0.0.1", "POST /x", t.AddSeconds(61));
            Assert.Equal(4, events.Events.Count);
            Assert.Contains("4 more such refusal(s)", events.Events.Last().Message);
            Assert.All(events.Events, e => Assert.Equal((OtpEventId.OtpFailed, EventLevel.Warning), (e.Id, e.Level)));
        }
    }
}
