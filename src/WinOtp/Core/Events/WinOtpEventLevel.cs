namespace SecureMFA.WinOtp.Events
{
    /// <summary>Verbose events are written only when verboselog is on.</summary>
    public enum WinOtpEventLevel { Verbose, Information, Warning, Error }
}
