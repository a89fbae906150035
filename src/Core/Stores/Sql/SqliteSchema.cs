using System;
using System.Collections.Generic;
using System.Data.Common;

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>
    /// Brings an SQLite store file to the current schema: sql/Create_Schema_SQLite.sql creates what is missing,
    /// then the columns later versions added are added here (SQLite has no ADD COLUMN IF NOT EXISTS), the data
    /// of older versions is carried over, and the version is recorded. Idempotent.
    /// </summary>
    internal static class SqliteSchema
    {
        private static readonly (string Column, string Definition)[] AddedColumns =
        {
            ("lastaccepted", "INTEGER NULL"),
            ("lastreplay", "INTEGER NULL"),
        };

        public static void Apply(DbConnection connection)
        {
            Execute(connection, null, SqlScripts.Read(SqlScripts.SqliteSchema));
            using (var transaction = connection.BeginTransaction())
            {
                var existing = Columns(connection, transaction);
                foreach (var (column, definition) in AddedColumns)
                    if (!existing.Contains(column)) Execute(connection, transaction, $"ALTER TABLE Secrets ADD COLUMN {column} {definition}");
                using (var migrate = SqlCommands.Create(connection, SqlStatements.MigrateLastTimeStep, transaction)
                    .With("@now", DateTimeOffset.UtcNow.ToUnixTimeSeconds()))
                    migrate.ExecuteNonQuery();
                using (var version = SqlCommands.Create(connection, SqlStatements.RecordSchemaVersion, transaction)
                    .With("@version", SqlStatements.SchemaVersion).With("@now", DateTime.UtcNow))
                    version.ExecuteNonQuery();
                transaction.Commit();
            }
        }

        private static HashSet<string> Columns(DbConnection connection, DbTransaction transaction)
        {
            var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using (var command = SqlCommands.Create(connection, "SELECT name FROM pragma_table_info('Secrets')", transaction))
            using (var reader = command.ExecuteReader())
                while (reader.Read()) columns.Add(reader.GetString(0));
            return columns;
        }

        private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
        {
            using (var command = SqlCommands.Create(connection, sql, transaction)) command.ExecuteNonQuery();
        }
    }
}
