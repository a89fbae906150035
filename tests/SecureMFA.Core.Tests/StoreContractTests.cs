using System;
using System.Linq;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>One contract, run against every store: they must behave the same.</summary>
    public class StoreContractTests
    {
        private static readonly DateTime Now = DateTime.UtcNow;
        private static readonly TotpParameters Sha256 = new TotpParameters(TotpAlgorithm.SHA256, 8, 60);
        private static LogonAttempt At(DateTime time) => new LogonAttempt(time, "192.0.2.7", "Mozilla/5.0 test");

        public static System.Collections.Generic.IEnumerable<object[]> Kinds() => StoreUnderTest.Kinds();

        [Theory, MemberData(nameof(Kinds))]
        public void CreateThenFindIsCaseInsensitiveAndUnconfirmed(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var upn = s.NewUpn();
            Assert.True(s.Store.Create(new NewOtpUser(upn.ToUpperInvariant(), "v1:secret", Sha256)));
            var user = s.Store.Find(upn)!;
            Assert.Equal(upn, user.Upn);
            Assert.Equal("v1:secret", user.ProtectedSecret);
            Assert.False(user.Enrolled);
            Assert.False(user.Disabled);
            Assert.Equal(Sha256, user.Parameters);
            Assert.Equal(0, user.LogonCount);
            Assert.Null(user.LastAcceptedSecond);
            Assert.NotNull(s.Store.Find(upn.ToUpperInvariant()));
            Assert.False(s.Store.Create(new NewOtpUser(upn, "v1:other", TotpParameters.Default)));
            Assert.Equal("v1:secret", s.Store.Find(upn)!.ProtectedSecret);
        }

        [Theory, MemberData(nameof(Kinds))]
        public void AnUnknownUserIsNull(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var upn = s.NewUpn();
            Assert.Null(s.Store.Find(upn));
            Assert.Equal(SuccessOutcome.NotFound, s.Store.RecordSuccess(upn, 5, At(Now)));
            Assert.Null(s.Store.RecordFailure(upn, "123456", At(Now), LockoutPolicy.Disabled));
            Assert.False(s.Store.SetDisabled(upn, true));
            Assert.False(s.Store.Unlock(upn));
            Assert.False(s.Store.Remove(upn));
            Assert.False(s.Store.Reset(new NewOtpUser(upn, "v1:x", TotpParameters.Default)));
        }

        [Theory, MemberData(nameof(Kinds))]
        public void SuccessConfirmsRecordsAndAcceptsEachStepOnce(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var upn = s.NewUpn();
            s.Store.Create(new NewOtpUser(upn, "v1:secret", TotpParameters.Default));
            Assert.Equal(SuccessOutcome.Accepted, s.Store.RecordSuccess(upn, 1000, At(Now)));
            var user = s.Store.Find(upn)!;
            Assert.True(user.Enrolled);
            Assert.Equal(1, user.LogonCount);
            Assert.Equal(1000, user.LastAcceptedSecond);
            Assert.Equal("192.0.2.7", user.LogonIp);
            Assert.Equal("Mozilla/5.0 test", user.UserAgent);
            Assert.True(Math.Abs((user.LastLogon!.Value - Now).TotalSeconds) < 2);

            Assert.Equal(SuccessOutcome.Replayed, s.Store.RecordSuccess(upn, 1000, At(Now)));
            Assert.Equal(SuccessOutcome.Replayed, s.Store.RecordSuccess(upn, 999, At(Now)));
            Assert.Equal(SuccessOutcome.Accepted, s.Store.RecordSuccess(upn, 1001, At(Now)));
            Assert.Equal(2, s.Store.Find(upn)!.LogonCount);
        }

        [Theory, MemberData(nameof(Kinds))]
        public void FailuresCountLockAndTheLockHoldsUntilItEnds(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var upn = s.NewUpn();
            var policy = new LockoutPolicy(3, 10);
            s.Store.Create(new NewOtpUser(upn, "v1:secret", TotpParameters.Default));
            Assert.Equal(1, s.Store.RecordFailure(upn, "111111", At(Now), policy)!.FailedLogonCount);
            Assert.Null(s.Store.RecordFailure(upn, "222222", At(Now), policy)!.LockedUntil);
            var locked = s.Store.RecordFailure(upn, "333333", At(Now), policy)!;
            Assert.Equal(3, locked.FailedLogonCount);
            Assert.Equal("333333", locked.FailedCode);
            Assert.True(Math.Abs((locked.LockedUntil!.Value - Now.AddMinutes(10)).TotalSeconds) < 2);
            Assert.True(locked.IsLockedAt(Now.AddMinutes(9)));

            Assert.Equal(SuccessOutcome.Locked, s.Store.RecordSuccess(upn, 10, At(Now.AddMinutes(9))));
            Assert.Equal(SuccessOutcome.Accepted, s.Store.RecordSuccess(upn, 11, At(Now.AddMinutes(11))));
            var after = s.Store.Find(upn)!;
            Assert.Equal(0, after.FailedLogonCount);
            Assert.Null(after.LockedUntil);
        }

        [Theory, MemberData(nameof(Kinds))]
        public void AFailureAfterTheLockEndedStartsAFreshCount(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var upn = s.NewUpn();
            var policy = new LockoutPolicy(2, 5);
            s.Store.Create(new NewOtpUser(upn, "v1:secret", TotpParameters.Default));
            s.Store.RecordFailure(upn, "1", At(Now), policy);
            Assert.NotNull(s.Store.RecordFailure(upn, "2", At(Now), policy)!.LockedUntil);
            var later = s.Store.RecordFailure(upn, "3", At(Now.AddMinutes(6)), policy)!;
            Assert.Equal(1, later.FailedLogonCount);
            Assert.False(later.IsLockedAt(Now.AddMinutes(6)));
        }

        [Theory, MemberData(nameof(Kinds))]
        public void DisableEnableUnlockResetRemove(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var upn = s.NewUpn();
            s.Store.Create(new NewOtpUser(upn, "v1:first", TotpParameters.Default));
            Assert.True(s.Store.SetDisabled(upn, true));
            Assert.Equal(SuccessOutcome.Disabled, s.Store.RecordSuccess(upn, 1, At(Now)));
            Assert.True(s.Store.SetDisabled(upn, false));
            Assert.Equal(SuccessOutcome.Accepted, s.Store.RecordSuccess(upn, 1, At(Now)));

            s.Store.RecordFailure(upn, "1", At(Now), new LockoutPolicy(1, 10));
            Assert.True(s.Store.Find(upn)!.IsLockedAt(Now));
            Assert.True(s.Store.Unlock(upn));
            var unlocked = s.Store.Find(upn)!;
            Assert.False(unlocked.IsLockedAt(Now));
            Assert.Equal(0, unlocked.FailedLogonCount);

            Assert.True(s.Store.Reset(new NewOtpUser(upn, "v1:second", Sha256)));
            var reset = s.Store.Find(upn)!;
            Assert.Equal("v1:second", reset.ProtectedSecret);
            Assert.False(reset.Enrolled);
            Assert.Equal(Sha256, reset.Parameters);

            Assert.True(s.Store.Remove(upn));
            Assert.Null(s.Store.Find(upn));
            Assert.True(s.Store.Create(new NewOtpUser(upn, "v1:third", TotpParameters.Default)));
        }

        [Theory, MemberData(nameof(Kinds))]
        public void ListAndCountFilterAndPage(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var upns = Enumerable.Range(0, 4).Select(_ => s.NewUpn()).ToList();
            foreach (var u in upns) s.Store.Create(new NewOtpUser(u, "v1:x", TotpParameters.Default));
            s.Store.RecordSuccess(upns[0], 1, At(Now));
            s.Store.SetDisabled(upns[1], true);
            s.Store.RecordFailure(upns[2], "1", At(Now), new LockoutPolicy(1, 30));

            var all = s.Store.List(new UserQuery(), Now).Select(u => u.Upn).ToList();
            Assert.All(upns, u => Assert.Contains(u, all));
            Assert.Equal(all.OrderBy(u => u, StringComparer.Ordinal), all);
            Assert.Contains(upns[0], s.Store.List(new UserQuery { Enrolled = true }, Now).Select(u => u.Upn));
            Assert.DoesNotContain(upns[1], s.Store.List(new UserQuery { Enrolled = true }, Now).Select(u => u.Upn));
            Assert.Contains(upns[1], s.Store.List(new UserQuery { Disabled = true }, Now).Select(u => u.Upn));
            Assert.DoesNotContain(upns[0], s.Store.List(new UserQuery { Disabled = true }, Now).Select(u => u.Upn));
            var locked = s.Store.List(new UserQuery { Locked = true }, Now).Select(u => u.Upn).ToList();
            Assert.Contains(upns[2], locked);
            Assert.DoesNotContain(upns[3], locked);
            Assert.DoesNotContain(upns[2], s.Store.List(new UserQuery { Locked = false }, Now).Select(u => u.Upn));
            Assert.DoesNotContain(upns[2], s.Store.List(new UserQuery { Locked = true }, Now.AddHours(1)).Select(u => u.Upn));

            var one = s.Store.List(new UserQuery { UpnPattern = upns[0].Substring(0, 9) + "*" }, Now);
            Assert.Equal(upns[0], Assert.Single(one).Upn);
            Assert.Equal(1, s.Store.Count(new UserQuery { UpnPattern = upns[0].ToUpperInvariant() }, Now));
            Assert.Equal(0, s.Store.Count(new UserQuery { UpnPattern = "nobody_%@x" }, Now));

            var total = s.Store.Count(new UserQuery(), Now);
            Assert.Equal(all.Count, total);
            var page = s.Store.List(new UserQuery { Skip = 1, Take = 2 }, Now).Select(u => u.Upn).ToList();
            Assert.Equal(all.Skip(1).Take(2), page);
        }

        [Theory, MemberData(nameof(Kinds))]
        public void CreateManyReportsTheUsersThatExisted(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var upns = Enumerable.Range(0, 5).Select(_ => s.NewUpn()).ToList();
            s.Store.Create(new NewOtpUser(upns[2], "v1:old", TotpParameters.Default));
            var existing = s.Store.CreateMany(upns.Select(u => new NewOtpUser(u, "v1:new", TotpParameters.Default)).ToList());
            Assert.Equal(new[] { upns[2] }, existing);
            Assert.Equal("v1:old", s.Store.Find(upns[2])!.ProtectedSecret);
            Assert.All(upns.Where(u => u != upns[2]), u => Assert.Equal("v1:new", s.Store.Find(u)!.ProtectedSecret));
        }

        [Fact]
        public void InAdAUpnThatNoDirectoryUserHasIsAClearError()
        {
            using var s = StoreUnderTest.Open("ad");
            var ex = Assert.Throws<DirectoryUserNotFoundException>(() => s.Store.Create(new NewOtpUser("nobody-here@adatum.labnet", "v1:x", TotpParameters.Default)));
            Assert.Equal("No Active Directory user has the userPrincipalName \"nobody-here@adatum.labnet\". Check the UPN, or give the account a UPN.", ex.Message);
            var withoutUpn = SambaDirectory.CreateUser(withUpn: false);
            Assert.Throws<DirectoryUserNotFoundException>(() => s.Store.Create(new NewOtpUser(withoutUpn, "v1:x", TotpParameters.Default)));
            Assert.Null(s.Store.Find(withoutUpn));
        }

        [Fact]
        public void InAdTheSecretAttributeIsConfidentialAndTheSchemaCheckPasses()
        {
            using var s = StoreUnderTest.Open("ad");
            s.Store.CheckSchema();
            var settings = SambaDirectory.Settings();
            using var connection = settings.Connect();
            var response = (System.DirectoryServices.Protocols.SearchResponse)connection.SendRequest(new System.DirectoryServices.Protocols.SearchRequest(
                "CN=Schema,CN=Configuration," + settings.SearchBase, "(lDAPDisplayName=sMFA-OTP-Secret)", System.DirectoryServices.Protocols.SearchScope.OneLevel, "searchFlags"));
            Assert.Equal("128", (string)response.Entries[0].Attributes["searchFlags"][0]);
        }
    }
}
