using System;
using System.Globalization;
using System.IO;

namespace SecureMFA.Core.Events
{
    /// <summary>Writes one line per event to a text writer (standard error by default, or a log file).</summary>
    public sealed class TextEventSink : IEventSink
    {
        private readonly TextWriter _writer;
        private readonly object _gate = new object();

        public TextEventSink(TextWriter writer) => _writer = writer;

        public static TextEventSink StandardError() => new TextEventSink(Console.Error);

        public void Write(OtpEventId id, EventLevel level, string message)
        {
            var line = string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-ddTHH:mm:ss.fffZ} Secure MFA OTP {1} {2}: {3}",
                DateTime.UtcNow, (int)id, level, OneLine(message));
            lock (_gate)
            {
                _writer.WriteLine(line);
                _writer.Flush();
            }
        }

        /// <summary>A UPN typed with line breaks must not forge extra log lines.</summary>
        private static string OneLine(string message)
        {
            var chars = message.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
                if (char.IsControl(chars[i])) chars[i] = '?';
            return new string(chars);
        }
    }
}
