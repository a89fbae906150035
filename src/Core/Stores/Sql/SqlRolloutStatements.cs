namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>
    /// The statements of the rollout records (tables FirstSightings and RolloutReports): T-SQL that runs unchanged on
    /// SQLite. Only parameters carry data. Each write is one statement, so farm nodes racing lose nothing.
    /// </summary>
    public static class SqlRolloutStatements
    {
        public const string AddFirstSighting =
            "INSERT INTO FirstSightings (upn, firstseen) SELECT @upn, @now WHERE NOT EXISTS (SELECT 1 FROM FirstSightings WHERE upn = @upn)";

        public const string FindFirstSighting = "SELECT firstseen FROM FirstSightings WHERE upn = @upn";

        public const string CountReport =
            "UPDATE RolloutReports SET reports = reports + 1, lastseen = @now, machine = @machine, scenario = @scenario " +
            "WHERE upn = @upn AND deviceid = @deviceid AND outcome = @outcome";

        public const string AddReport =
            "INSERT INTO RolloutReports (upn, mapped, deviceid, outcome, machine, scenario, firstseen, lastseen, reports) " +
            "SELECT @upn, @mapped, @deviceid, @outcome, @machine, @scenario, @now, @now, 1 " +
            "WHERE NOT EXISTS (SELECT 1 FROM RolloutReports WHERE upn = @upn AND deviceid = @deviceid AND outcome = @outcome)";

        public const string ListReports =
            "SELECT upn, mapped, deviceid, outcome, machine, scenario, firstseen, lastseen, reports FROM RolloutReports ORDER BY upn, deviceid, outcome";
    }
}
