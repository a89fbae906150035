using System;

namespace SecureMFA.Otp.Time
{
    /// <summary>
    /// The one clock seam of both halves: TOTP steps, lockouts, replay, offline expiry and signed timestamps all
    /// depend on it, so tests move it by hand instead of waiting. The WEB API adapts its TimeProvider to it.
    /// </summary>
    public interface IClock
    {
        DateTime UtcNow { get; }
    }

    /// <summary>The machine's clock.</summary>
    public sealed class SystemClock : IClock
    {
        public static readonly SystemClock Instance = new SystemClock();

        private SystemClock() { }

        public DateTime UtcNow => DateTime.UtcNow;
    }
}
