using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.Core.Events;

namespace SecureMFA.Core.Tests
{
    /// <summary>Keeps every event a store writes.</summary>
    public sealed class RecordedEvents : IEventSink
    {
        public ConcurrentQueue<(OtpEventId Id, EventLevel Level, string Message)> All { get; } = new ConcurrentQueue<(OtpEventId, EventLevel, string)>();

        public void Write(OtpEventId id, EventLevel level, string message) => All.Enqueue((id, level, message));

        public List<string> At(EventLevel level) => All.Where(e => e.Level == level).Select(e => e.Message).ToList();
    }
}
