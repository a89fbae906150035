namespace SecureMFA.WinOtp.Platform
{
    /// <summary>Where the sign-in happens. Unknown is treated as Remote: a code is asked rather than skipped.</summary>
    public enum SessionKind { Console, Remote, Unknown }
}
