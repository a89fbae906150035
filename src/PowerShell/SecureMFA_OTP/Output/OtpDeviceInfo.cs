using System;
using System.ComponentModel;
using SecureMFA.Core.Stores;

namespace SecureMFA.Cmdlets.Output
{
    /// <summary>A computer registered with the WEB API, as administrators see it. Never carries the device key.</summary>
    [Description("One object per device: DeviceId, Machine, MachineSid, Registered, Revoked, RevokedAt, LastSeen and LastIp (times in " +
        "UTC). It never carries the device key.")]
    public sealed class OtpDeviceInfo
    {
        public string DeviceId { get; set; } = "";
        public string Machine { get; set; } = "";
        public string MachineSid { get; set; } = "";
        public DateTime Registered { get; set; }
        public bool Revoked { get; set; }
        public DateTime? RevokedAt { get; set; }
        /// <summary>When the device last made a request, to the hour (the API records it at most hourly).</summary>
        public DateTime? LastSeen { get; set; }
        public string? LastIp { get; set; }

        public static OtpDeviceInfo From(Device device) => new OtpDeviceInfo
        {
            DeviceId = device.Id,
            Machine = device.Machine,
            MachineSid = device.MachineSid,
            Registered = device.Created,
            Revoked = device.IsRevoked,
            RevokedAt = device.Revoked,
            LastSeen = device.LastSeen,
            LastIp = device.LastIp,
        };

        public override string ToString() => DeviceId;
    }
}
