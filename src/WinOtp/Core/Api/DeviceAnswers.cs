namespace SecureMFA.WinOtp.Api
{
    // The answers of the devices endpoints: POST /v1/devices/register and GET /v1/devices/self.

    /// <summary>POST /v1/devices/register: the device's id and key, to be stored under DPAPI at once.</summary>
    public sealed class RegistrationAnswer
    {
        public RegistrationAnswer(DeviceCredentials device, long serverTime)
        {
            Device = device;
            ServerTime = serverTime;
        }

        public DeviceCredentials Device { get; }
        public long ServerTime { get; }
    }

    /// <summary>GET /v1/devices/self: the API knows this device, and how far apart the two clocks are.</summary>
    public sealed class DeviceSelfAnswer
    {
        public string DeviceId { get; set; } = "";
        public string Machine { get; set; } = "";
        public string Registered { get; set; } = "";
        public long ServerTime { get; set; }
        /// <summary>This computer's clock minus the server's, in seconds, when the answer arrived. Requests fail past ±300.</summary>
        public long ClockSkewSeconds { get; set; }
    }
}
