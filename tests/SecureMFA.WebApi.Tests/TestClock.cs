using System;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>The API's clock, set by the test (TOTP steps, timestamps, nonce expiry).</summary>
    public sealed class TestClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;

        public void Advance(TimeSpan by) => Now += by;
    }
}
