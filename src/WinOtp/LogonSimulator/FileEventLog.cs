using System;
using System.Globalization;
using System.IO;
using SecureMFA.WinOtp.Events;

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>The simulator's Application log: events.log in the state folder, and standard error.</summary>
    public sealed class FileEventLog(string path, TextWriter error) : IWinOtpEventLog
    {
        public void Write(WinOtpEventId id, WinOtpEventLevel level, string message)
        {
            // One line per event whoever calls: the product's one escaping rule, as the Application log gets it.
            message = GuardedEventLog.OneLine(message);
            var stamp = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var line = $"{stamp} {(int)id} {level} {message}";
            File.AppendAllText(path, line + Environment.NewLine);
            error.WriteLine($"[event {(int)id} {level}] {message}");
        }
    }
}
