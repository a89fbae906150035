namespace SecureMFA.WinOtp.Platform
{
    /// <summary>
    /// The session seam: is this logon screen shown on the physical console or in a Remote Desktop session?
    /// On Windows: SM_REMOTESESSION, and the session id compared with GlassSessionId.
    /// </summary>
    public interface ISessionFacts
    {
        SessionKind Current { get; }
    }

    /// <summary>Where the sign-in happens. Unknown is treated as Remote: a code is asked rather than skipped.</summary>
    public enum SessionKind { Console, Remote, Unknown }
}
