using System;

namespace SecureMFA.Core.Events
{
    /// <summary>Chooses the event destination for the platform the product runs on.</summary>
    public static class EventSinks
    {
        public static IEventSink ForPlatform()
        {
#if NETFRAMEWORK
            if (Environment.OSVersion.Platform == PlatformID.Win32NT) return new WindowsEventLogSink();
#endif
            return TextEventSink.StandardError();
        }
    }
}
