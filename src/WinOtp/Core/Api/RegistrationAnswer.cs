namespace SecureMFA.WinOtp.Api
{
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
}
