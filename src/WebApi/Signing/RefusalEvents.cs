using System;
using System.Collections.Concurrent;
using SecureMFA.Core.Events;

namespace SecureMFA.WebApi.Signing
{
    /// <summary>
    /// Events for refused requests (bad signature, unknown device, wrong bootstrap value…), at most one a minute per
    /// reason and client address, with the count of those not written: a flood of bad requests must not flood the log.
    /// </summary>
    public sealed class RefusalEvents
    {
        private const int MaxTracked = 10_000;
        private readonly ConcurrentDictionary<(string Reason, string Address), Window> _windows = new ConcurrentDictionary<(string, string), Window>();
        private readonly IEventSink _events;

        public RefusalEvents(IEventSink events) => _events = EventSinks.Guarded(events);

        public void Write(string reason, string address, string detail, DateTime utcNow)
        {
            if (_windows.Count > MaxTracked) _windows.Clear();
            var window = _windows.GetOrAdd((reason, address), _ => new Window());
            int suppressed;
            lock (window)
            {
                if (window.Start.HasValue && utcNow - window.Start.Value < TimeSpan.FromMinutes(1))
                {
                    window.Suppressed++;
                    return;
                }
                suppressed = window.Suppressed;
                window.Start = utcNow;
                window.Suppressed = 0;
            }
            _events.Write(OtpEventId.OtpFailed, EventLevel.Warning,
                $"WEB API request refused ({reason}) from {address}: {detail}" + (suppressed > 0 ? $" ({suppressed} more such refusal(s) in the last minute not logged)." : "."));
        }

        private sealed class Window
        {
            public DateTime? Start { get; set; }
            public int Suppressed { get; set; }
        }
    }
}
