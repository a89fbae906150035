using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Otp.Totp;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.Core.Tests
{
    /// <summary>Farm nodes racing on one user, with real concurrency: separate connections, threads and processes.</summary>
    public class StoreRaceTests
    {
        private const int Racers = 32;

        public static IEnumerable<object[]> Kinds() => StoreUnderTest.Kinds();

        private static T[] RaceOnce<T>(Func<int, T> racer)
        {
            using var barrier = new Barrier(Racers);
            var threads = Enumerable.Range(0, Racers).Select(i => Task.Factory.StartNew(() =>
            {
                barrier.SignalAndWait();
                return racer(i);
            }, TaskCreationOptions.LongRunning)).ToArray();
            return Task.WhenAll(threads).GetAwaiter().GetResult();
        }

        [Theory, MemberData(nameof(Kinds))]
        public void TheSameCodeFrom32RacersIsAcceptedExactlyOnce(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var trials = kind == "sqlite" ? 40 : 8;
            for (var trial = 0; trial < trials; trial++)
            {
                var upn = s.NewUpn();
                s.Store.Create(new NewOtpUser(upn, "v1:x", TotpParameters.Default));
                var outcomes = RaceOnce(_ => s.Store.RecordSuccess(upn, 5000 + trial, new LogonAttempt(DateTime.UtcNow, "127.0.0.1", "racer")));
                Assert.Equal(1, outcomes.Count(o => o == SuccessOutcome.Accepted));
                Assert.Equal(Racers - 1, outcomes.Count(o => o == SuccessOutcome.Replayed));
                Assert.Equal(1, s.Store.Find(upn)!.LogonCount);
            }
        }

        [Theory, MemberData(nameof(Kinds))]
        public void ThirtyTwoConcurrentWrongCodesCountExactlyAndLock(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var trials = kind == "sqlite" ? 5 : 2;
            for (var trial = 0; trial < trials; trial++)
            {
                var upn = s.NewUpn();
                s.Store.Create(new NewOtpUser(upn, "v1:x", TotpParameters.Default));
                RaceOnce(i => s.Store.RecordFailure(upn, i.ToString("D6"), new LogonAttempt(DateTime.UtcNow, "127.0.0.1", "racer"), new LockoutPolicy(5, 10)));
                var user = s.Store.Find(upn)!;
                Assert.Equal(Racers, user.FailedLogonCount);
                Assert.True(user.IsLockedAt(DateTime.UtcNow));
            }
        }

        [Fact]
        public void SeparateProcessesOnOneSqliteFileAcceptEachCodeOnceAndCountEveryFailure()
        {
            var path = Path.Combine(Path.GetTempPath(), "securemfa-tests", Guid.NewGuid().ToString("N"), "otp.db");
            var store = SqliteStoreFactory.Open(path);
            var successUsers = Enumerable.Range(0, 20).Select(_ => StoreUnderTest.RandomUpn()).ToList();
            var failureUsers = Enumerable.Range(0, 5).Select(_ => StoreUnderTest.RandomUpn()).ToList();
            store.CreateMany(successUsers.Concat(failureUsers).Select(u => new NewOtpUser(u, "v1:x", TotpParameters.Default)).ToList());

            const int processes = 8, threadsEach = 4; // 32 racers on every user
            var start = DateTimeOffset.UtcNow.AddSeconds(3).ToUnixTimeMilliseconds();
            var successRuns = Enumerable.Range(0, processes).Select(_ => StartRacer(path, start, threadsEach, "success", successUsers)).ToList();
            var failureRuns = Enumerable.Range(0, processes).Select(_ => StartRacer(path, start, threadsEach, "failure", failureUsers)).ToList();
            var successLines = successRuns.SelectMany(Finish).ToList();
            failureRuns.ForEach(p => Finish(p));

            Assert.Equal(successUsers.Count * Racers, successLines.Count);
            foreach (var upn in successUsers)
            {
                Assert.Equal(1, successLines.Count(l => l == upn + " Accepted"));
                Assert.Equal(1, store.Find(upn)!.LogonCount);
            }
            foreach (var upn in failureUsers)
            {
                var user = store.Find(upn)!;
                Assert.Equal(Racers, user.FailedLogonCount);
                Assert.True(user.IsLockedAt(DateTime.UtcNow));
            }
        }

        private static Process StartRacer(string path, long start, int threads, string mode, IEnumerable<string> upns)
        {
            var client = Path.Combine(RepositoryPaths.Output("tests/SecureMFA.RaceClient", "net10.0"), "SecureMFA.RaceClient.dll");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { client, path, start.ToString(), threads.ToString(), mode, "7000" }.Concat(upns))
                info.ArgumentList.Add(arg);
            return Process.Start(info)!;
        }

        private static List<string> Finish(Process process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(120_000), "race client timed out");
            Assert.True(process.ExitCode == 0, stderr.Result);
            return stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        }
    }
}
