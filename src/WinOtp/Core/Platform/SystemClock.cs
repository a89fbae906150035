using System;

namespace SecureMFA.WinOtp.Platform
{
    public sealed class SystemClock : IClock
    {
        public DateTime UtcNow => DateTime.UtcNow;
    }
}
