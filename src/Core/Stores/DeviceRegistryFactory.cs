using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Core.Stores.Sql;

namespace SecureMFA.Core.Stores
{
    /// <summary>Opens the device registry in the store auth_mode names, beside the users.</summary>
    public static class DeviceRegistryFactory
    {
        /// <param name="events">AD mode: where a failover from the PDC emulator is reported.</param>
        public static IDeviceRegistry Open(ProviderConfiguration config, IEventSink? events = null)
        {
            switch (config.AuthMode)
            {
                case AuthMode.AD:
                    return new LdapDeviceRegistry(LdapConnectionSettings.From(config), events);
                case AuthMode.MSSQL:
                    return SqlServerConnectionString.OpenDevices(config);
                default:
                    return SqliteStoreFactory.OpenDevices(config.SqlitePath);
            }
        }
    }
}
