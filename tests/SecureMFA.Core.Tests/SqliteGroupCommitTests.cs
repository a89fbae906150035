using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>
    /// The SQLite store commits concurrent sign-in writes together: each still answers by its own atomic statement, and
    /// an answer is given only once the shared commit is durable.
    /// </summary>
    public class SqliteGroupCommitTests
    {
        private const int Racers = 64;

        private static string NewPath() => Path.Combine(Path.GetTempPath(), "securemfa-tests", Guid.NewGuid().ToString("N"), "otp.db");

        private static async Task<T[]> Race<T>(Func<int, T> work)
        {
            using var start = new ManualResetEventSlim();
            var tasks = Enumerable.Range(0, Racers).Select(i => Task.Factory.StartNew(() => { start.Wait(); return work(i); }, TaskCreationOptions.LongRunning)).ToArray();
            start.Set();
            return await Task.WhenAll(tasks);
        }

        [Fact]
        public async Task ConcurrentSuccessesOfManyUsersAreEachAcceptedAndCommitted()
        {
            var path = NewPath();
            var store = SqliteStoreFactory.Open(path);
            var upns = Enumerable.Range(0, Racers).Select(i => $"g{i}@adatum.com").ToArray();
            store.CreateMany(upns.Select(u => new NewOtpUser(u, "v2:x", TotpParameters.Default)).ToList());
            var now = DateTime.UtcNow;

            var outcomes = await Race(i => store.RecordSuccess(upns[i], 1000, new LogonAttempt(now, "10.0.0." + i, "race")));
            Assert.All(outcomes, o => Assert.Equal(SuccessOutcome.Accepted, o));

            // Read back over a connection of its own (a new store): every write is in the file.
            var reader = new SqlOtpUserStore(() => new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"), SqlDialect.Sqlite);
            Assert.All(upns.Select((u, i) => (User: reader.Find(u)!, i)), x =>
            {
                Assert.Equal((1, true, 1000L, "10.0.0." + x.i), (x.User.LogonCount, x.User.Enrolled, x.User.LastAcceptedSecond!.Value, x.User.LogonIp));
            });
        }

        [Fact]
        public async Task OneStepRacedByManyIsAcceptedOnceAndTheReplaysCountOnce()
        {
            var store = SqliteStoreFactory.Open(NewPath());
            store.Create(new NewOtpUser("one@adatum.com", "v2:x", TotpParameters.Default));
            var now = DateTime.UtcNow;
            var policy = new LockoutPolicy(5, 5);

            var outcomes = await Race(i =>
            {
                var attempt = new LogonAttempt(now, null, null);
                var outcome = store.RecordSuccess("one@adatum.com", 2000, attempt);
                if (outcome == SuccessOutcome.Replayed) store.RecordReplay("one@adatum.com", 2000, "1*****", attempt, policy);
                return outcome;
            });
            Assert.Equal(1, outcomes.Count(o => o == SuccessOutcome.Accepted));
            Assert.Equal(Racers - 1, outcomes.Count(o => o == SuccessOutcome.Replayed));
            var user = store.Find("one@adatum.com")!;
            Assert.Equal((1, 1), (user.LogonCount, user.FailedLogonCount));
        }

        [Fact]
        public async Task ConcurrentFailuresAreAllCountedAndLockAtTheThreshold()
        {
            var store = SqliteStoreFactory.Open(NewPath());
            store.Create(new NewOtpUser("fail@adatum.com", "v2:x", TotpParameters.Default));
            var now = DateTime.UtcNow;
            var after = await Race(i => store.RecordFailure("fail@adatum.com", "0*****", new LogonAttempt(now, null, null), new LockoutPolicy(Racers, 5))!);
            Assert.Equal(Enumerable.Range(1, Racers), after.Select(u => u.FailedLogonCount).OrderBy(c => c));
            Assert.True(store.Find("fail@adatum.com")!.IsLockedAt(now));
        }
    }
}
