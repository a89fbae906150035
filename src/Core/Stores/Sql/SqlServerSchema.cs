using System.Data.Common;
using SecureMFA.Core.Configuration;

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>Creates or upgrades the SQL Server tables by running sql/Upgrade_From_Previous_Version.sql, batch by batch.</summary>
    public static class SqlServerSchema
    {
        public static void Upgrade(ProviderConfiguration config)
        {
            try
            {
                using (var connection = SqlServerConnectionString.Connect(SqlServerConnectionString.Build(config)))
                {
                    connection.Open();
                    foreach (var batch in SqlScripts.Batches(SqlScripts.Read(SqlScripts.Upgrade)))
                        using (var command = SqlCommands.Create(connection, batch)) command.ExecuteNonQuery();
                }
            }
            catch (DbException ex)
            {
                throw new StoreUnavailableException($"The SQL Server schema could not be created or upgraded in {config.SqlDatabaseName} on {config.SqlServer}: {ex.Message}", ex);
            }
        }
    }
}
