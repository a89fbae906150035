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
        public const int SchemaVersion = 3;

        private const string Columns =
            "s.upn, s.secret, s.logon, s.disabled, s.lastlogon, s.logoncount, s.failedlogoncount, s.failedlastlogon, s.failedcode, " +
            "s.logonip, s.useragent, s.lastaccepted, s.lockeduntil, s.algorithm, s.digits, s.period, s.created, s.changeversion, s.lastreplay, " +
            "(SELECT COUNT(*) FROM RecoveryCodes r WHERE r.upn = s.upn AND r.used IS NULL), " +
            "(SELECT COUNT(*) FROM RecoveryCodes r WHERE r.upn = s.upn AND r.used IS NOT NULL)";

        public const string ReadSchemaVersion = "SELECT MAX(version) FROM SchemaVersion";

        public const string RecordSchemaVersion =
            "INSERT INTO SchemaVersion (version, applied) SELECT @version, @now WHERE NOT EXISTS (SELECT 1 FROM SchemaVersion WHERE version >= @version)";

        public const string Find = "SELECT " + Columns + " FROM Secrets s WHERE s.upn = @upn";

        public const string Create =
            "INSERT INTO Secrets (upn, secret, logon, disabled, logoncount, failedlogoncount, algorithm, digits, period, created, changeversion) " +
            "SELECT @upn, @secret, 0, @disabled, 0, 0, @algorithm, @digits, @period, @now, 0 " +
            "WHERE NOT EXISTS (SELECT 1 FROM Secrets WHERE upn = @upn)";

        // The replay state is cleared with the secret: it was counted in the old period and belongs to the old secret.
        public const string Reset =
            "UPDATE Secrets SET secret = @secret, logon = 0, failedlogoncount = 0, lockeduntil = NULL, " +
            "lastaccepted = NULL, lastreplay = NULL, lasttimestep = NULL, " +
            "algorithm = @algorithm, digits = @digits, period = @period, changeversion = changeversion + 1 " +
            "WHERE upn = @upn";

        public const string ReplaceSecret =
            "UPDATE Secrets SET secret = @new, changeversion = changeversion + 1 WHERE upn = @upn AND secret = @old";

        // Accepted only when enabled, not locked and the step starts later than the last accepted one:
        // the check and the write are one statement, so two nodes cannot both accept one code.
        public const string RecordSuccess =
            "UPDATE Secrets SET logon = 1, lastlogon = @now, logoncount = logoncount + 1, failedlogoncount = 0, " +
            "lockeduntil = NULL, logonip = @ip, useragent = @agent, lastaccepted = @step, changeversion = changeversion + 1 " +
            "WHERE upn = @upn AND disabled = 0 AND (lockeduntil IS NULL OR lockeduntil <= @now) " +
            "AND (lastaccepted IS NULL OR lastaccepted < @step)";

        // A lock that has run out starts a fresh count; reaching @threshold (0 = never) sets the lock end.
        // All right-hand sides see the row as it was before this statement.
        private const string CountFailure =
            "failedlogoncount = CASE WHEN lockeduntil <= @now THEN 1 ELSE failedlogoncount + 1 END, " +
            "lockeduntil = CASE WHEN @threshold > 0 AND (CASE WHEN lockeduntil <= @now THEN 1 ELSE failedlogoncount + 1 END) >= @threshold THEN @lockend " +
            "WHEN lockeduntil <= @now THEN NULL ELSE lockeduntil END, " +
            "failedlastlogon = @now, failedcode = @code, logonip = @ip, useragent = @agent, changeversion = changeversion + 1";

        public const string RecordFailure = "UPDATE Secrets SET " + CountFailure + " WHERE upn = @upn";

        // Counted once per time step: the guard and the count are one statement, so racers count once.
        public const string RecordReplay =
            "UPDATE Secrets SET " + CountFailure + ", lastreplay = @step WHERE upn = @upn AND (lastreplay IS NULL OR lastreplay < @step)";

        public const string DeleteRecoveryCodes = "DELETE FROM RecoveryCodes WHERE upn = @upn";

        public const string UnusedRecoveryCodes = "SELECT codehash FROM RecoveryCodes WHERE upn = @upn AND used IS NULL ORDER BY codehash";

        public const string InsertRecoveryCode = "INSERT INTO RecoveryCodes (upn, codehash, created) VALUES (@upn, @hash, @now)";

        // Used once: the guard (unused, user enabled and not locked) and the write are one statement.
        public const string UseRecoveryCode =
            "UPDATE RecoveryCodes SET used = @now WHERE upn = @upn AND codehash = @hash AND used IS NULL " +
            "AND EXISTS (SELECT 1 FROM Secrets WHERE upn = @upn AND disabled = 0 AND (lockeduntil IS NULL OR lockeduntil <= @now))";

        // A recovery code signs in but does not confirm an enrolment: only the authenticator app's code does.
        public const string RecordRecoverySuccess =
            "UPDATE Secrets SET lastlogon = @now, logoncount = logoncount + 1, failedlogoncount = 0, lockeduntil = NULL, " +
            "logonip = @ip, useragent = @agent, changeversion = changeversion + 1 WHERE upn = @upn";

        public const string AddMetadata = "INSERT INTO Metadata (name, value) SELECT @name, @value WHERE NOT EXISTS (SELECT 1 FROM Metadata WHERE name = @name)";

        public const string ReadMetadata = "SELECT value FROM Metadata WHERE name = @name";

        // Schema 2 counted the last accepted code in periods; a reset to another period kept that count, which then
        // reads as decades ahead: such values are dropped (the secret is new), others become seconds, never lowered.
        public const string MigrateLastTimeStep =
            "UPDATE Secrets SET lastaccepted = CASE WHEN lasttimestep * period > @now + 3600 THEN lastaccepted " +
            "WHEN lastaccepted IS NULL OR lastaccepted < lasttimestep * period THEN lasttimestep * period ELSE lastaccepted END, " +
            "lasttimestep = NULL WHERE lasttimestep IS NOT NULL";

        public const string SetDisabled = "UPDATE Secrets SET disabled = @disabled, changeversion = changeversion + 1 WHERE upn = @upn";

        public const string Unlock = "UPDATE Secrets SET lockeduntil = NULL, failedlogoncount = 0, changeversion = changeversion + 1 WHERE upn = @upn";

        public const string Remove = "DELETE FROM Secrets WHERE upn = @upn";

        // Null filter parameters match everything, so one static statement serves every combination.
        private const string Filter =
            " WHERE (@pattern IS NULL OR upn LIKE @pattern ESCAPE '\\') " +
            "AND (@enrolled IS NULL OR logon = @enrolled) " +
            "AND (@disabled IS NULL OR disabled = @disabled) " +
            "AND (@locked IS NULL OR (@locked = 1 AND lockeduntil > @now) OR (@locked = 0 AND (lockeduntil IS NULL OR lockeduntil <= @now)))";

        // One statement per order Get-xOTP_User offers: the caller picks a constant, no text from it reaches the ORDER BY.
        // Ties go by upn so that pages never overlap; NULL (never signed in) sorts first ascending, last descending, in both
        // SQL Server and SQLite.
        private const string ListOrderedBy = "SELECT " + Columns + " FROM Secrets s" + Filter + " ORDER BY ";
        public const string ListByUpn = ListOrderedBy + "s.upn " + PagingPlaceholder;
        public const string ListByUpnDescending = ListOrderedBy + "s.upn DESC " + PagingPlaceholder;
        public const string ListByLastLogon = ListOrderedBy + "s.lastlogon, s.upn " + PagingPlaceholder;
        public const string ListByLastLogonDescending = ListOrderedBy + "s.lastlogon DESC, s.upn " + PagingPlaceholder;
        public const string ListByFailedLogonCount = ListOrderedBy + "s.failedlogoncount, s.upn " + PagingPlaceholder;
        public const string ListByFailedLogonCountDescending = ListOrderedBy + "s.failedlogoncount DESC, s.upn " + PagingPlaceholder;
        public const string ListByCreated = ListOrderedBy + "s.created, s.upn " + PagingPlaceholder;
        public const string ListByCreatedDescending = ListOrderedBy + "s.created DESC, s.upn " + PagingPlaceholder;

        /// <summary>The list statement for this order.</summary>
        public static string List(UserSortKey sortBy, bool descending)
        {
            switch (sortBy)
            {
                case UserSortKey.LastLogon: return descending ? ListByLastLogonDescending : ListByLastLogon;
                case UserSortKey.FailedLogonCount: return descending ? ListByFailedLogonCountDescending : ListByFailedLogonCount;
                case UserSortKey.Created: return descending ? ListByCreatedDescending : ListByCreated;
                default: return descending ? ListByUpnDescending : ListByUpn;
            }
        }

        public const string Count = "SELECT COUNT(*) FROM Secrets s" + Filter;
    }
}
