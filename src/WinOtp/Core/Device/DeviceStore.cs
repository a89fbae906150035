using System;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Device
{
    /// <summary>
    /// The device id (win_device_id, REG_SZ) and key (win_device_key, REG_BINARY: the 32 bytes under DPAPI machine
    /// scope, bound to the id) under HKLM\Software\SecureMFA. A copied registry value does not work on another
    /// computer, and the key is never written anywhere unprotected.
    /// </summary>
    public sealed class DeviceStore
    {
        private readonly IMachineRegistry _registry;
        private readonly IMachineProtection _protection;

        public DeviceStore(IMachineRegistry registry, IMachineProtection protection)
        {
            _registry = registry ?? throw new ArgumentNullException(nameof(registry));
            _protection = protection ?? throw new ArgumentNullException(nameof(protection));
        }

        public void Save(DeviceCredentials device)
        {
            var blob = _protection.Protect(device.Key, Entropy(device.DeviceId));
            _registry.SetValue("", SettingNames.DeviceKey, blob);
            _registry.SetValue("", SettingNames.DeviceId, device.DeviceId);
        }

        /// <summary>The device, or null with <paramref name="problem"/> saying why (not registered, or the key unreadable).</summary>
        public DeviceCredentials? Load(out string? problem)
        {
            problem = null;
            var id = _registry.GetValue("", SettingNames.DeviceId) as string;
            var blob = _registry.GetValue("", SettingNames.DeviceKey) as byte[];
            if (string.IsNullOrEmpty(id) && blob == null)
            {
                problem = "This computer is not registered with the SecureMFA WEB API (no " + SettingNames.DeviceId + ").";
                return null;
            }
            if (!DeviceCredentials.IsDeviceId(id) || blob == null)
            {
                problem = SettingNames.DeviceId + " or " + SettingNames.DeviceKey + " is missing or malformed; register the computer again.";
                return null;
            }
            byte[] key;
            try { key = _protection.Unprotect(blob, Entropy(id!)); }
            catch (CryptographicException)
            {
                problem = SettingNames.DeviceKey + " cannot be opened on this computer (copied from another, or altered); register the computer again.";
                return null;
            }
            if (key.Length != Otp.Protocol.MessageSignature.DeviceKeyBytes)
            {
                problem = SettingNames.DeviceKey + " does not hold a 32-byte key; register the computer again.";
                return null;
            }
            return new DeviceCredentials(id!, key);
        }

        public bool IsRegistered => _registry.GetValue("", SettingNames.DeviceId) != null;

        public void Clear()
        {
            _registry.DeleteValue("", SettingNames.DeviceId);
            _registry.DeleteValue("", SettingNames.DeviceKey);
        }

        private static byte[] Entropy(string deviceId) => Encoding.UTF8.GetBytes("SecureMFA WIN OTP device key\n" + deviceId);
    }
}
