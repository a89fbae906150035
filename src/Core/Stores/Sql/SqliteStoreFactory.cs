using System;
using System.Collections.Concurrent;
using System.IO;
using Microsoft.Data.Sqlite;

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>Opens the embedded SQLite store, creating the file and its schema on first use.</summary>
    public static class SqliteStoreFactory
    {
        private static readonly ConcurrentDictionary<string, bool> Prepared = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private static readonly Lazy<bool> ProviderSet = new Lazy<bool>(() =>
        {
            SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
            return true;
        });

        /// <summary>Loads the native SQLite library and sets the provider, once per process; Open does it too.</summary>
        public static void Initialize() => _ = ProviderSet.Value;

        public static SqlOtpUserStore Open(string path)
        {
            var (connectionString, onOpen) = Prepare(path);
            return new SqlOtpUserStore(() => new SqliteConnection(connectionString), SqlDialect.Sqlite, onOpen, groupCommit: true);
        }

        /// <summary>The WEB API's device registry in the same SQLite file (table Devices).</summary>
        public static SqlDeviceRegistry OpenDevices(string path)
        {
            var (connectionString, onOpen) = Prepare(path);
            return new SqlDeviceRegistry(() => new SqliteConnection(connectionString), SqlDialect.Sqlite, onOpen);
        }

        private static (string ConnectionString, string OnOpen) Prepare(string path)
        {
            var fullPath = Path.GetFullPath(path);
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                // Writers on other connections or processes wait for the write lock instead of failing.
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();
            _ = ProviderSet.Value;
            Prepared.GetOrAdd(fullPath, _ => ApplySchema(fullPath, connectionString));
            // SQLite's own busy handler waits for the write lock in short steps; without it the
            // provider retries every 150 ms, which makes contended writes needlessly slow.
            return (connectionString, "PRAGMA busy_timeout = 30000");
        }

        /// <summary>Creates or upgrades the schema (idempotent); used by New-SecureMfaOtpDatabase too.</summary>
        public static bool ApplySchema(string fullPath, string connectionString)
        {
            try
            {
                var folder = Path.GetDirectoryName(fullPath);
                if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
                using (var connection = new SqliteConnection(connectionString))
                {
                    connection.Open();
                    SqliteSchema.Apply(connection);
                }
            }
            catch (Exception ex) when (ex is SqliteException || ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new StoreUnavailableException($"The SQLite store at {fullPath} cannot be opened: {ex.Message}", ex);
            }
            return true;
        }
    }
}
