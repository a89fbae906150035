using System;
using System.Collections.Generic;
using System.DirectoryServices.Protocols;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Recovery;
using SecureMFA.Core.Security;
using SecureMFA.Core.SignIn;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Time;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>Schema 3 of the store contract, on every store: replay state in seconds, replays counted once, recovery codes, metadata.</summary>
    public class ReplayAndRecoveryContractTests
    {
        private static readonly DateTime Now = DateTime.UtcNow;
        private static readonly TotpParameters Period60 = new TotpParameters(TotpAlgorithm.SHA1, 6, 60);
        private static LogonAttempt At(DateTime time) => new LogonAttempt(time, "192.0.2.7", "test");
        private static long Seconds(DateTime time) => (long)(time - DateTime.UnixEpoch).TotalSeconds;
        private static long StepStart(DateTime time, int period) => Seconds(time) / period * period;

        public static IEnumerable<object[]> Kinds() => StoreUnderTest.Kinds();

        [Theory, MemberData(nameof(Kinds))]
        public void AResetToAnotherPeriodDoesNotLockTheUserOutEitherWay(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            foreach (var (from, to) in new[] { (TotpParameters.Default, Period60), (Period60, TotpParameters.Default) })
            {
                var upn = s.NewUpn();
                s.Store.Create(new NewOtpUser(upn, "v2:a", from));
                Assert.Equal(SuccessOutcome.Accepted, s.Store.RecordSuccess(upn, StepStart(Now, from.PeriodSeconds), At(Now)));
                Assert.Equal(StepStart(Now, from.PeriodSeconds), s.Store.Find(upn)!.LastAcceptedSecond);

                Assert.True(s.Store.Reset(new NewOtpUser(upn, "v2:b", to)));
                var reset = s.Store.Find(upn)!;
                Assert.Null(reset.LastAcceptedSecond);
                Assert.Null(reset.LastReplaySecond);
                // The new secret's first code is accepted now, whatever the old and new periods were.
                Assert.Equal(SuccessOutcome.Accepted, s.Store.RecordSuccess(upn, StepStart(Now, to.PeriodSeconds), At(Now)));
                Assert.Equal(SuccessOutcome.Replayed, s.Store.RecordSuccess(upn, StepStart(Now, to.PeriodSeconds), At(Now)));
                Assert.Equal(SuccessOutcome.Accepted, s.Store.RecordSuccess(upn, StepStart(Now, to.PeriodSeconds) + to.PeriodSeconds, At(Now)));
            }
        }

        [Theory, MemberData(nameof(Kinds))]
        public void AReplayCountsAsAFailureOncePerTimeStep(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var upn = s.NewUpn();
            var policy = new LockoutPolicy(3, 10);
            s.Store.Create(new NewOtpUser(upn, "v2:a", TotpParameters.Default));
            Assert.Equal(1, s.Store.RecordReplay(upn, 3000, "1*****", At(Now), policy)!.FailedLogonCount);
            Assert.Equal(1, s.Store.RecordReplay(upn, 3000, "1*****", At(Now), policy)!.FailedLogonCount);
            Assert.Equal(1, s.Store.RecordReplay(upn, 2970, "1*****", At(Now), policy)!.FailedLogonCount);
            var second = s.Store.RecordReplay(upn, 3030, "2*****", At(Now), policy)!;
            Assert.Equal(2, second.FailedLogonCount);
            Assert.Equal(3030, second.LastReplaySecond);
            Assert.Equal("2*****", second.FailedCode);
            Assert.False(second.IsLockedAt(Now));
            Assert.True(s.Store.RecordFailure(upn, "3*****", At(Now), policy)!.IsLockedAt(Now));
            Assert.Null(s.Store.RecordReplay(s.NewUpn(), 3000, "", At(Now), policy));
        }

        [Theory, MemberData(nameof(Kinds))]
        public void ARecoveryCodeWorksOnceAndIsCounted(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var upn = s.NewUpn();
            s.Store.Create(new NewOtpUser(upn, "v2:a", TotpParameters.Default));
            var codes = RecoveryCode.Generate(3).Select(c => RecoveryCode.Hash(upn, RecoveryCode.Normalize(c)!)).ToList();
            Assert.True(s.Store.ReplaceRecoveryCodes(upn, codes, Now));
            Assert.Equal(3, s.Store.Find(upn)!.RecoveryCodesLeft);

            Assert.Equal(codes.OrderBy(c => c, StringComparer.Ordinal), s.Store.UnusedRecoveryCodeHashes(upn.ToUpperInvariant()).OrderBy(c => c, StringComparer.Ordinal));
            Assert.Equal(RecoveryCodeOutcome.Accepted, s.Store.UseRecoveryCode(upn, codes[1], At(Now)));
            // The WEB API's offline package lists only the unused ones.
            Assert.Equal(new[] { codes[0], codes[2] }.OrderBy(c => c, StringComparer.Ordinal), s.Store.UnusedRecoveryCodeHashes(upn).OrderBy(c => c, StringComparer.Ordinal));
            Assert.Empty(s.Store.UnusedRecoveryCodeHashes(s.NewUpn()));
            Assert.Equal(RecoveryCodeOutcome.NoSuchCode, s.Store.UseRecoveryCode(upn, codes[1], At(Now)));
            Assert.Equal(RecoveryCodeOutcome.NoSuchCode, s.Store.UseRecoveryCode(upn, new string('0', 64), At(Now)));
            var after = s.Store.Find(upn)!;
            Assert.Equal(2, after.RecoveryCodesLeft);
            Assert.Equal(1, after.RecoveryCodesUsed);
            Assert.Equal(1, after.LogonCount);
            Assert.False(after.Enrolled); // a recovery code signs in; only the app's code confirms an enrolment

            s.Store.SetDisabled(upn, true);
            Assert.Equal(RecoveryCodeOutcome.Disabled, s.Store.UseRecoveryCode(upn, codes[0], At(Now)));
            s.Store.SetDisabled(upn, false);
            s.Store.RecordFailure(upn, "1", At(Now), new LockoutPolicy(1, 10));
            Assert.Equal(RecoveryCodeOutcome.Locked, s.Store.UseRecoveryCode(upn, codes[0], At(Now)));
            Assert.Equal(2, s.Store.Find(upn)!.RecoveryCodesLeft);
            s.Store.Unlock(upn);

            // New codes replace the old ones.
            var fresh = RecoveryCode.Generate(2).Select(c => RecoveryCode.Hash(upn, RecoveryCode.Normalize(c)!)).ToList();
            Assert.True(s.Store.ReplaceRecoveryCodes(upn, fresh, Now));
            Assert.Equal(RecoveryCodeOutcome.NoSuchCode, s.Store.UseRecoveryCode(upn, codes[0], At(Now)));
            Assert.Equal(RecoveryCodeOutcome.Accepted, s.Store.UseRecoveryCode(upn, fresh[0], At(Now)));
            Assert.Equal(1, s.Store.Find(upn)!.RecoveryCodesLeft);

            var absent = s.NewUpn();
            Assert.False(s.Store.ReplaceRecoveryCodes(absent, fresh, Now));
            Assert.Equal(RecoveryCodeOutcome.NotFound, s.Store.UseRecoveryCode(absent, fresh[1], At(Now)));

            // Removing the user removes the codes: a user enrolled again later does not inherit them.
            Assert.True(s.Store.Remove(upn));
            s.Store.Create(new NewOtpUser(upn, "v2:a", TotpParameters.Default));
            Assert.Equal(0, s.Store.Find(upn)!.RecoveryCodesLeft);
            Assert.Equal(RecoveryCodeOutcome.NoSuchCode, s.Store.UseRecoveryCode(upn, fresh[1], At(Now)));
        }

        [Theory, MemberData(nameof(Kinds))]
        public void ASecretIsReplacedOnlyIfItIsStillTheOneRead(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var upns = Enumerable.Range(0, 3).Select(_ => s.NewUpn()).ToList();
            foreach (var upn in upns) s.Store.Create(new NewOtpUser(upn, "v1:old-" + upn, TotpParameters.Default));
            Assert.False(s.Store.ReplaceSecret(upns[0], "v1:something-else", "v2:new"));
            Assert.True(s.Store.ReplaceSecret(upns[0], "v1:old-" + upns[0], "v2:new"));
            Assert.Equal("v2:new", s.Store.Find(upns[0])!.ProtectedSecret);

            var written = s.Store.ReplaceSecrets(new[]
            {
                new SecretReplacement(upns[1], "v1:old-" + upns[1], "v2:b"),
                new SecretReplacement(upns[2], "v1:stale", "v2:c"),
            });
            Assert.Equal(1, written);
            Assert.Equal("v2:b", s.Store.Find(upns[1])!.ProtectedSecret);
            Assert.Equal("v1:old-" + upns[2], s.Store.Find(upns[2])!.ProtectedSecret);
        }

        [Theory, MemberData(nameof(Kinds))]
        public void TheFirstValueOfAMetadataSettingWinsEverywhere(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var name = "test-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            Assert.Equal("first", s.Store.GetOrAdd(name, "first"));
            Assert.Equal("first", s.Store.GetOrAdd(name, "second"));
            using var other = StoreUnderTest.Open(kind);
            if (kind != "sqlite") Assert.Equal("first", other.Store.GetOrAdd(name, "third"));
        }

        [Theory, MemberData(nameof(Kinds))]
        public void SixtyFourRacersWithOneValidCodeSignInOnceAndDoNotLockTheUser(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var config = ConfigurationLoader.LoadOrThrow("{\"ui_login_failures\": \"3\", \"ui_lockout_minutes\": \"10\"}");
            var signIn = new OtpSignIn(config, s.Store, new PlainSecretProtector(), new TextEventSink(System.IO.TextWriter.Null), SystemClock.Instance);
            var upn = s.NewUpn();
            var key = SharedSecret.NewKey();
            s.Store.Create(new NewOtpUser(upn, SharedSecret.ToBase32(key), TotpParameters.Default));
            // Far enough from a step boundary that every racer checks the code in the same step.
            while (DateTime.UtcNow.Second % 30 > 25) Thread.Sleep(200);
            var code = TotpGenerator.Compute(key, TotpParameters.Default, DateTime.UtcNow);

            const int racers = 64;
            using var barrier = new Barrier(racers);
            var outcomes = Enumerable.Range(0, racers).Select(_ => Task.Factory.StartNew(() =>
            {
                barrier.SignalAndWait();
                return signIn.Verify(upn, code, null, "racer").Outcome;
            }, TaskCreationOptions.LongRunning)).ToArray().Select(t => t.GetAwaiter().GetResult()).ToList();

            Assert.Equal(1, outcomes.Count(o => o == VerifyOutcome.Success));
            Assert.Equal(racers - 1, outcomes.Count(o => o == VerifyOutcome.Replayed));
            var user = s.Store.Find(upn)!;
            Assert.Equal(1, user.FailedLogonCount);
            Assert.False(user.IsLockedAt(DateTime.UtcNow));
        }

        [Fact]
        public void InAdALegacyTimeStepIsReadInSecondsAndADecadesAheadOneIsIgnored()
        {
            using var s = StoreUnderTest.Open("ad");
            var upn = s.NewUpn();
            s.Store.Create(new NewOtpUser(upn, "v2:a", Period60));
            SetAttribute(upn, LdapAttributes.LastTimeStep, "1000");
            Assert.Equal(60000, s.Store.Find(upn)!.LastAcceptedSecond);
            SetAttribute(upn, LdapAttributes.LastTimeStep, (Seconds(Now) / 30).ToString()); // a 30 s count read in 60 s periods
            Assert.Null(s.Store.Find(upn)!.LastAcceptedSecond);
            Assert.Equal(SuccessOutcome.Accepted, s.Store.RecordSuccess(upn, StepStart(Now, 60), At(Now)));
            var user = s.Store.Find(upn)!;
            Assert.Equal(StepStart(Now, 60), user.LastAcceptedSecond);
        }

        private static void SetAttribute(string upn, string attribute, string value)
        {
            var settings = SambaDirectory.Settings();
            using var connection = settings.Connect();
            var found = (SearchResponse)connection.SendRequest(new SearchRequest(settings.SearchBase, $"(userPrincipalName={upn})", SearchScope.Subtree, "cn"));
            connection.SendRequest(new ModifyRequest(found.Entries[0].DistinguishedName, DirectoryAttributeOperation.Replace, attribute, value));
        }
    }
}
