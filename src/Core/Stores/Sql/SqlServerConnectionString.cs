using System;
using System.Data.Common;
using System.Globalization;
using SecureMFA.Core.Configuration;
#if NETFRAMEWORK
using System.Data.SqlClient;
#else
using Microsoft.Data.SqlClient;
#endif

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>
    /// Builds the SQL Server connection string from the config keys. sqlserver takes every documented
    /// form: host, host,port, host\instance, and the Windows Internal Database pipe.
    /// </summary>
    public static class SqlServerConnectionString
    {
        public static string Build(ProviderConfiguration config)
        {
            var server = config.SqlServer.Trim();
            var isPipe = IsNamedPipe(server);
            var builder = new SqlConnectionStringBuilder
            {
                DataSource = isPipe && !server.StartsWith("np:", StringComparison.OrdinalIgnoreCase) ? "np:" + server : server,
                InitialCatalog = config.SqlDatabaseName,
                IntegratedSecurity = config.SqlIntegratedSecurity,
                ApplicationName = "SecureMFA OTP",
                ConnectTimeout = ConnectTimeoutSeconds,
            };
            if (!config.SqlIntegratedSecurity)
            {
                builder.UserID = config.SqlUserAccount;
                builder.Password = config.SqlUserPassword;
            }
            // Encrypt the network connection unless told otherwise; a local pipe (WID) has no network to protect.
            builder["Encrypt"] = !isPipe && config.SqlEncrypt;
            builder.TrustServerCertificate = config.SqlTrustServerCertificate;
            return builder.ConnectionString;
        }

        /// <summary>
        /// AppContext data (runtimeconfig.json "configProperties") that shortens the connect timeout. Not a configuration
        /// key: SqlClient retries a refused connection for the whole timeout, and the tests, which point at a closed port,
        /// set it so they do not wait 15 seconds for an answer that is already known.
        /// </summary>
        public const string ConnectTimeoutSetting = "SecureMFA.SqlConnectTimeoutSeconds";

        /// <summary>15 seconds, SqlClient's own default, unless the process says otherwise (<see cref="ConnectTimeoutSetting"/>).</summary>
        private static int ConnectTimeoutSeconds =>
            int.TryParse(AppContext.GetData(ConnectTimeoutSetting)?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : 15;

        public static bool IsNamedPipe(string server) =>
            server.StartsWith(@"\\", StringComparison.Ordinal) || server.StartsWith("np:", StringComparison.OrdinalIgnoreCase);

        public static SqlOtpUserStore Open(ProviderConfiguration config) => Open(Build(config));

        public static SqlOtpUserStore Open(string connectionString) =>
            new SqlOtpUserStore(() => Connect(connectionString), SqlDialect.SqlServer, location: Location(connectionString));

        /// <summary>The WEB API's device registry in the same database (table Devices).</summary>
        public static SqlDeviceRegistry OpenDevices(ProviderConfiguration config)
        {
            var connectionString = Build(config);
            return new SqlDeviceRegistry(() => Connect(connectionString), SqlDialect.SqlServer, location: Location(connectionString));
        }

        /// <summary>The WEB API's rollout records in the same database (tables FirstSightings, RolloutReports).</summary>
        public static SqlRolloutRecords OpenRollout(ProviderConfiguration config)
        {
            var connectionString = Build(config);
            return new SqlRolloutRecords(() => Connect(connectionString), SqlDialect.SqlServer, location: Location(connectionString));
        }

        /// <summary>Where the database is, for failure messages (the driver's often do not say).</summary>
        private static string Location(string connectionString)
        {
            var parts = new SqlConnectionStringBuilder(connectionString);
            return $"server {parts.DataSource}, database {parts.InitialCatalog}";
        }

        /// <summary>The provider for this framework: System.Data.SqlClient on .NET Framework (already in the GAC), Microsoft.Data.SqlClient elsewhere.</summary>
        public static DbConnection Connect(string connectionString) => new SqlConnection(connectionString);
    }
}
