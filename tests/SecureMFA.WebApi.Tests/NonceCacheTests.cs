using System;
using System.Linq;
using SecureMFA.WebApi.Signing;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>The in-memory nonce history, on its own.</summary>
    public class NonceCacheTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

        private static byte[] Nonce(int n) => BitConverter.GetBytes((long)n).Concat(new byte[8]).ToArray();

        [Fact]
        public void ANonceIsFreshOncePerDeviceWithinItsLifetime()
        {
            var cache = new NonceCache(TimeSpan.FromSeconds(600), 100, 1000);
            Assert.Equal(NonceUse.Fresh, cache.TryUse("a", Nonce(1), T0));
            Assert.Equal(NonceUse.Replayed, cache.TryUse("a", Nonce(1), T0.AddSeconds(599)));
            Assert.Equal(NonceUse.Fresh, cache.TryUse("b", Nonce(1), T0));
            Assert.Equal(NonceUse.Fresh, cache.TryUse("a", Nonce(1), T0.AddSeconds(600)));
        }

        [Fact]
        public void WhenFullItRefusesRatherThanForgetting()
        {
            var cache = new NonceCache(TimeSpan.FromSeconds(600), 3, 5);
            for (var i = 0; i < 3; i++) Assert.Equal(NonceUse.Fresh, cache.TryUse("a", Nonce(i), T0));
            Assert.Equal(NonceUse.Full, cache.TryUse("a", Nonce(9), T0.AddSeconds(1)));
            // The remembered ones are still remembered.
            Assert.Equal(NonceUse.Replayed, cache.TryUse("a", Nonce(0), T0.AddSeconds(1)));
            Assert.Equal(NonceUse.Fresh, cache.TryUse("b", Nonce(0), T0));
            Assert.Equal(NonceUse.Fresh, cache.TryUse("b", Nonce(1), T0));
            Assert.Equal(NonceUse.Full, cache.TryUse("c", Nonce(0), T0));
            Assert.Equal(5, cache.Count);
            // Once they expire there is room again, and the sweep forgets quiet devices.
            Assert.Equal(NonceUse.Fresh, cache.TryUse("c", Nonce(0), T0.AddSeconds(601)));
            Assert.Equal(NonceUse.Fresh, cache.TryUse("d", Nonce(0), T0.AddSeconds(700)));
            Assert.Equal(2, cache.Count);
        }
    }
}
