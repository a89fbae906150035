using System;
using System.Globalization;
using System.IO;
using SecureMFA.WinOtp.Events;

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>The simulator's Application log: events.log in the state folder, and standard error.</summary>
    public sealed class FileEventLog : IWinOtpEventLog
    {
        private readonly string _path;
        private readonly TextWriter _error;

        public FileEventLog(string path, TextWriter error)
        {
            _path = path;
            _error = error;
        }

        public void Write(WinOtpEventId id, WinOtpEventLevel level, string message)
        {
            // One line per event whoever calls: the product's one escaping rule, as the Application log gets it.
            message = GuardedEventLog.OneLine(message);
            var line = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + " " + (int)id + " " + level + " " + message;
            File.AppendAllText(_path, line + Environment.NewLine);
            _error.WriteLine("[event " + (int)id + " " + level + "] " + message);
        }
    }
}
