using System.Collections.Generic;
using SecureMFA.WinOtp.Events;

namespace SecureMFA.WinOtp.Cmdlets.Infrastructure
{
    /// <summary>
    /// WinOtp.Core's events while a cmdlet runs, kept for its verbose stream (they may come from any thread). The
    /// cmdlets do not write the Application log: LogonUI's events stay the provider's.
    /// </summary>
    public sealed class CollectedEvents : IWinOtpEventLog
    {
        private readonly List<string> _lines = new List<string>();

        public void Write(WinOtpEventId id, WinOtpEventLevel level, string message)
        {
            // The verbose stream shows them as the Application log would: escaped, one line each.
            lock (_lines) _lines.Add($"{(int)id} {level}: {GuardedEventLog.OneLine(message)}");
        }

        public IReadOnlyList<string> Drain()
        {
            lock (_lines)
            {
                var lines = _lines.ToArray();
                _lines.Clear();
                return lines;
            }
        }
    }
}
