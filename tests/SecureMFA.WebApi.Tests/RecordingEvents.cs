using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.Core.Events;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>Keeps every event, so tests can assert what was logged and that no secret ever is.</summary>
    public sealed class RecordingEvents : IEventSink
    {
        public ConcurrentQueue<(OtpEventId Id, EventLevel Level, string Message)> Events { get; } = new();
        public void Write(OtpEventId id, EventLevel level, string message) => Events.Enqueue((id, level, message));
        public IEnumerable<string> Messages(OtpEventId id) => Events.Where(e => e.Id == id).Select(e => e.Message);
        public string All => string.Join("\n", Events.Select(e => $"{(int)e.Id} {e.Message}"));
    }
}
