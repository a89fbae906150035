using System;
using System.Collections.Generic;
using System.DirectoryServices.Protocols;
using System.IO;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Core.Stores.Sql;

namespace SecureMFA.Core.Tests
{
    /// <summary>
    /// One store of each kind for the contract tests: SQLite always, Samba AD always (the test command starts it;
    /// without it these tests fail, they are never skipped), SQL Server when SECUREMFA_TEST_SQLSERVER holds a connection string.
    /// </summary>
    public sealed class StoreUnderTest : IDisposable
    {
        public const string SqlServerVariable = "SECUREMFA_TEST_SQLSERVER";
        private readonly Func<string> _newUpn;
        private readonly Action _dispose;

        private StoreUnderTest(IOtpUserStore store, Func<string> newUpn, Action dispose)
        {
            Store = store;
            _newUpn = newUpn;
            _dispose = dispose;
        }

        public IOtpUserStore Store { get; }

        /// <summary>A fresh UPN the store can hold (in AD, a new directory user).</summary>
        public string NewUpn() => _newUpn();

        public static IEnumerable<object[]> Kinds()
        {
            yield return new object[] { "sqlite" };
            yield return new object[] { "ad" };
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SqlServerVariable))) yield return new object[] { "sqlserver" };
        }

        public static StoreUnderTest Open(string kind)
        {
            switch (kind)
            {
                case "sqlite":
                    var folder = Path.Combine(Path.GetTempPath(), "securemfa-tests", Guid.NewGuid().ToString("N"));
                    var store = SqliteStoreFactory.Open(Path.Combine(folder, "otp.db"));
                    return new StoreUnderTest(store, RandomUpn, () => { });
                case "sqlserver":
                    var sql = SqlServerConnectionString.Open(Environment.GetEnvironmentVariable(SqlServerVariable)!);
                    return new StoreUnderTest(sql, RandomUpn, () => { });
                default:
                    // Each store under test sees only its own organisational unit, so tests running in parallel on the
                    // shared domain controller cannot change what another one lists or counts.
                    var directory = SambaDirectory.Settings();
                    var unit = SambaDirectory.CreateOrganizationalUnit();
                    directory.SearchBase = unit;
                    var ldap = new LdapOtpUserStore(directory);
                    return new StoreUnderTest(ldap, () => SambaDirectory.CreateUser(container: unit), ldap.Dispose);
            }
        }

        public static string RandomUpn() => "u" + Guid.NewGuid().ToString("N").Substring(0, 12) + "@adatum.labnet";

        public void Dispose() => _dispose();
    }

    /// <summary>The Samba DC that scripts/test.sh starts; its settings arrive in SECUREMFA_AD_* variables.</summary>
    public static class SambaDirectory
    {
        public static LdapConnectionSettings Settings()
        {
            var server = Environment.GetEnvironmentVariable("SECUREMFA_AD_SERVER");
            if (string.IsNullOrEmpty(server))
                throw new InvalidOperationException("AD-mode tests need the Samba domain controller: run them through scripts/test.sh, which starts it (SECUREMFA_AD_SERVER is not set).");
            return new LdapConnectionSettings
            {
                Server = server,
                Port = int.Parse(Environment.GetEnvironmentVariable("SECUREMFA_AD_PORT") ?? "636"),
                Ssl = true,
                User = Environment.GetEnvironmentVariable("SECUREMFA_AD_USER")!,
                Password = Environment.GetEnvironmentVariable("SECUREMFA_AD_PASSWORD")!,
                SearchBase = Environment.GetEnvironmentVariable("SECUREMFA_AD_BASE")!,
            };
        }

        /// <summary>A new, empty organisational unit for one test's users; returns its distinguished name.</summary>
        public static string CreateOrganizationalUnit()
        {
            var settings = Settings();
            var dn = $"OU=t{Guid.NewGuid():N},{settings.SearchBase}";
            using var connection = settings.Connect();
            connection.SendRequest(new AddRequest(dn, new DirectoryAttribute("objectClass", "organizationalUnit")));
            return dn;
        }

        /// <summary>Adds a directory user with a UPN (or without one, for the error path) and returns the UPN.</summary>
        public static string CreateUser(bool withUpn = true, string? container = null)
        {
            var settings = Settings();
            var name = "t" + Guid.NewGuid().ToString("N").Substring(0, 15);
            var upn = name + "@adatum.labnet";
            using var connection = settings.Connect();
            var request = new AddRequest($"CN={name},{container ?? "CN=Users," + settings.SearchBase}",
                new DirectoryAttribute("objectClass", "user"),
                new DirectoryAttribute("sAMAccountName", name));
            if (withUpn) request.Attributes.Add(new DirectoryAttribute("userPrincipalName", upn));
            connection.SendRequest(request);
            return upn;
        }
    }
}
