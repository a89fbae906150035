using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using Microsoft.Data.Sqlite;
using SecureMFA.Core.Native;
using SecureMFA.Core.Security;

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>Opens the embedded SQLite store, creating the file and its schema on first use.</summary>
    public static class SqliteStoreFactory
    {
        private static readonly ConcurrentDictionary<string, bool> Prepared = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        // PublicationOnly: a failure (library not installed yet) is not cached, the next Open tries again.
        private static readonly Lazy<string> ProviderSet = new Lazy<string>(SetProvider, LazyThreadSafetyMode.PublicationOnly);

        /// <summary>Loads the native SQLite library and sets the provider, once per process; Open does it too.</summary>
        public static void Initialize() => _ = ProviderSet.Value;

        public static SqlOtpUserStore Open(string path)
        {
            var (connectionString, onOpen) = Prepare(path);
            return new SqlOtpUserStore(() => new SqliteConnection(connectionString), SqlDialect.Sqlite, onOpen, Path.GetFullPath(path), groupCommit: true);
        }

        /// <summary>The WEB API's device registry in the same SQLite file (table Devices).</summary>
        public static SqlDeviceRegistry OpenDevices(string path)
        {
            var (connectionString, onOpen) = Prepare(path);
            return new SqlDeviceRegistry(() => new SqliteConnection(connectionString), SqlDialect.Sqlite, onOpen, Path.GetFullPath(path));
        }

        /// <summary>The WEB API's rollout records in the same SQLite file (tables FirstSightings, RolloutReports).</summary>
        public static SqlRolloutRecords OpenRollout(string path)
        {
            var (connectionString, onOpen) = Prepare(path);
            return new SqlRolloutRecords(() => new SqliteConnection(connectionString), SqlDialect.Sqlite, onOpen, Path.GetFullPath(path));
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

        /// <summary>Loads the native library from our own folders (never the process's search path), then binds SQLitePCLRaw to it.</summary>
        private static string SetProvider()
        {
            var library = NativeSqliteLibrary.EnsureLoaded();
            try
            {
                SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
                _ = SQLitePCL.raw.sqlite3_libversion_number();
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException || ex is BadImageFormatException)
            {
                throw new StoreUnavailableException($"The native SQLite library {library} is loaded but SQLite cannot call into it: {ex.Message}", ex);
            }
            return library;
        }

        /// <summary>Creates or upgrades the schema (idempotent); used by New-SecureMfaOtpDatabase too.</summary>
        public static bool ApplySchema(string fullPath, string connectionString)
        {
            try
            {
                // Born owner-only (0600 on Unix): the file holds the secrets, encrypted or not, and the lockout state.
                OwnerOnlyFiles.CreateDatabaseFile(fullPath);
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
