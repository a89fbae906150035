namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>The sMFA-OTP-* attributes added to the user class by ad-schema/SecureMFA_OTP_schema.ldf.</summary>
    public static class LdapAttributes
    {
        public const string Secret = "sMFA-OTP-Secret";
        public const string Logon = "sMFA-OTP-Logon";
        public const string Disabled = "sMFA-OTP-Disabled";
        public const string LastLogon = "sMFA-OTP-LastLogon";
        public const string LogonCount = "sMFA-OTP-LogonCount";
        public const string FailedLogonCount = "sMFA-OTP-FailedLogonCount";
        public const string FailedLastLogon = "sMFA-OTP-FailedLastLogon";
        public const string FailedCode = "sMFA-OTP-FailedCode";
        public const string LogonIp = "sMFA-OTP-LogonIp";
        public const string UserAgent = "sMFA-OTP-UserAgent";
        /// <summary>Schema 1: the last accepted time step in periods. Read once to carry it over, then cleared.</summary>
        public const string LastTimeStep = "sMFA-OTP-LastTimeStep";
        public const string LastAccepted = "sMFA-OTP-LastAccepted";
        public const string LastReplay = "sMFA-OTP-LastReplay";
        /// <summary>Hashes of the unused recovery codes, separated by ';'.</summary>
        public const string RecoveryCodes = "sMFA-OTP-RecoveryCodes";
        public const string RecoveryCodesUsed = "sMFA-OTP-RecoveryCodesUsed";
        public const string LockedUntil = "sMFA-OTP-LockedUntil";
        public const string Parameters = "sMFA-OTP-Parameters";
        public const string Created = "sMFA-OTP-Created";

        /// <summary>Bumped by every write: the compare-and-swap token that makes concurrent changes retry, not overwrite.</summary>
        public const string ChangeVersion = "sMFA-OTP-ChangeVersion";

        public const string UserPrincipalName = "userPrincipalName";

        public static readonly string[] All =
        {
            Secret, Logon, Disabled, LastLogon, LogonCount, FailedLogonCount, FailedLastLogon, FailedCode,
            LogonIp, UserAgent, LastTimeStep, LockedUntil, Parameters, Created, ChangeVersion,
            LastAccepted, LastReplay, RecoveryCodes, RecoveryCodesUsed,
        };
    }
}
