using System;
using System.Globalization;
using System.IO;
using SecureMFA.Otp.Events;

namespace SecureMFA.Core.Events
{
    /// <summary>Writes one line per event to a text writer (standard error by default, or a log file); a UPN typed with line breaks cannot forge another line (<see cref="EventText"/>).</summary>
    public sealed class TextEventSink : IEventSink
    {
        private readonly TextWriter _writer;
        private readonly string _source;
        private readonly object _gate = new object();

        /// <param name="source">The name each line starts with, as the event source on Windows.</param>
        public TextEventSink(TextWriter writer, string source = WindowsEventLogSink.SourceName)
        {
            _writer = writer;
            _source = source;
        }

        public static TextEventSink StandardError(string source = WindowsEventLogSink.SourceName) => new TextEventSink(Console.Error, source);

        public void Write(OtpEventId id, EventLevel level, string message)
        {
            var line = string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-ddTHH:mm:ss.fffZ} {1} {2} {3}: {4}",
                DateTime.UtcNow, _source, (int)id, level, EventText.Escape(message));
            lock (_gate)
            {
                _writer.WriteLine(line);
                _writer.Flush();
            }
        }
    }
}
