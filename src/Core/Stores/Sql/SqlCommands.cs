using System;
using System.Data;
using System.Data.Common;

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>Builds parameterised commands; the small ADO.NET layer the SQL store runs on.</summary>
    internal static class SqlCommands
    {
        public static DbCommand Create(DbConnection connection, string sql, DbTransaction? transaction = null)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            return command;
        }

        public static DbCommand With(this DbCommand command, string name, object? value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            switch (value)
            {
                case null: parameter.Value = DBNull.Value; break;
                case DateTime time:
                    parameter.DbType = DbType.DateTime2;
                    parameter.Value = DateTime.SpecifyKind(time, DateTimeKind.Utc);
                    break;
                case bool flag:
                    // bit in SQL Server, integer in SQLite: 0/1 compares the same in both.
                    parameter.DbType = DbType.Int32;
                    parameter.Value = flag ? 1 : 0;
                    break;
                case string text:
                    parameter.DbType = DbType.String;
                    parameter.Size = Math.Max(text.Length, 1);
                    parameter.Value = text;
                    break;
                default: parameter.Value = value; break;
            }
            command.Parameters.Add(parameter);
            return command;
        }

        public static DateTime? ReadTime(DbDataReader reader, int ordinal)
        {
            if (reader.IsDBNull(ordinal)) return null;
            var value = reader.GetValue(ordinal);
            var time = value is DateTime d ? d : DateTime.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture);
            return DateTime.SpecifyKind(time, DateTimeKind.Utc);
        }

        public static long ReadLong(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

        public static string? ReadText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
