using System.Diagnostics;
using SecureMFA.Otp.Events;

namespace SecureMFA.Core.Events
{
    /// <summary>
    /// The Windows seam: the Application log, under the source the component registers at install ("Secure MFA OTP"
    /// for the AD FS adapter and the cmdlets, "SecureMFA WEB API" for the WEB API).
    /// </summary>
    public sealed class WindowsEventLogSink : IEventSink
    {
        public const string SourceName = "Secure MFA OTP";
        public const string WebApiSourceName = "SecureMFA WEB API";
        private readonly string _source;

        public WindowsEventLogSink(string source = SourceName) => _source = source;

#if !NETFRAMEWORK
        [System.Runtime.Versioning.SupportedOSPlatform("windows")]
#endif
        public void Write(OtpEventId id, EventLevel level, string message)
        {
            var type = level == EventLevel.Error ? EventLogEntryType.Error
                : level == EventLevel.Warning ? EventLogEntryType.Warning
                : EventLogEntryType.Information;
            // Escaped here too, not only by GuardedEventSink: whoever writes to this sink directly cannot forge an entry either.
            EventLog.WriteEntry(_source, EventText.Escape(message), type, (int)id);
        }
    }
}
