using System;
using System.Collections.Generic;
using System.DirectoryServices.Protocols;
using System.Linq;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>
    /// The sort tests add directory users; StoreContractTests compares a full List with a Count of the same shared directory,
    /// so these run on their own rather than beside it.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class DirectoryWritersCollection
    {
        public const string Name = "Adds directory users apart";
    }

    /// <summary>
    /// Get-xOTP_User -SortBy: every store sorts before it pages, ties by UPN, users who never signed in first ascending and
    /// last descending, so a page is the same slice of one order whichever the store.
    /// </summary>
    [Collection(DirectoryWritersCollection.Name)]
    public class StoreSortTests
    {
        private static readonly DateTime Earlier = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime Later = Earlier.AddHours(2);

        public static IEnumerable<object[]> Kinds() => StoreUnderTest.Kinds();

        /// <summary>
        /// Seven users a..g under one fresh prefix (so a shared directory's other users stay out of the way):
        /// signed in: c earlier, a and e later (a tie), g later; never: b, d, f. Failures: b 2, d 1, f 2 (a tie).
        /// </summary>
        private static (StoreUnderTest Store, string Prefix) Seed(string kind)
        {
            var s = StoreUnderTest.Open(kind);
            var prefix = "sort" + Guid.NewGuid().ToString("N").Substring(0, 10) + "-";
            foreach (var name in "abcdefg")
            {
                var upn = $"{prefix}{name}@adatum.labnet";
                if (kind == "ad") CreateDirectoryUser(upn);
                Assert.True(s.Store.Create(new NewOtpUser(upn, "v1:x", TotpParameters.Default)));
            }
            void SignIn(char name, DateTime at) =>
                Assert.Equal(SuccessOutcome.Accepted, s.Store.RecordSuccess($"{prefix}{name}@adatum.labnet", 1000, new LogonAttempt(at, null, null)));
            void Fail(char name, int times)
            {
                for (var i = 0; i < times; i++)
                    Assert.NotNull(s.Store.RecordFailure($"{prefix}{name}@adatum.labnet", "1", new LogonAttempt(Later, null, null), LockoutPolicy.Disabled));
            }
            SignIn('c', Earlier);
            SignIn('a', Later);
            SignIn('e', Later);
            SignIn('g', Later.AddMinutes(1));
            Fail('b', 2);
            Fail('d', 1);
            Fail('f', 2);
            return (s, prefix);
        }

        private static string Names(IEnumerable<OtpUser> users, string prefix) =>
            string.Concat(users.Select(u => u.Upn.Substring(prefix.Length, 1)));

        private static string List(IOtpUserStore store, string prefix, UserSortKey key, bool descending, int skip = 0, int take = int.MaxValue, bool? enrolled = null) =>
            Names(store.List(new UserQuery { UpnPattern = prefix + "*", SortBy = key, Descending = descending, Skip = skip, Take = take, Enrolled = enrolled }, Later), prefix);

        [Theory, MemberData(nameof(Kinds))]
        public void EachKeySortsBothWaysWithTiesByUpn(string kind)
        {
            var (s, prefix) = Seed(kind);
            using (s)
            {
                Assert.Equal("abcdefg", List(s.Store, prefix, UserSortKey.Upn, false));
                Assert.Equal("gfedcba", List(s.Store, prefix, UserSortKey.Upn, true));
                Assert.Equal("bdfcaeg", List(s.Store, prefix, UserSortKey.LastLogon, false));
                Assert.Equal("gaecbdf", List(s.Store, prefix, UserSortKey.LastLogon, true));
                Assert.Equal("acegdbf", List(s.Store, prefix, UserSortKey.FailedLogonCount, false));
                Assert.Equal("bfdaceg", List(s.Store, prefix, UserSortKey.FailedLogonCount, true));

                // Created: the order the store's own timestamps give (a directory keeps whole seconds, so expect ties).
                var created = "abcdefg".Select(n => s.Store.Find($"{prefix}{n}@adatum.labnet")!).ToList();
                Assert.Equal(Names(created.OrderBy(u => u.Created).ThenBy(u => u.Upn, StringComparer.Ordinal), prefix), List(s.Store, prefix, UserSortKey.Created, false));
                Assert.Equal(Names(created.OrderByDescending(u => u.Created).ThenBy(u => u.Upn, StringComparer.Ordinal), prefix), List(s.Store, prefix, UserSortKey.Created, true));
            }
        }

        [Theory, MemberData(nameof(Kinds))]
        public void PagesAreSlicesOfTheSortedListAcrossTiesAndTheNeverSignedInPart(string kind)
        {
            var (s, prefix) = Seed(kind);
            using (s)
            {
                const string byLastLogon = "bdfcaeg";
                for (var skip = 0; skip < 7; skip++)
                    for (var take = 1; take <= 3; take++)
                        Assert.Equal(new string(byLastLogon.Skip(skip).Take(take).ToArray()), List(s.Store, prefix, UserSortKey.LastLogon, false, skip, take));
                const string byFailuresDescending = "bfdaceg";
                for (var skip = 0; skip < 7; skip++)
                    Assert.Equal(new string(byFailuresDescending.Skip(skip).Take(2).ToArray()), List(s.Store, prefix, UserSortKey.FailedLogonCount, true, skip, 2));
                Assert.Equal("", List(s.Store, prefix, UserSortKey.LastLogon, true, 0, 0));
            }
        }

        [Theory, MemberData(nameof(Kinds))]
        public void SortingKeepsTheFilters(string kind)
        {
            var (s, prefix) = Seed(kind);
            using (s)
            {
                Assert.Equal("gaec", List(s.Store, prefix, UserSortKey.LastLogon, true, enrolled: true));
                Assert.Equal("bdf", List(s.Store, prefix, UserSortKey.LastLogon, false, enrolled: false));
                Assert.Equal("ae", List(s.Store, prefix, UserSortKey.LastLogon, true, skip: 1, take: 2, enrolled: true));
            }
        }

        private static void CreateDirectoryUser(string upn)
        {
            var settings = SambaDirectory.Settings();
            var name = upn.Substring(0, upn.IndexOf('@'));
            using var connection = settings.Connect();
            connection.SendRequest(new AddRequest($"CN={name},CN=Users,{settings.SearchBase}",
                new DirectoryAttribute("objectClass", "user"),
                new DirectoryAttribute("sAMAccountName", name.Length > 20 ? name.Substring(name.Length - 20) : name),
                new DirectoryAttribute("userPrincipalName", upn)));
        }
    }
}
