using System;

namespace SecureMFA.Core.Stores
{
    /// <summary>
    /// A computer registered with the WEB API (SQL table Devices, or a serviceConnectionPoint under
    /// CN=Devices,CN=SecureMFA OTP,CN=Program Data in AD). The device key stays protected here: it is encrypted with
    /// the product's secret protector, bound to "device:" + id (<see cref="KeyBinding"/>).
    /// </summary>
    public sealed class Device
    {
        public string Id { get; set; } = "";
        public string Machine { get; set; } = "";
        public string MachineSid { get; set; } = "";
        public string ProtectedKey { get; set; } = "";
        public DateTime Created { get; set; }
        public DateTime? Revoked { get; set; }
        public DateTime? LastSeen { get; set; }
        public string? LastIp { get; set; }

        public bool IsRevoked => Revoked.HasValue;

        /// <summary>What the device key's encryption is bound to, so a key copied onto another device is refused.</summary>
        public static string KeyBinding(string id) => "device:" + id;
    }
}
