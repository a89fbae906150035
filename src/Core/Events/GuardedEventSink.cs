using System;
using SecureMFA.Otp.Events;

namespace SecureMFA.Core.Events
{
    /// <summary>
    /// What every product component writes through: the message made one safe line (<see cref="EventText"/>), and
    /// a sink that fails (a full or missing event log, a closed stream) never turns a sign-in into an error page.
    /// A failed write goes to the fallback sink (standard error) if that works; otherwise it is dropped.
    /// </summary>
    public sealed class GuardedEventSink : IEventSink
    {
        private readonly IEventSink _inner;
        private readonly IEventSink? _fallback;

        public GuardedEventSink(IEventSink inner, IEventSink? fallback = null)
        {
            _inner = inner;
            _fallback = fallback;
        }

        public void Write(OtpEventId id, EventLevel level, string message)
        {
            var safe = EventText.Escape(message);
            try { _inner.Write(id, level, safe); }
            catch (Exception)
            {
                try { _fallback?.Write(id, level, safe); }
                catch (Exception) { /* nowhere left to write: the sign-in goes on */ }
            }
        }
    }
}
