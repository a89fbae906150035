using System;
using SecureMFA.Otp.Time;

namespace SecureMFA.WebApi.Hosting
{
    /// <summary>The host's TimeProvider (the system's, or a test's) as the kernel's clock, so Core's sign-in and the API's signatures read one time.</summary>
    public sealed class TimeProviderClock : IClock
    {
        private readonly TimeProvider _time;

        public TimeProviderClock(TimeProvider time)
        {
            _time = time ?? throw new ArgumentNullException(nameof(time));
        }

        public DateTime UtcNow => _time.GetUtcNow().UtcDateTime;
    }
}
