namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>
    /// Every statement the SQL stores run: T-SQL that also runs unchanged on SQLite (paging aside,
    /// see <see cref="SqlDialect"/>). Only parameters carry data. Tests parse each one with
    /// Microsoft's T-SQL parser.
    /// </summary>
    public static class SqlStatements
    {
        public const string PagingPlaceholder = "/*PAGING*/";
        public const int SchemaVersion = 2;

        private const string Columns =
            "upn, secret, logon, disabled, lastlogon, logoncount, failedlogoncount, failedlastlogon, failedcode, " +
            "logonip, useragent, lasttimestep, lockeduntil, algorithm, digits, period, created, changeversion";

        public const string ReadSchemaVersion = "SELECT MAX(version) FROM SchemaVersion";

        public const string Find = "SELECT " + Columns + " FROM Secrets WHERE upn = @upn";

        public const string Create =
            "INSERT INTO Secrets (upn, secret, logon, disabled, logoncount, failedlogoncount, algorithm, digits, period, created, changeversion) " +
            "SELECT @upn, @secret, 0, @disabled, 0, 0, @algorithm, @digits, @period, @now, 0 " +
            "WHERE NOT EXISTS (SELECT 1 FROM Secrets WHERE upn = @upn)";

        public const string Reset =
            "UPDATE Secrets SET secret = @secret, logon = 0, failedlogoncount = 0, lockeduntil = NULL, " +
            "algorithm = @algorithm, digits = @digits, period = @period, changeversion = changeversion + 1 " +
            "WHERE upn = @upn";

        // Accepted only when enabled, not locked and the step is later than the last accepted one:
        // the check and the write are one statement, so two nodes cannot both accept one code.
        public const string RecordSuccess =
            "UPDATE Secrets SET logon = 1, lastlogon = @now, logoncount = logoncount + 1, failedlogoncount = 0, " +
            "lockeduntil = NULL, logonip = @ip, useragent = @agent, lasttimestep = @step, changeversion = changeversion + 1 " +
            "WHERE upn = @upn AND disabled = 0 AND (lockeduntil IS NULL OR lockeduntil <= @now) " +
            "AND (lasttimestep IS NULL OR lasttimestep < @step)";

        // A lock that has run out starts a fresh count; reaching @threshold (0 = never) sets the lock end.
        // All right-hand sides see the row as it was before this statement.
        public const string RecordFailure =
            "UPDATE Secrets SET " +
            "failedlogoncount = CASE WHEN lockeduntil <= @now THEN 1 ELSE failedlogoncount + 1 END, " +
            "lockeduntil = CASE WHEN @threshold > 0 AND (CASE WHEN lockeduntil <= @now THEN 1 ELSE failedlogoncount + 1 END) >= @threshold THEN @lockend " +
            "WHEN lockeduntil <= @now THEN NULL ELSE lockeduntil END, " +
            "failedlastlogon = @now, failedcode = @code, logonip = @ip, useragent = @agent, changeversion = changeversion + 1 " +
            "WHERE upn = @upn";

        public const string SetDisabled = "UPDATE Secrets SET disabled = @disabled, changeversion = changeversion + 1 WHERE upn = @upn";

        public const string Unlock = "UPDATE Secrets SET lockeduntil = NULL, failedlogoncount = 0, changeversion = changeversion + 1 WHERE upn = @upn";

        public const string Remove = "DELETE FROM Secrets WHERE upn = @upn";

        // Null filter parameters match everything, so one static statement serves every combination.
        private const string Filter =
            " WHERE (@pattern IS NULL OR upn LIKE @pattern ESCAPE '\\') " +
            "AND (@enrolled IS NULL OR logon = @enrolled) " +
            "AND (@disabled IS NULL OR disabled = @disabled) " +
            "AND (@locked IS NULL OR (@locked = 1 AND lockeduntil > @now) OR (@locked = 0 AND (lockeduntil IS NULL OR lockeduntil <= @now)))";

        public const string List = "SELECT " + Columns + " FROM Secrets" + Filter + " ORDER BY upn " + PagingPlaceholder;

        public const string Count = "SELECT COUNT(*) FROM Secrets" + Filter;
    }
}
