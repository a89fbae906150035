using System;
using SecureMFA.Otp.Time;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.LogonSimulator
{
    // The simulated machine's facts that come from the command line rather than from Windows: the session the tile is
    // shown in and how wrong the clock is.

    /// <summary>The session the simulated tile is shown in, from --session.</summary>
    public sealed class FixedSession(SessionKind kind) : ISessionFacts
    {
        public SessionKind Current { get; } = kind;
    }

    /// <summary>This machine's clock moved by --clock-offset seconds, to play a laptop whose clock is wrong.</summary>
    public sealed class OffsetClock(IClock inner, TimeSpan offset) : IClock
    {
        public DateTime UtcNow => inner.UtcNow + offset;
    }
}
