using System;
using System.IO;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>Stores that are down or refuse a write: one clear exception type, and nothing half-written.</summary>
    public class StoreFailureTests
    {
        [Fact]
        public void AnUnreachableSqliteFileIsStoreUnavailable()
        {
            var ex = Assert.Throws<StoreUnavailableException>(() => SqliteStoreFactory.Open("/proc/securemfa-nowhere/otp.db"));
            Assert.Contains("/proc/securemfa-nowhere/otp.db", ex.Message);
        }

        [Fact]
        public void ASqliteFileLostAfterOpeningIsNamedInTheFailuresOfReadsAndOfSignInWrites()
        {
            var folder = Path.Combine(Path.GetTempPath(), "securemfa-tests", Guid.NewGuid().ToString("N"));
            var path = Path.Combine(folder, "otp.db");
            var store = SqliteStoreFactory.Open(path);
            var devices = SqliteStoreFactory.OpenDevices(path);
            store.Create(new NewOtpUser("lost@adatum.labnet", "v2:x", TotpParameters.Default));
            Directory.Delete(folder, recursive: true);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // no connection still holds the deleted file

            var attempt = new LogonAttempt(DateTime.UtcNow, null, null);
            foreach (var failure in new Action[]
            {
                () => store.Find("lost@adatum.labnet"),
                () => store.RecordSuccess("lost@adatum.labnet", 1000, attempt), // through the group commit
                () => store.RecordFailure("lost@adatum.labnet", "1*****", attempt, new Lockout.LockoutPolicy(5, 5)),
                () => devices.List(),
            })
            {
                var ex = Assert.Throws<StoreUnavailableException>(failure);
                Assert.Contains(Path.GetFullPath(path), ex.Message);
            }
        }

        [Fact]
        public void AnUnreachableDirectoryIsStoreUnavailable()
        {
            using var store = new LdapOtpUserStore(new LdapConnectionSettings { Server = "127.0.0.1", Port = 1, Ssl = false, User = "x@y", Password = "p", Timeout = TimeSpan.FromSeconds(3) });
            var ex = Assert.Throws<StoreUnavailableException>(() => store.Find("alice@adatum.labnet"));
            Assert.StartsWith("The Active Directory store failed", ex.Message);
        }

        [Fact]
        public void AnUnreachableSqlServerIsStoreUnavailable()
        {
            var store = SqlServerConnectionString.Open("Server=127.0.0.1,1;Database=SecureMfaOTP;User ID=x;Password=y;Connect Timeout=2;Encrypt=false");
            Assert.Throws<StoreUnavailableException>(() => store.Find("alice@adatum.labnet"));
        }

        [Fact]
        public void ABatchThatFailsHalfwayWritesNothing()
        {
            var store = SqliteStoreFactory.Open(Path.Combine(Path.GetTempPath(), "securemfa-tests", Guid.NewGuid().ToString("N"), "otp.db"));
            var first = StoreUnderTest.RandomUpn();
            var batch = new[]
            {
                new NewOtpUser(first, "v1:a", TotpParameters.Default),
                new NewOtpUser(StoreUnderTest.RandomUpn(), null!, TotpParameters.Default), // violates NOT NULL
            };
            Assert.Throws<StoreUnavailableException>(() => store.CreateMany(batch));
            Assert.Null(store.Find(first));
        }

        [Fact]
        public void SqlServerConnectionStringsForEveryDocumentedServerForm()
        {
            string Build(string server, bool integrated = true) => SqlServerConnectionString.Build(Configuration.ConfigurationLoader.LoadOrThrow(
                "{ \"auth_mode\": \"MSSQL\", \"sqlserver\": \"" + server.Replace("\\", "\\\\") + "\", \"sqlintegratedsecurity\": \"" + (integrated ? "true" : "false") +
                "\", \"sqluseraccount\": \"otp\", \"sqluserpassword\": \"pw\" }"));
            Assert.Contains("Data Source=sql01,1433", Build("sql01,1433"));
            Assert.Contains("Data Source=sql01\\INST", Build("sql01\\INST"));
            Assert.Contains("Data Source=localhost\\SQLEXPRESS", Build("localhost\\SQLEXPRESS"));
            var wid = Build("\\\\.\\pipe\\MICROSOFT##WID\\tsql\\query");
            Assert.Contains("Data Source=np:\\\\.\\pipe\\MICROSOFT##WID\\tsql\\query", wid);
            Assert.Contains("Encrypt=False", wid);
            var network = Build("sql01");
            Assert.Contains("Encrypt=True", network);
            Assert.Contains("Integrated Security=True", network);
            Assert.Contains("Initial Catalog=SecureMfaOTP", network);
            var login = Build("sql01", integrated: false);
            Assert.Contains("User ID=otp", login);
            Assert.Contains("Integrated Security=False", login);
        }
    }
}
