namespace SecureMFA.Core.Configuration
{
    /// <summary>Where OTP users are stored (config key auth_mode).</summary>
    public enum AuthMode
    {
        /// <summary>SQL Server, the production store for farms.</summary>
        MSSQL,
        /// <summary>sMFA-OTP-* attributes on the user object in Active Directory.</summary>
        AD,
        /// <summary>An embedded SQLite file: demo, tests, single-node.</summary>
        SQLITE,
    }
}
