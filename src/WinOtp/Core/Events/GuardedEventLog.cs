using System;
using System.Text;

namespace SecureMFA.WinOtp.Events
{
    /// <summary>
    /// What the logon flow writes through: verbose events dropped unless verboselog is on, each message made one
    /// line of printable text, and a failing log (full, source not registered) never failing a sign-in.
    /// </summary>
    public sealed class GuardedEventLog : IWinOtpEventLog
    {
        private const int MaxLength = 2000;
        private readonly IWinOtpEventLog _inner;
        private readonly bool _verbose;

        public GuardedEventLog(IWinOtpEventLog inner, bool verbose)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _verbose = verbose;
        }

        public void Write(WinOtpEventId id, WinOtpEventLevel level, string message)
        {
            if (level == WinOtpEventLevel.Verbose && !_verbose) return;
            try { _inner.Write(id, level, OneLine(message)); }
            catch (Exception) { /* the sign-in goes on without its event */ }
        }

        /// <summary>Control characters (line breaks forged into a user name, for one) become spaces.</summary>
        public static string OneLine(string? message)
        {
            var text = new StringBuilder(Math.Min((message ?? "").Length, MaxLength));
            foreach (var c in message ?? "")
            {
                if (text.Length == MaxLength) break;
                text.Append(char.IsControl(c) ? ' ' : c);
            }
            return text.ToString();
        }
    }
}
