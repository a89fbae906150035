using System;
using System.Threading.RateLimiting;
using SecureMFA.Core.Configuration;

namespace SecureMFA.WebApi.Limits
{
    /// <summary>
    /// How many devices may register with the right bootstrap value: per client address and in all, per hour
    /// (api_register_per_address_per_hour, api_register_per_hour), refilled evenly over the hour. Wrong values are
    /// limited apart (<see cref="ApiRateLimiters.CountBootstrapFailure"/>) and never spend this budget.
    /// </summary>
    public sealed class RegistrationBudget : IDisposable
    {
        private readonly PartitionedRateLimiter<string> _perAddress;
        private readonly RateLimiter _overall;

        public RegistrationBudget(ProviderConfiguration config)
        {
            _perAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => PerHour(config.ApiRegisterPerAddressPerHour)));
            _overall = new TokenBucketRateLimiter(PerHour(config.ApiRegisterPerHour));
        }

        private static TokenBucketRateLimiterOptions PerHour(int count) => new TokenBucketRateLimiterOptions
        {
            TokenLimit = count,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromHours(1.0 / count),
            QueueLimit = 0,
        };

        /// <summary>Spends one registration of the address's and the overall budget; null when both had one, else how long to wait.</summary>
        public TimeSpan? Take(string address)
        {
            var wait = Take(_perAddress.AttemptAcquire(address));
            return wait ?? Take(_overall.AttemptAcquire());
        }

        private static TimeSpan? Take(RateLimitLease lease)
        {
            using (lease)
            {
                if (lease.IsAcquired) return null;
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            }
        }

        public void Dispose()
        {
            _perAddress.Dispose();
            _overall.Dispose();
        }
    }
}
