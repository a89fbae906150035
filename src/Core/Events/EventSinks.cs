using System;

namespace SecureMFA.Core.Events
{
    /// <summary>Chooses the event destination for the platform the product runs on, always guarded.</summary>
    public static class EventSinks
    {
        /// <summary>
        /// On Windows the Application log (standard error when it cannot be written), elsewhere standard error, under
        /// the source the component registers at install: <see cref="WindowsEventLogSink.SourceName"/> for the AD FS
        /// adapter and the cmdlets, <see cref="WindowsEventLogSink.WebApiSourceName"/> for the WEB API.
        /// </summary>
        public static IEventSink ForPlatform(string source = WindowsEventLogSink.SourceName)
        {
            var standardError = TextEventSink.StandardError(source);
            return IsWindows()
                ? new GuardedEventSink(new WindowsEventLogSink(source), standardError)
                : new GuardedEventSink(standardError);
        }

        /// <summary>The sink as given if it is already guarded, else wrapped: hosts may pass any sink.</summary>
        public static IEventSink Guarded(IEventSink sink) => sink as GuardedEventSink ?? new GuardedEventSink(sink);

        private static bool IsWindows() =>
#if NETFRAMEWORK
            Environment.OSVersion.Platform == PlatformID.Win32NT;
#else
            OperatingSystem.IsWindows();
#endif
    }
}
