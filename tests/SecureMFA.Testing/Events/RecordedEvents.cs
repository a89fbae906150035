using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.Core.Events;

namespace SecureMFA.Testing
{
    /// <summary>
    /// An event sink that keeps every event (id, level, text) as the product handed it over, from any thread, so tests
    /// can assert what was logged, and that no secret and no forged line ever is.
    /// </summary>
    public sealed class RecordedEvents : IEventSink
    {
        public ConcurrentQueue<(OtpEventId Id, EventLevel Level, string Message)> Events { get; } = new ConcurrentQueue<(OtpEventId, EventLevel, string)>();

        public void Write(OtpEventId id, EventLevel level, string message) => Events.Enqueue((id, level, message));

        public IEnumerable<string> Messages(OtpEventId id) => Events.Where(e => e.Id == id).Select(e => e.Message);

        public List<string> At(EventLevel level) => Events.Where(e => e.Level == level).Select(e => e.Message).ToList();

        /// <summary>Every event as "id text", one per line: for "this never appears anywhere" assertions.</summary>
        public string Text => string.Join("\n", Events.Select(e => $"{(int)e.Id} {e.Message}"));
    }
}
