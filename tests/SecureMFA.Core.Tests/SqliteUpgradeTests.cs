using System;
using System.IO;
using Microsoft.Data.Sqlite;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>An SQLite store file written by release 1.0 (schema 2) opens with every user and its replay state kept.</summary>
    public class SqliteUpgradeTests
    {
        // The Secrets table and version exactly as release 1.0 created them.
        private const string Schema2 =
            "CREATE TABLE Secrets (upn TEXT NOT NULL PRIMARY KEY COLLATE NOCASE, secret TEXT NOT NULL, logon INTEGER NOT NULL DEFAULT 0, " +
            "disabled INTEGER NOT NULL DEFAULT 0, lastlogon TEXT NULL, logoncount INTEGER NOT NULL DEFAULT 0, failedlogoncount INTEGER NOT NULL DEFAULT 0, " +
            "failedlastlogon TEXT NULL, failedcode TEXT NULL, logonip TEXT NULL, useragent TEXT NULL, lasttimestep INTEGER NULL, lockeduntil TEXT NULL, " +
            "algorithm TEXT NOT NULL DEFAULT 'SHA1', digits INTEGER NOT NULL DEFAULT 6, period INTEGER NOT NULL DEFAULT 30, created TEXT NOT NULL, " +
            "changeversion INTEGER NOT NULL DEFAULT 0);" +
            "CREATE TABLE SchemaVersion (version INTEGER NOT NULL, applied TEXT NOT NULL);" +
            "INSERT INTO SchemaVersion VALUES (2, datetime('now'));";

        [Fact]
        public void ASchema2FileIsUpgradedInPlace()
        {
            var path = Path.Combine(Path.GetTempPath(), "securemfa-tests", Guid.NewGuid().ToString("N"), "old.db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var nowSteps60 = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30; // a 30 s count left behind by a reset to 60 s
            SqliteStoreFactory.Initialize();
            using (var connection = new SqliteConnection("Data Source=" + path + ";Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = Schema2 +
                    "INSERT INTO Secrets (upn, secret, logon, lasttimestep, period, created) VALUES ('kept@adatum.labnet', 'v1:x', 1, 1000, 30, '2024-01-01 00:00:00');" +
                    $"INSERT INTO Secrets (upn, secret, logon, lasttimestep, period, created) VALUES ('reset@adatum.labnet', 'v1:y', 0, {nowSteps60}, 60, '2024-01-01 00:00:00');" +
                    "INSERT INTO Secrets (upn, secret, created) VALUES ('new@adatum.labnet', 'v1:z', '2024-01-01 00:00:00');";
                command.ExecuteNonQuery();
            }

            var store = SqliteStoreFactory.Open(path);
            store.CheckSchema();
            Assert.Equal(30000, store.Find("kept@adatum.labnet")!.LastAcceptedSecond);
            Assert.True(store.Find("kept@adatum.labnet")!.Enrolled);
            Assert.Null(store.Find("reset@adatum.labnet")!.LastAcceptedSecond);
            Assert.Null(store.Find("new@adatum.labnet")!.LastAcceptedSecond);
            Assert.Equal(3, store.Count(new UserQuery(), DateTime.UtcNow));
            Assert.Equal(SuccessOutcome.Replayed, store.RecordSuccess("kept@adatum.labnet", 30000, new LogonAttempt(DateTime.UtcNow, null, null)));
            Assert.Equal(SuccessOutcome.Accepted, store.RecordSuccess("kept@adatum.labnet", 30030, new LogonAttempt(DateTime.UtcNow, null, null)));

            // Opening it again (another process, a restart) changes nothing.
            SqliteStoreFactory.ApplySchema(path, "Data Source=" + path);
            Assert.Equal(30030, store.Find("kept@adatum.labnet")!.LastAcceptedSecond);
        }
    }
}
