using SecureMFA.Core.Stores;

namespace SecureMFA.WebApi.Signing
{
    /// <summary>A request whose signature verified: its device, the device key (to sign the response), and its body.</summary>
    public sealed class SignedRequest
    {
        public SignedRequest(Device device, byte[] deviceKey, string nonce, byte[] body)
        {
            Device = device;
            DeviceKey = deviceKey;
            Nonce = nonce;
            Body = body;
        }

        public Device Device { get; }
        public byte[] DeviceKey { get; }
        public string Nonce { get; }
        public byte[] Body { get; }
    }
}
