using System;
using System.Collections.Generic;

namespace SecureMFA.Core.Stores
{
    /// <summary>
    /// The WEB API's registered devices, kept in the same store as the users (SQL Server, SQLite or AD) so every API
    /// server of a farm knows every device and a revocation holds everywhere at the next request. Failures to reach
    /// the store raise <see cref="StoreUnavailableException"/>. Ids are compared exactly (<see cref="DeviceId"/>).
    /// Disposing closes what the registry holds open (the AD registry's connections).
    /// </summary>
    public interface IDeviceRegistry : IDisposable
    {
        /// <summary>Stores a new device; false when the id is already taken.</summary>
        bool Add(Device device);

        Device? Find(string id);

        /// <summary>Every device, revoked ones included, oldest first.</summary>
        IReadOnlyList<Device> List();

        /// <summary>
        /// Marks the device revoked at <paramref name="utcNow"/>; a device revoked before keeps its first revocation
        /// time. False when there is no such device.
        /// </summary>
        bool Revoke(string id, DateTime utcNow);

        /// <summary>
        /// Records when and from where the device was last seen, but only when the stored time is older than
        /// <paramref name="minimumInterval"/> (or absent): one write per interval per device however busy it is, and
        /// farm nodes racing write once. True when this call wrote.
        /// </summary>
        bool Touch(string id, DateTime utcNow, string? clientIp, TimeSpan minimumInterval);

        /// <summary>
        /// Writes a re-protected device key (another passphrase or format), only if the stored value is still
        /// <paramref name="currentProtected"/>. False when it was not written.
        /// </summary>
        bool ReplaceKey(string id, string currentProtected, string newProtected);
    }
}
