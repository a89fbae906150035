#if NETFRAMEWORK
using System.Diagnostics;

namespace SecureMFA.Core.Events
{
    /// <summary>The Windows seam: the Application log, source "Secure MFA OTP" (registered at install).</summary>
    public sealed class WindowsEventLogSink : IEventSink
    {
        public const string SourceName = "Secure MFA OTP";

        public void Write(OtpEventId id, EventLevel level, string message)
        {
            var type = level == EventLevel.Error ? EventLogEntryType.Error
                : level == EventLevel.Warning ? EventLogEntryType.Warning
                : EventLogEntryType.Information;
            EventLog.WriteEntry(SourceName, message, type, (int)id);
        }
    }
}
#endif
