using System;
using System.Data.Common;
using SecureMFA.Core.Configuration;
#if NETFRAMEWORK
using System.Data.SqlClient;
#else
using Microsoft.Data.SqlClient;
#endif

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>Creates or upgrades the SQL Server tables by running sql/Upgrade_From_Previous_Version.sql, batch by batch.</summary>
    public static class SqlServerSchema
    {
        public static void Upgrade(ProviderConfiguration config)
        {
            try
            {
                using (var connection = new SqlConnection(SqlServerConnectionString.Build(config)))
                {
                    connection.Open();
                    foreach (var batch in SqlScripts.Batches(SqlScripts.Read(SqlScripts.Upgrade)))
                        using (var command = new SqlCommand(batch, connection)) command.ExecuteNonQuery();
                }
            }
            catch (DbException ex)
            {
                throw new StoreUnavailableException($"The SQL Server schema could not be created or upgraded in {config.SqlDatabaseName} on {config.SqlServer}: {ex.Message}", ex);
            }
        }
    }
}
