using System;
using System.Collections.Generic;
using System.Data.Common;

namespace SecureMFA.Core.Stores.Sql
{
    /// <summary>The device registry in SQL Server or SQLite (table Devices): every change is one statement.</summary>
    public sealed class SqlDeviceRegistry : IDeviceRegistry
    {
        private readonly SqlStoreConnections _connections;

        /// <param name="onOpen">A statement run on every opened connection (SQLite: its busy timeout).</param>
        /// <param name="location">Where the registry is (server and database, or file), named in every failure: drivers often do not say.</param>
        public SqlDeviceRegistry(Func<DbConnection> connect, SqlDialect dialect, string? onOpen = null, string? location = null) =>
            _connections = new SqlStoreConnections(connect, dialect, onOpen, "device registry", location);

        /// <summary>Nothing to close: each call opens a pooled connection and closes it again.</summary>
        public void Dispose() { }

        public bool Add(Device device)
        {
            if (!DeviceId.IsWellFormed(device.Id)) throw new ArgumentException($"\"{device.Id}\" is not a device id.", nameof(device));
            return Run(c =>
            {
                try
                {
                    using (var command = SqlCommands.Create(c, SqlDeviceStatements.Add)
                        .With("@id", device.Id).With("@machine", device.Machine).With("@machinesid", device.MachineSid)
                        .With("@devicekey", device.ProtectedKey).With("@now", device.Created))
                        return command.ExecuteNonQuery() == 1;
                }
                catch (DbException) when (FindOn(c, device.Id) != null)
                {
                    // Another server inserted the same id between the check and the insert.
                    return false;
                }
            });
        }

        public Device? Find(string id) => DeviceId.IsWellFormed(id) ? Run(c => FindOn(c, id)) : null;

        public IReadOnlyList<Device> List() => Run(c =>
        {
            var devices = new List<Device>();
            using (var command = SqlCommands.Create(c, SqlDeviceStatements.List))
            using (var reader = command.ExecuteReader())
                while (reader.Read()) devices.Add(ReadDevice(reader));
            return (IReadOnlyList<Device>)devices;
        });

        public bool Revoke(string id, DateTime utcNow)
        {
            if (!DeviceId.IsWellFormed(id)) return false;
            return Run(c =>
            {
                using (var command = SqlCommands.Create(c, SqlDeviceStatements.Revoke).With("@id", id).With("@now", utcNow))
                    if (command.ExecuteNonQuery() == 1) return true;
                using (var exists = SqlCommands.Create(c, SqlDeviceStatements.Exists).With("@id", id))
                    return Convert.ToInt32(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
            });
        }

        public bool ReplaceKey(string id, string currentProtected, string newProtected)
        {
            if (!DeviceId.IsWellFormed(id)) return false;
            return Run(c =>
            {
                using (var command = SqlCommands.Create(c, SqlDeviceStatements.ReplaceKey).With("@id", id).With("@old", currentProtected).With("@new", newProtected))
                    return command.ExecuteNonQuery() == 1;
            });
        }

        public bool Touch(string id, DateTime utcNow, string? clientIp, TimeSpan minimumInterval)
        {
            if (!DeviceId.IsWellFormed(id)) return false;
            return Run(c =>
            {
                using (var command = SqlCommands.Create(c, SqlDeviceStatements.Touch)
                    .With("@id", id).With("@now", utcNow).With("@ip", LogonAttempt.Truncate(clientIp, LogonAttempt.MaxClientIpLength)).With("@before", utcNow - minimumInterval))
                    return command.ExecuteNonQuery() == 1;
            });
        }

        private static Device? FindOn(DbConnection connection, string id)
        {
            using (var command = SqlCommands.Create(connection, SqlDeviceStatements.Find).With("@id", id))
            using (var reader = command.ExecuteReader())
                return reader.Read() ? ReadDevice(reader) : null;
        }

        private static Device ReadDevice(DbDataReader r) => new Device
        {
            Id = r.GetString(0),
            Machine = r.GetString(1),
            MachineSid = SqlCommands.ReadText(r, 2) ?? "",
            ProtectedKey = r.GetString(3),
            Created = SqlCommands.ReadTime(r, 4) ?? DateTime.MinValue,
            Revoked = SqlCommands.ReadTime(r, 5),
            LastSeen = SqlCommands.ReadTime(r, 6),
            LastIp = SqlCommands.ReadText(r, 7),
        };

        private T Run<T>(Func<DbConnection, T> work) => _connections.Run(work);
    }
}
