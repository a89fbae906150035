using System;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SecureMFA.WebApi.Limits
{
    /// <summary>
    /// The framework's rate limiters (System.Threading.RateLimiting), partitioned per device, per UPN and per client
    /// address. The device and UPN limits are applied after the signature verified, so nobody but the device can use
    /// up its share; the address limit counts wrong bootstrap values only. The values were checked at start-up (<see cref="ApiLimits.Problem"/>).
    /// </summary>
    public sealed class ApiRateLimiters : IDisposable
    {
        private readonly PartitionedRateLimiter<string> _device;
        private readonly PartitionedRateLimiter<string> _upn;
        private readonly PartitionedRateLimiter<string> _bootstrapFailures;

        public ApiRateLimiters(IOptions<ApiLimits> options)
        {
            var limits = options.Value;
            _device = PartitionedRateLimiter.Create<string, string>(id => RateLimitPartition.GetTokenBucketLimiter(id, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.DeviceBurst,
                TokensPerPeriod = limits.DevicePerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));
            _upn = PartitionedRateLimiter.Create<string, string>(upn => RateLimitPartition.GetTokenBucketLimiter(upn, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.UpnBurst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / limits.UpnPerMinute),
                QueueLimit = 0,
            }));
            _bootstrapFailures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.BootstrapFailures,
                Window = TimeSpan.FromMinutes(limits.BootstrapFailureWindowMinutes),
                QueueLimit = 0,
            }));
        }

        /// <summary>Null when the device may go on, else how long it should wait.</summary>
        public TimeSpan? Device(string deviceId) => Take(_device, deviceId, 1);

        public TimeSpan? Upn(string normalizedUpn) => Take(_upn, normalizedUpn, 1);

        /// <summary>Null while this address has wrong bootstrap values left, else how long it must wait.</summary>
        public TimeSpan? BootstrapBlocked(string address) => Take(_bootstrapFailures, address, 0);

        public void CountBootstrapFailure(string address) => Take(_bootstrapFailures, address, 1);

        private static TimeSpan? Take(PartitionedRateLimiter<string> limiter, string key, int permits)
        {
            using var lease = limiter.AttemptAcquire(key, permits);
            if (lease.IsAcquired) return null;
            return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        }

        public void Dispose()
        {
            _device.Dispose();
            _upn.Dispose();
            _bootstrapFailures.Dispose();
        }
    }
}
