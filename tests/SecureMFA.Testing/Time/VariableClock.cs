using System;
using System.Threading;
using SecureMFA.Otp.Time;

namespace SecureMFA.Testing
{
    /// <summary>
    /// The test's clock, set by hand (TOTP steps, lockouts, timestamps, nonce and offline expiry): a new step is a clock
    /// move, never a wait. It is the kernel's <see cref="IClock"/> and, on .NET, also the WEB API's TimeProvider, so
    /// one clock drives a test's API and its client alike. Linked into the net472 test programs too.
    /// </summary>
    public sealed class VariableClock :
#if NET8_0_OR_GREATER
        TimeProvider,
#endif
        IClock
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private long _ticks;

        public VariableClock(DateTime utcNow) { UtcNow = utcNow; }

        /// <summary>Now, on the machine's clock.</summary>
        public VariableClock() : this(DateTime.UtcNow) { }

        /// <summary>2025-11-30T10:53:20Z, the protocol document's timestamp 1764500000.</summary>
        public static VariableClock AtDocumentTime() => new VariableClock(Epoch.AddSeconds(1764500000));

        /// <summary>Read and set from any thread: API requests read it while the test moves it.</summary>
        public DateTime UtcNow
        {
            get => new DateTime(Interlocked.Read(ref _ticks), DateTimeKind.Utc);
            set => Interlocked.Exchange(ref _ticks, value.ToUniversalTime().Ticks);
        }

        public long UnixSeconds => (long)Math.Floor((UtcNow - Epoch).TotalSeconds);

        public void Advance(TimeSpan by) => UtcNow = UtcNow + by;

        /// <summary>Moves to the start of the next step of <paramref name="period"/> seconds, so a new code exists.</summary>
        public void NextStep(int period = 30) => UtcNow = Epoch.AddSeconds((UnixSeconds / period + 1) * period);

#if NET8_0_OR_GREATER
        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(UtcNow);
#endif
    }
}
