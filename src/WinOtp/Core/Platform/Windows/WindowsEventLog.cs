#if NETFRAMEWORK
using System.Diagnostics;
using SecureMFA.WinOtp.Events;

namespace SecureMFA.WinOtp.Platform.Windows
{
    /// <summary>The Application log, source "SecureMFA WIN OTP" (the installer registers the source). Windows only.</summary>
    public sealed class WindowsEventLog : IWinOtpEventLog
    {
        public const string SourceName = "SecureMFA WIN OTP";

        public void Write(WinOtpEventId id, WinOtpEventLevel level, string message)
        {
            var type = level == WinOtpEventLevel.Error ? EventLogEntryType.Error
                : level == WinOtpEventLevel.Warning ? EventLogEntryType.Warning
                : EventLogEntryType.Information;
            // The shell writes here directly (COM guards, the filter), not only through GuardedEventLog: escaped here too.
            EventLog.WriteEntry(SourceName, GuardedEventLog.OneLine(message), type, (int)id);
        }
    }
}
#endif
