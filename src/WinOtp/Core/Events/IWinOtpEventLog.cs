namespace SecureMFA.WinOtp.Events
{
    /// <summary>
    /// The event log seam. Messages never hold a code, a password, a secret, a key or the bootstrap value: callers
    /// pass user names, outcomes, reasons and times only.
    /// </summary>
    public interface IWinOtpEventLog
    {
        void Write(WinOtpEventId id, WinOtpEventLevel level, string message);
    }
}
