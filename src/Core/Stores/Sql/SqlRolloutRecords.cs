using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>The rollout records in SQL Server or SQLite, in the same database as the devices (<see cref="SqlRolloutStatements"/>).</summary>
    public sealed class SqlRolloutRecords : IRolloutRecords
    {
        /// <summary>The longest user or account kept (as the Secrets table's upn).</summary>
        public const int MaxUserLength = 256;

        private readonly SqlStoreConnections _connections;

        public SqlRolloutRecords(Func<DbConnection> connect, SqlDialect dialect, string? onOpen = null, string? location = null) =>
            _connections = new SqlStoreConnections(connect, dialect, onOpen, "rollout records", location);

        public bool Keeps => true;

        public DateTime? FirstSeen(string upn, DateTime utcNow)
        {
            var key = Key(upn);
            return _connections.Run(c =>
            {
                try
                {
                    using (var add = SqlCommands.Create(c, SqlRolloutStatements.AddFirstSighting).With("@upn", key).With("@now", utcNow))
                        add.ExecuteNonQuery();
                }
                // Another server stored it between the check and the insert: its time is the first.
                catch (DbException) { }
                using (var find = SqlCommands.Create(c, SqlRolloutStatements.FindFirstSighting).With("@upn", key))
                using (var reader = find.ExecuteReader())
                    return reader.Read() ? SqlCommands.ReadTime(reader, 0) : (DateTime?)null;
            });
        }

        public bool Record(RolloutReport report, DateTime utcNow)
        {
            var user = report.Mapped ? Key(report.User) : Limit(report.User);
            return _connections.Run(c =>
            {
                // Counted on the existing row, else a new row; a node that inserted first makes the second count again.
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    if (Count(c, report, user, utcNow)) return true;
                    try
                    {
                        using (var add = With(SqlCommands.Create(c, SqlRolloutStatements.AddReport), report, user, utcNow).With("@mapped", report.Mapped))
                            if (add.ExecuteNonQuery() == 1) return true;
                    }
                    catch (DbException) when (attempt == 0) { }
                }
                return Count(c, report, user, utcNow);
            });
        }

        public IReadOnlyList<RolloutRecord> List() => _connections.Run(c =>
        {
            var records = new List<RolloutRecord>();
            using (var command = SqlCommands.Create(c, SqlRolloutStatements.ListReports))
            using (var r = command.ExecuteReader())
                while (r.Read())
                    records.Add(new RolloutRecord
                    {
                        User = r.GetString(0),
                        Mapped = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture) == 1,
                        DeviceId = r.GetString(2),
                        Outcome = r.GetString(3),
                        Machine = r.GetString(4),
                        Scenario = r.GetString(5),
                        FirstReported = SqlCommands.ReadTime(r, 6) ?? DateTime.MinValue,
                        LastReported = SqlCommands.ReadTime(r, 7) ?? DateTime.MinValue,
                        Reports = SqlCommands.ReadLong(r, 8),
                    });
            return (IReadOnlyList<RolloutRecord>)records;
        });

        private static bool Count(DbConnection c, RolloutReport report, string user, DateTime utcNow)
        {
            using (var command = With(SqlCommands.Create(c, SqlRolloutStatements.CountReport), report, user, utcNow))
                return command.ExecuteNonQuery() == 1;
        }

        private static DbCommand With(DbCommand command, RolloutReport report, string user, DateTime utcNow) => command
            .With("@upn", user).With("@deviceid", report.DeviceId).With("@outcome", report.Outcome)
            .With("@machine", Limit(report.Machine)).With("@scenario", report.Scenario).With("@now", utcNow);

        /// <summary>One row per user whatever the letter case it arrived in (UPNs compare without case).</summary>
        private static string Key(string upn) => Limit(upn.ToLowerInvariant());

        private static string Limit(string text) => text.Length <= MaxUserLength ? text : text.Substring(0, MaxUserLength);
    }
}
