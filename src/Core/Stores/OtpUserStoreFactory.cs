using SecureMFA.Core.Configuration;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Core.Stores.Sql;

namespace SecureMFA.Core.Stores
{
    /// <summary>Opens the store auth_mode names.</summary>
    public static class OtpUserStoreFactory
    {
        public static IOtpUserStore Open(ProviderConfiguration config)
        {
            switch (config.AuthMode)
            {
                case AuthMode.AD:
                    return new LdapOtpUserStore(LdapConnectionSettings.From(config));
                case AuthMode.MSSQL:
                    return SqlServerConnectionString.Open(config);
                default:
                    return SqliteStoreFactory.Open(config.SqlitePath);
            }
        }
    }
}
