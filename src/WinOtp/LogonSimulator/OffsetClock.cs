using System;
using SecureMFA.Otp.Time;

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>This machine's clock moved by --clock-offset seconds, to play a laptop whose clock is wrong.</summary>
    public sealed class OffsetClock : IClock
    {
        private readonly IClock _inner;
        private readonly TimeSpan _offset;

        public OffsetClock(IClock inner, TimeSpan offset)
        {
            _inner = inner;
            _offset = offset;
        }

        public DateTime UtcNow => _inner.UtcNow + _offset;
    }
}
