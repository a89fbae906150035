using System;

namespace SecureMFA.Core.Events
{
    /// <summary>Chooses the event destination for the platform the product runs on, always guarded.</summary>
    public static class EventSinks
    {
        public static IEventSink ForPlatform()
        {
#if NETFRAMEWORK
            if (Environment.OSVersion.Platform == PlatformID.Win32NT) return new GuardedEventSink(new WindowsEventLogSink(), TextEventSink.StandardError());
#endif
            return new GuardedEventSink(TextEventSink.StandardError());
        }

        /// <summary>The sink as given if it is already guarded, else wrapped: hosts may pass any sink.</summary>
        public static IEventSink Guarded(IEventSink sink) => sink as GuardedEventSink ?? new GuardedEventSink(sink);
    }
}
