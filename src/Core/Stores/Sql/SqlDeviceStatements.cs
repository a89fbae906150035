namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>
    /// The statements of the device registry (table Devices, schema 3): T-SQL that runs unchanged on SQLite. Only
    /// parameters carry data. Tests parse each one with Microsoft's T-SQL parser.
    /// </summary>
    public static class SqlDeviceStatements
    {
        private const string Columns = "id, machine, machinesid, devicekey, created, revoked, lastseen, lastip";

        public const string Add =
            "INSERT INTO Devices (id, machine, machinesid, devicekey, created) SELECT @id, @machine, @machinesid, @devicekey, @now " +
            "WHERE NOT EXISTS (SELECT 1 FROM Devices WHERE id = @id)";

        public const string Find = "SELECT " + Columns + " FROM Devices WHERE id = @id";

        public const string List = "SELECT " + Columns + " FROM Devices ORDER BY created, id";

        // The first revocation time is kept: revoking again changes nothing.
        public const string Revoke = "UPDATE Devices SET revoked = @now WHERE id = @id AND revoked IS NULL";

        public const string ReplaceKey = "UPDATE Devices SET devicekey = @new WHERE id = @id AND devicekey = @old";

        public const string Exists = "SELECT COUNT(*) FROM Devices WHERE id = @id";

        // The interval check and the write are one statement: farm nodes racing on one device write once.
        public const string Touch =
            "UPDATE Devices SET lastseen = @now, lastip = @ip WHERE id = @id AND (lastseen IS NULL OR lastseen <= @before)";
    }
}
