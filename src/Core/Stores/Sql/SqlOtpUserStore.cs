using System;
using System.Collections.Generic;
using System.Data.Common;
using SecureMFA.Core.Lockout;
using SecureMFA.Otp.Identity;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>The SQL store (SQL Server or SQLite): every count and comparison is a single statement.</summary>
    public sealed class SqlOtpUserStore : IOtpUserStore
    {
        public const int BulkBatchSize = 1000;
        private readonly SqlDialect _dialect;
        private readonly SqlStoreConnections _connections;
        private readonly SqliteGroupCommit? _groupCommit;
        private readonly string? _location;

        /// <param name="onOpen">A statement run on every opened connection (SQLite: its busy timeout).</param>
        /// <param name="location">Where the store is (server and database, or file), named in every failure: drivers often do not say.</param>
        public SqlOtpUserStore(Func<DbConnection> connect, SqlDialect dialect, string? onOpen = null, string? location = null)
        {
            _dialect = dialect;
            _location = location;
            _connections = new SqlStoreConnections(connect, dialect, onOpen, "user store", location);
        }

        /// <summary>SQLite: the sign-in writes (success, failure, replay) of concurrent callers share one commit.</summary>
        internal SqlOtpUserStore(Func<DbConnection> connect, SqlDialect dialect, string? onOpen, string? location, bool groupCommit) : this(connect, dialect, onOpen, location)
        {
            if (groupCommit) _groupCommit = new SqliteGroupCommit(_connections.Open);
        }

        public SqlDialect Dialect => _dialect;

        public string Describe() => _location == null ? $"{_dialect.Name} store" : $"{_dialect.Name} store: {_location}";

        /// <summary>Nothing to close: each call opens a pooled connection and closes it again.</summary>
        public void Dispose() { }

        /// <summary>Throws <see cref="StoreUnavailableException"/> unless the schema is at the version this build needs.</summary>
        public void CheckSchema()
        {
            var version = Run(c =>
            {
                using (var command = SqlCommands.Create(c, SqlStatements.ReadSchemaVersion))
                {
                    var value = command.ExecuteScalar();
                    return value == null || value is DBNull ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
                }
            });
            if (version < SqlStatements.SchemaVersion)
                throw new StoreUnavailableException($"The {_dialect.Name} database is at schema version {version}; version {SqlStatements.SchemaVersion} is needed. Run New-SecureMfaOtpDatabase or sql/Upgrade_From_Previous_Version.sql.");
        }

        public OtpUser? Find(string upn) => Run(c => FindOn(c, Upn.Normalize(upn)));

        public bool Create(NewOtpUser user) => Run(c => Insert(c, null, user, DateTime.UtcNow));

        public bool Reset(NewOtpUser user) => Execute(SqlStatements.Reset, cmd => cmd
            .With("@upn", Upn.Normalize(user.Upn))
            .With("@secret", user.ProtectedSecret)
            .With("@algorithm", user.Parameters.Algorithm.ToString())
            .With("@digits", user.Parameters.Digits)
            .With("@period", user.Parameters.PeriodSeconds)) == 1;

        public bool ReplaceSecret(string upn, string currentProtected, string newProtected) => Execute(SqlStatements.ReplaceSecret, cmd => cmd
            .With("@upn", Upn.Normalize(upn)).With("@old", currentProtected).With("@new", newProtected)) == 1;

        public int ReplaceSecrets(IReadOnlyList<SecretReplacement> replacements) => Run(c =>
        {
            var written = 0;
            using (var transaction = c.BeginTransaction())
            {
                foreach (var replacement in replacements)
                    using (var command = SqlCommands.Create(c, SqlStatements.ReplaceSecret, transaction)
                        .With("@upn", Upn.Normalize(replacement.Upn)).With("@old", replacement.CurrentProtected).With("@new", replacement.NewProtected))
                        written += command.ExecuteNonQuery();
                transaction.Commit();
            }
            return written;
        });

        public SuccessOutcome RecordSuccess(string upn, long stepStartSecond, LogonAttempt attempt)
        {
            var key = Upn.Normalize(upn);
            return Write((c, t) =>
            {
                int changed;
                using (var command = SqlCommands.Create(c, SqlStatements.RecordSuccess, t)
                    .With("@upn", key).With("@now", attempt.UtcNow).With("@ip", attempt.ClientIp)
                    .With("@agent", attempt.UserAgent).With("@step", stepStartSecond))
                    changed = command.ExecuteNonQuery();
                if (changed == 1) return SuccessOutcome.Accepted;

                // Nothing changed: say why, from the row as it is now.
                var user = FindOn(c, key, t);
                if (user == null) return SuccessOutcome.NotFound;
                if (user.Disabled) return SuccessOutcome.Disabled;
                if (user.IsLockedAt(attempt.UtcNow)) return SuccessOutcome.Locked;
                return SuccessOutcome.Replayed;
            });
        }

        public OtpUser? RecordFailure(string upn, string failedCode, LogonAttempt attempt, LockoutPolicy policy) =>
            CountFailure(SqlStatements.RecordFailure, upn, null, failedCode, attempt, policy);

        public OtpUser? RecordReplay(string upn, long stepStartSecond, string failedCode, LogonAttempt attempt, LockoutPolicy policy) =>
            CountFailure(SqlStatements.RecordReplay, upn, stepStartSecond, failedCode, attempt, policy);

        private OtpUser? CountFailure(string statement, string upn, long? stepStartSecond, string failedCode, LogonAttempt attempt, LockoutPolicy policy)
        {
            var key = Upn.Normalize(upn);
            return Write((c, t) =>
            {
                using (var command = SqlCommands.Create(c, statement, t)
                    .With("@upn", key).With("@now", attempt.UtcNow).With("@threshold", policy.Threshold)
                    .With("@lockend", policy.LockEnd(attempt.UtcNow)).With("@code", LogonAttempt.Truncate(failedCode, LogonAttempt.MaxCodeLength))
                    .With("@ip", attempt.ClientIp).With("@agent", attempt.UserAgent))
                {
                    if (stepStartSecond.HasValue) command.With("@step", stepStartSecond.Value);
                    command.ExecuteNonQuery();
                }
                return FindOn(c, key, t);
            });
        }

        public bool ReplaceRecoveryCodes(string upn, IReadOnlyList<string> codeHashes, DateTime utcNow)
        {
            var key = Upn.Normalize(upn);
            return Run(c =>
            {
                using (var transaction = c.BeginTransaction())
                {
                    if (FindOn(c, key, transaction) == null) return false;
                    using (var delete = SqlCommands.Create(c, SqlStatements.DeleteRecoveryCodes, transaction).With("@upn", key)) delete.ExecuteNonQuery();
                    foreach (var hash in codeHashes)
                        using (var insert = SqlCommands.Create(c, SqlStatements.InsertRecoveryCode, transaction).With("@upn", key).With("@hash", hash).With("@now", utcNow))
                            insert.ExecuteNonQuery();
                    transaction.Commit();
                    return true;
                }
            });
        }

        public RecoveryCodeOutcome UseRecoveryCode(string upn, string codeHash, LogonAttempt attempt)
        {
            var key = Upn.Normalize(upn);
            return Run(c =>
            {
                using (var transaction = c.BeginTransaction())
                {
                    int used;
                    using (var command = SqlCommands.Create(c, SqlStatements.UseRecoveryCode, transaction)
                        .With("@upn", key).With("@hash", codeHash).With("@now", attempt.UtcNow))
                        used = command.ExecuteNonQuery();
                    if (used == 1)
                    {
                        using (var command = SqlCommands.Create(c, SqlStatements.RecordRecoverySuccess, transaction)
                            .With("@upn", key).With("@now", attempt.UtcNow).With("@ip", attempt.ClientIp).With("@agent", attempt.UserAgent))
                            command.ExecuteNonQuery();
                        transaction.Commit();
                        return RecoveryCodeOutcome.Accepted;
                    }
                    var user = FindOn(c, key, transaction);
                    if (user == null) return RecoveryCodeOutcome.NotFound;
                    if (user.Disabled) return RecoveryCodeOutcome.Disabled;
                    if (user.IsLockedAt(attempt.UtcNow)) return RecoveryCodeOutcome.Locked;
                    return RecoveryCodeOutcome.NoSuchCode;
                }
            });
        }

        public IReadOnlyList<string> UnusedRecoveryCodeHashes(string upn)
        {
            var key = Upn.Normalize(upn);
            return Run(c =>
            {
                var hashes = new List<string>();
                using (var command = SqlCommands.Create(c, SqlStatements.UnusedRecoveryCodes).With("@upn", key))
                using (var reader = command.ExecuteReader())
                    while (reader.Read()) hashes.Add(reader.GetString(0));
                return (IReadOnlyList<string>)hashes;
            });
        }

        public string GetOrAdd(string name, string proposed) => Run(c =>
        {
            try
            {
                using (var add = SqlCommands.Create(c, SqlStatements.AddMetadata).With("@name", name).With("@value", proposed)) add.ExecuteNonQuery();
            }
            catch (DbException) when (ReadMetadata(c, name) != null)
            {
                // Another server added it between our check and insert: its value wins, read below.
            }
            return ReadMetadata(c, name) ?? throw new StoreUnavailableException($"The {_dialect.Name} store did not keep the setting {name}.");
        });

        private static string? ReadMetadata(DbConnection connection, string name)
        {
            using (var command = SqlCommands.Create(connection, SqlStatements.ReadMetadata).With("@name", name))
                return command.ExecuteScalar() as string;
        }

        public bool SetDisabled(string upn, bool disabled) =>
            Execute(SqlStatements.SetDisabled, cmd => cmd.With("@upn", Upn.Normalize(upn)).With("@disabled", disabled)) == 1;

        public bool Unlock(string upn) => Execute(SqlStatements.Unlock, cmd => cmd.With("@upn", Upn.Normalize(upn))) == 1;

        public bool Remove(string upn)
        {
            var key = Upn.Normalize(upn);
            return Run(c =>
            {
                using (var transaction = c.BeginTransaction())
                {
                    using (var codes = SqlCommands.Create(c, SqlStatements.DeleteRecoveryCodes, transaction).With("@upn", key)) codes.ExecuteNonQuery();
                    int removed;
                    using (var user = SqlCommands.Create(c, SqlStatements.Remove, transaction).With("@upn", key)) removed = user.ExecuteNonQuery();
                    transaction.Commit();
                    return removed == 1;
                }
            });
        }

        public IReadOnlyList<OtpUser> List(UserQuery query, DateTime utcNow) => Run(c =>
        {
            var users = new List<OtpUser>();
            using (var command = WithFilter(SqlCommands.Create(c, _dialect.Render(SqlStatements.List(query.SortBy, query.Descending))), query, utcNow)
                .With("@skip", Math.Max(0, query.Skip)).With("@take", Math.Max(0, query.Take)))
            using (var reader = command.ExecuteReader())
                while (reader.Read()) users.Add(ReadUser(reader));
            return (IReadOnlyList<OtpUser>)users;
        });

        public int Count(UserQuery query, DateTime utcNow) => Run(c =>
        {
            using (var command = WithFilter(SqlCommands.Create(c, SqlStatements.Count), query, utcNow))
                return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });

        public IReadOnlyList<string> CreateMany(IReadOnlyList<NewOtpUser> users) => Run(c =>
        {
            var existing = new List<string>();
            var now = DateTime.UtcNow;
            for (var start = 0; start < users.Count; start += BulkBatchSize)
            {
                using (var transaction = c.BeginTransaction())
                {
                    for (var i = start; i < Math.Min(users.Count, start + BulkBatchSize); i++)
                        if (!Insert(c, transaction, users[i], now)) existing.Add(Upn.Normalize(users[i].Upn));
                    transaction.Commit();
                }
            }
            return (IReadOnlyList<string>)existing;
        });

        private static bool Insert(DbConnection connection, DbTransaction? transaction, NewOtpUser user, DateTime now)
        {
            var key = Upn.Normalize(user.Upn);
            try
            {
                using (var command = SqlCommands.Create(connection, SqlStatements.Create, transaction)
                    .With("@upn", key).With("@secret", user.ProtectedSecret).With("@disabled", user.Disabled)
                    .With("@algorithm", user.Parameters.Algorithm.ToString()).With("@digits", user.Parameters.Digits)
                    .With("@period", user.Parameters.PeriodSeconds).With("@now", now))
                    return command.ExecuteNonQuery() == 1;
            }
            catch (DbException) when (transaction == null && FindOn(connection, key) != null)
            {
                // Another node inserted the same user between our existence check and insert.
                return false;
            }
        }

        private static DbCommand WithFilter(DbCommand command, UserQuery query, DateTime utcNow) => command
            .With("@pattern", UpnPattern.ToSqlLike(query.UpnPattern))
            .With("@enrolled", query.Enrolled)
            .With("@disabled", query.Disabled)
            .With("@locked", query.Locked)
            .With("@now", utcNow);

        private static OtpUser? FindOn(DbConnection connection, string key, DbTransaction? transaction = null)
        {
            using (var command = SqlCommands.Create(connection, SqlStatements.Find, transaction).With("@upn", key))
            using (var reader = command.ExecuteReader())
                return reader.Read() ? ReadUser(reader) : null;
        }

        private static OtpUser ReadUser(DbDataReader r) => new OtpUser
        {
            Upn = r.GetString(0),
            ProtectedSecret = r.GetString(1),
            Enrolled = SqlCommands.ReadLong(r, 2) != 0,
            Disabled = SqlCommands.ReadLong(r, 3) != 0,
            LastLogon = SqlCommands.ReadTime(r, 4),
            LogonCount = (int)SqlCommands.ReadLong(r, 5),
            FailedLogonCount = (int)SqlCommands.ReadLong(r, 6),
            FailedLastLogon = SqlCommands.ReadTime(r, 7),
            FailedCode = SqlCommands.ReadText(r, 8),
            LogonIp = SqlCommands.ReadText(r, 9),
            UserAgent = SqlCommands.ReadText(r, 10),
            LastAcceptedSecond = r.IsDBNull(11) ? (long?)null : SqlCommands.ReadLong(r, 11),
            LockedUntil = SqlCommands.ReadTime(r, 12),
            Parameters = new TotpParameters(
                (TotpAlgorithm)Enum.Parse(typeof(TotpAlgorithm), r.GetString(13), true),
                (int)SqlCommands.ReadLong(r, 14), (int)SqlCommands.ReadLong(r, 15)),
            Created = SqlCommands.ReadTime(r, 16) ?? DateTime.MinValue,
            ChangeVersion = SqlCommands.ReadLong(r, 17),
            LastReplaySecond = r.IsDBNull(18) ? (long?)null : SqlCommands.ReadLong(r, 18),
            RecoveryCodesLeft = (int)SqlCommands.ReadLong(r, 19),
            RecoveryCodesUsed = (int)SqlCommands.ReadLong(r, 20),
        };

        private int Execute(string sql, Func<DbCommand, DbCommand> bind) => Run(c =>
        {
            using (var command = bind(SqlCommands.Create(c, sql)))
                return command.ExecuteNonQuery();
        });

        /// <summary>A write whose result is reported only once durable: in a shared commit (SQLite) or on its own (autocommit).</summary>
        private T Write<T>(Func<DbConnection, DbTransaction?, T> work)
        {
            if (_groupCommit == null) return Run(c => work(c, null));
            try { return _groupCommit.Run(work); }
            catch (Exception ex) when (SqlStoreConnections.IsDriverFailure(ex))
            {
                throw _connections.Unavailable(ex);
            }
        }

        private T Run<T>(Func<DbConnection, T> work) => _connections.Run(work);
    }
}
