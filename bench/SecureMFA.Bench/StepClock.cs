using System;
using SecureMFA.Otp.Time;

namespace SecureMFA.Bench
{
    /// <summary>A clock <see cref="Step"/> 30-second TOTP steps after its start: each accepted code is of a fresh step.</summary>
    internal sealed class StepClock : IClock
    {
        private readonly DateTime _start;

        public StepClock(DateTime start) => _start = start;

        public int Step { get; set; }

        public DateTime UtcNow => _start.AddSeconds(30.0 * Step);
    }
}
