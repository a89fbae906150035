using System;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Stores;
using Xunit;

namespace SecureMFA.Core.Tests
{
    public class LockoutPolicyTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void LocksAtTheThresholdForTheConfiguredMinutes()
        {
            var policy = new LockoutPolicy(3, 10);
            Assert.False(policy.ShouldLock(2));
            Assert.True(policy.ShouldLock(3));
            Assert.Equal(Now.AddMinutes(10), policy.LockEnd(Now));
            Assert.Equal(3, policy.Threshold);
        }

        [Theory]
        [InlineData(0, 10)]
        [InlineData(3, 0)]
        public void ZeroDisablesLocking(int failures, int minutes)
        {
            var policy = new LockoutPolicy(failures, minutes);
            Assert.False(policy.IsEnabled);
            Assert.False(policy.ShouldLock(1000));
            Assert.Equal(0, policy.Threshold);
        }

        [Fact]
        public void AnExpiredLockStartsAFreshCount()
        {
            var user = new OtpUser { FailedLogonCount = 3, LockedUntil = Now.AddSeconds(-1) };
            var (failures, lockedUntil) = FailureCounting.Next(user, Now, new LockoutPolicy(3, 10));
            Assert.Equal(1, failures);
            Assert.Null(lockedUntil);
        }
    }
}
