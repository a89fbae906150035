using System;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    public sealed class FakeClock : IClock
    {
        public FakeClock(DateTime utcNow) { UtcNow = utcNow; }

        /// <summary>2025-11-30T10:53:20Z, the protocol document's timestamp 1764500000.</summary>
        public static FakeClock AtDocumentTime() => new FakeClock(UnixTime.ToDateTime(1764500000));

        public DateTime UtcNow { get; set; }

        public long UnixSeconds => UnixTime.Seconds(UtcNow);

        public void Advance(TimeSpan by) => UtcNow = UtcNow + by;

        /// <summary>Moves to the start of the next 30-second step, so a new code exists.</summary>
        public void NextStep() => UtcNow = UnixTime.ToDateTime((UnixSeconds / 30 + 1) * 30);
    }
}
