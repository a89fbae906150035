using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>The session the simulated tile is shown in, from --session.</summary>
    public sealed class FixedSession : ISessionFacts
    {
        public FixedSession(SessionKind kind) { Current = kind; }
        public SessionKind Current { get; }
    }
}
