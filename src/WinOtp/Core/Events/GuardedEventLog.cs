using System;
using SecureMFA.Otp.Events;

namespace SecureMFA.WinOtp.Events
{
    /// <summary>
    /// What the logon flow writes through: verbose events dropped unless verboselog is on, each message made one
    /// line by the escaping rule AD FS and the WEB API use too, and a failing log (full, source not registered) never failing a sign-in.
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

        /// <summary>The product's one escaping rule (<see cref="EventText"/>), capped at <see cref="MaxLength"/> characters.</summary>
        public static string OneLine(string? message) => EventText.Escape(message, MaxLength);
    }
}
