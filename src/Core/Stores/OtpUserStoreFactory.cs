using System;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Core.Stores.Sql;

namespace SecureMFA.Core.Stores
{
    /// <summary>Opens the store auth_mode names: its users, and the WEB API's device registry beside them. Hosts open both through Startup.Deployment.</summary>
    public static class OtpUserStoreFactory
    {
        /// <param name="events">where a store reports trouble it works around (the AD store's failover from the PDC emulator); by default the platform's event destination.</param>
        public static IOtpUserStore Open(ProviderConfiguration config, IEventSink? events = null) => In(config, events).Users();

        /// <param name="events">AD mode: where a failover from the PDC emulator is reported.</param>
        public static IDeviceRegistry OpenDevices(ProviderConfiguration config, IEventSink? events = null) => In(config, events).Devices();

        /// <summary>The WEB API's rollout records beside its devices (SQL, SQLite); none in AD (<see cref="NoRolloutRecords"/>).</summary>
        public static IRolloutRecords OpenRollout(ProviderConfiguration config) => config.AuthMode switch
        {
            AuthMode.AD => new NoRolloutRecords(),
            AuthMode.MSSQL => SqlServerConnectionString.OpenRollout(config),
            _ => SqliteStoreFactory.OpenRollout(config.SqlitePath),
        };

        /// <summary>One choice of store for both: the users and the devices always live in the same one.</summary>
        private static (Func<IOtpUserStore> Users, Func<IDeviceRegistry> Devices) In(ProviderConfiguration config, IEventSink? events)
        {
            switch (config.AuthMode)
            {
                case AuthMode.AD:
                    var directory = LdapConnectionSettings.From(config);
                    return (() => new LdapOtpUserStore(directory, events), () => new LdapDeviceRegistry(directory, events));
                case AuthMode.MSSQL:
                    return (() => SqlServerConnectionString.Open(config), () => SqlServerConnectionString.OpenDevices(config));
                default:
                    return (() => SqliteStoreFactory.Open(config.SqlitePath), () => SqliteStoreFactory.OpenDevices(config.SqlitePath));
            }
        }
    }
}
