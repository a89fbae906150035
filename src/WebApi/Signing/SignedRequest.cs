using SecureMFA.Core.Stores;

namespace SecureMFA.WebApi.Signing
{
    /// <summary>A request whose signature verified: its device, the device key (to sign the response), nonce, timestamp and body.</summary>
    public sealed class SignedRequest
    {
        public SignedRequest(Device device, byte[] deviceKey, string nonce, long timestamp, byte[] body) =>
            (Device, DeviceKey, Nonce, Timestamp, Body) = (device, deviceKey, nonce, timestamp, body);

        public Device Device { get; }
        public byte[] DeviceKey { get; }
        public string Nonce { get; }

        /// <summary>X-SMFA-Timestamp, Unix seconds.</summary>
        public long Timestamp { get; }
        public byte[] Body { get; }
    }
}
