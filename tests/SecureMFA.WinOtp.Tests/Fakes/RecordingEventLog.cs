using System.Collections.Generic;
using System.Linq;
using SecureMFA.WinOtp.Events;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    public sealed class RecordingEventLog : IWinOtpEventLog
    {
        public List<(WinOtpEventId Id, WinOtpEventLevel Level, string Message)> Events { get; } = new List<(WinOtpEventId, WinOtpEventLevel, string)>();

        public void Write(WinOtpEventId id, WinOtpEventLevel level, string message)
        {
            lock (Events) Events.Add((id, level, message));
        }

        public IEnumerable<string> Messages(WinOtpEventId id) => Events.Where(e => e.Id == id).Select(e => e.Message);

        public string All => string.Join("\n", Events.Select(e => (int)e.Id + " " + e.Level + " " + e.Message));
    }
}
