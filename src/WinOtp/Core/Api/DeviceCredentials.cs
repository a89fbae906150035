using System;

namespace SecureMFA.WinOtp.Api
{
    /// <summary>What a registered device signs with: its id and its 32-byte key. The key never leaves memory unprotected.</summary>
    public sealed class DeviceCredentials
    {
        public DeviceCredentials(string deviceId, byte[] key)
        {
            if (!IsDeviceId(deviceId)) throw new ArgumentException("A device id is 1-64 characters of A-Z, a-z, 0-9, _ and -.", nameof(deviceId));
            if (key == null || key.Length != Otp.Protocol.MessageSignature.DeviceKeyBytes) throw new ArgumentException("A device key is 32 bytes.", nameof(key));
            DeviceId = deviceId;
            Key = key;
        }

        public string DeviceId { get; }
        public byte[] Key { get; }

        public static bool IsDeviceId(string? id)
        {
            if (string.IsNullOrEmpty(id) || id!.Length > 64) return false;
            foreach (var c in id)
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
            return true;
        }
    }
}
