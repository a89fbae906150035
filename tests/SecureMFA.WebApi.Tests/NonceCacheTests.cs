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
        private static readonly long Sent = T0.ToUnixTimeSeconds();

        private static byte[] Nonce(int n) => BitConverter.GetBytes((long)n).Concat(new byte[8]).ToArray();

        [Fact]
        public void ANonceIsFreshOncePerDeviceWithinItsLifetime()
        {
            var cache = new NonceCache(TimeSpan.FromSeconds(600), 100, 1000);
            Assert.Equal(NonceUse.Fresh, cache.TryUse("a", Nonce(1), Sent, T0));
            Assert.Equal(NonceUse.Replayed, cache.Check("a", Nonce(1), Sent, T0.AddSeconds(599)));
            Assert.Equal(NonceUse.Replayed, cache.TryUse("a", Nonce(1), Sent, T0.AddSeconds(599)));
            Assert.Equal(NonceUse.Fresh, cache.Check("b", Nonce(1), Sent, T0));
            Assert.Equal(NonceUse.Fresh, cache.TryUse("b", Nonce(1), Sent, T0));
            Assert.Equal(NonceUse.Fresh, cache.Check("a", Nonce(1), Sent + 600, T0.AddSeconds(600)));
            Assert.Equal(NonceUse.Fresh, cache.TryUse("a", Nonce(1), Sent + 600, T0.AddSeconds(600)));
        }

        [Fact]
        public void CheckingRecordsNothing()
        {
            var cache = new NonceCache(TimeSpan.FromSeconds(600), 100, 1000);
            Assert.Equal(NonceUse.Fresh, cache.Check("a", Nonce(1), Sent, T0));
            Assert.Equal(0, cache.Count);
            Assert.Equal(NonceUse.Fresh, cache.TryUse("a", Nonce(1), Sent, T0));
        }

        [Fact]
        public void ADevicePastItsOwnShareIsRefusedAndItsNoncesAreKept()
        {
            var cache = new NonceCache(TimeSpan.FromSeconds(600), 3, 100);
            for (var i = 0; i < 3; i++) Assert.Equal(NonceUse.Fresh, cache.TryUse("a", Nonce(i), Sent, T0));
            Assert.Equal(NonceUse.Full, cache.TryUse("a", Nonce(9), Sent, T0.AddSeconds(1)));
            Assert.Equal(NonceUse.Replayed, cache.TryUse("a", Nonce(0), Sent, T0.AddSeconds(1)));
        }

        [Fact]
        public void WhenFullTheDeviceHoldingTheMostIsForgottenNeverTheQuietOneAndCannotReplay()
        {
            var cache = new NonceCache(TimeSpan.FromSeconds(600), 100, 5);
            for (var i = 0; i < 4; i++) Assert.Equal(NonceUse.Fresh, cache.TryUse("flood", Nonce(i), Sent + i, T0));
            Assert.Equal(NonceUse.Fresh, cache.TryUse("b", Nonce(0), Sent, T0));
            Assert.Equal(5, cache.Count);
            // Full: the flooder, holding the most, cannot add; a device holding fewer (here none) makes room by forgetting it.
            Assert.Equal(NonceUse.Full, cache.TryUse("flood", Nonce(9), Sent + 10, T0.AddSeconds(1)));
            Assert.Equal(NonceUse.Fresh, cache.TryUse("quiet", Nonce(0), Sent, T0.AddSeconds(1)));
            Assert.Equal(2, cache.Count);
            Assert.Equal(NonceUse.Replayed, cache.TryUse("b", Nonce(0), Sent, T0.AddSeconds(2)));
            // The flooder's forgotten nonces cannot come back: nothing stamped up to its newest is taken from it...
            for (var i = 0; i < 4; i++) Assert.Equal(NonceUse.Full, cache.TryUse("flood", Nonce(i), Sent + i, T0.AddSeconds(2)));
            Assert.Equal(NonceUse.Full, cache.Check("flood", Nonce(42), Sent + 3, T0.AddSeconds(2)));
            // ...but a later request is, and once its forgotten nonces would have expired, the device is as any other.
            Assert.Equal(NonceUse.Fresh, cache.TryUse("flood", Nonce(10), Sent + 4, T0.AddSeconds(4)));
            Assert.Equal(NonceUse.Fresh, cache.TryUse("flood", Nonce(0), Sent, T0.AddSeconds(602)));
        }

        [Fact]
        public void ExpiredNoncesMakeRoomAndTheSweepForgetsQuietDevices()
        {
            var cache = new NonceCache(TimeSpan.FromSeconds(600), 100, 3);
            for (var i = 0; i < 3; i++) Assert.Equal(NonceUse.Fresh, cache.TryUse("a", Nonce(i), Sent, T0));
            Assert.Equal(NonceUse.Fresh, cache.TryUse("c", Nonce(0), Sent + 601, T0.AddSeconds(601)));
            Assert.Equal(NonceUse.Fresh, cache.TryUse("d", Nonce(0), Sent + 700, T0.AddSeconds(700)));
            Assert.Equal(2, cache.Count);
        }
    }
}
