using System;
using System.Collections.Generic;
using System.DirectoryServices.Protocols;
using System.Linq;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>
    /// The sort tests add directory users (in an organisational unit of their own); a contract test that compares a full
    /// List with a Count of the whole shared directory would see them appear, so these run on their own, not beside it.
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

        /// <summary>A store of the kind, with seven users; in AD, an organisational unit of its own holds them.</summary>
        private sealed class Seeded : IDisposable
        {
            private readonly Action _dispose;

            public Seeded(IOtpUserStore store, string prefix, Action dispose)
            {
                Store = store;
                Prefix = prefix;
                _dispose = dispose;
            }

            public IOtpUserStore Store { get; }
            public string Prefix { get; }
            public void Dispose() => _dispose();
        }

        /// <summary>
        /// Seven users a..g under one fresh prefix: signed in: c earlier, a and e later (a tie), g later; never: b, d, f.
        /// Failures: b 2, d 1, f 2 (a tie).
        /// </summary>
        private static Seeded Seed(string kind)
        {
            IOtpUserStore store;
            Action dispose;
            Action<string> addDirectoryUser = _ => { };
            if (kind == "ad")
            {
                var settings = SambaDirectory.Settings();
                var unit = CreateOrganizationalUnit(settings);
                addDirectoryUser = upn => CreateDirectoryUser(settings, unit, upn);
                settings.SearchBase = unit;
                var ldap = new LdapOtpUserStore(settings);
                store = ldap;
                dispose = ldap.Dispose;
            }
            else
            {
                var opened = StoreUnderTest.Open(kind);
                store = opened.Store;
                dispose = opened.Dispose;
            }
            var prefix = "sort" + Guid.NewGuid().ToString("N").Substring(0, 10) + "-";
            foreach (var name in "abcdefg")
            {
                var upn = $"{prefix}{name}@adatum.labnet";
                addDirectoryUser(upn);
                Assert.True(store.Create(new NewOtpUser(upn, "v1:x", TotpParameters.Default)));
            }
            void SignIn(char name, DateTime at) =>
                Assert.Equal(SuccessOutcome.Accepted, store.RecordSuccess($"{prefix}{name}@adatum.labnet", 1000, new LogonAttempt(at, null, null)));
            void Fail(char name, int times)
            {
                for (var i = 0; i < times; i++)
                    Assert.NotNull(store.RecordFailure($"{prefix}{name}@adatum.labnet", "1", new LogonAttempt(Later, null, null), LockoutPolicy.Disabled));
            }
            SignIn('c', Earlier);
            SignIn('a', Later);
            SignIn('e', Later);
            SignIn('g', Later.AddMinutes(1));
            Fail('b', 2);
            Fail('d', 1);
            Fail('f', 2);
            return new Seeded(store, prefix, dispose);
        }

        private static string Names(IEnumerable<OtpUser> users, string prefix) =>
            string.Concat(users.Select(u => u.Upn.Substring(prefix.Length, 1)));

        private static string List(IOtpUserStore store, string prefix, UserSortKey key, bool descending, int skip = 0, int take = int.MaxValue, bool? enrolled = null) =>
            Names(store.List(new UserQuery { UpnPattern = prefix + "*", SortBy = key, Descending = descending, Skip = skip, Take = take, Enrolled = enrolled }, Later), prefix);

        [Theory, MemberData(nameof(Kinds))]
        public void EachKeySortsBothWaysWithTiesByUpn(string kind)
        {
            using var s = Seed(kind);
            var prefix = s.Prefix;
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

        [Theory, MemberData(nameof(Kinds))]
        public void PagesAreSlicesOfTheSortedListAcrossTiesAndTheNeverSignedInPart(string kind)
        {
            using var s = Seed(kind);
            var prefix = s.Prefix;
            const string byLastLogon = "bdfcaeg";
            for (var skip = 0; skip < 7; skip++)
                for (var take = 1; take <= 3; take++)
                    Assert.Equal(new string(byLastLogon.Skip(skip).Take(take).ToArray()), List(s.Store, prefix, UserSortKey.LastLogon, false, skip, take));
            const string byFailuresDescending = "bfdaceg";
            for (var skip = 0; skip < 7; skip++)
                Assert.Equal(new string(byFailuresDescending.Skip(skip).Take(2).ToArray()), List(s.Store, prefix, UserSortKey.FailedLogonCount, true, skip, 2));
            Assert.Equal("", List(s.Store, prefix, UserSortKey.LastLogon, true, 0, 0));
        }

        [Theory, MemberData(nameof(Kinds))]
        public void SortingKeepsTheFilters(string kind)
        {
            using var s = Seed(kind);
            var prefix = s.Prefix;
            Assert.Equal("gaec", List(s.Store, prefix, UserSortKey.LastLogon, true, enrolled: true));
            Assert.Equal("bdf", List(s.Store, prefix, UserSortKey.LastLogon, false, enrolled: false));
            Assert.Equal("ae", List(s.Store, prefix, UserSortKey.LastLogon, true, skip: 1, take: 2, enrolled: true));
        }

        private static string CreateOrganizationalUnit(LdapConnectionSettings settings)
        {
            var dn = $"OU=sort{Guid.NewGuid():N},{settings.SearchBase}";
            using var connection = settings.Connect();
            connection.SendRequest(new AddRequest(dn, new DirectoryAttribute("objectClass", "organizationalUnit")));
            return dn;
        }

        private static void CreateDirectoryUser(LdapConnectionSettings settings, string unit, string upn)
        {
            var name = upn.Substring(0, upn.IndexOf('@'));
            using var connection = settings.Connect();
            connection.SendRequest(new AddRequest($"CN={name},{unit}",
                new DirectoryAttribute("objectClass", "user"),
                new DirectoryAttribute("sAMAccountName", name),
                new DirectoryAttribute("userPrincipalName", upn)));
        }
    }
}
