using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Core.Stores.Sql;

namespace SecureMFA.Core.Stores
{
    /// <summary>Opens the store auth_mode names.</summary>
    public static class OtpUserStoreFactory
    {
        /// <param name="events">where a store reports trouble it works around (the AD store's failover from the PDC emulator); by default the platform's event destination.</param>
        public static IOtpUserStore Open(ProviderConfiguration config, IEventSink? events = null)
        {
            switch (config.AuthMode)
            {
                case AuthMode.AD:
                    return new LdapOtpUserStore(LdapConnectionSettings.From(config), events);
                case AuthMode.MSSQL:
                    return SqlServerConnectionString.Open(config);
                default:
                    return SqliteStoreFactory.Open(config.SqlitePath);
            }
        }
    }
}
