using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Device
{
    /// <summary>
    /// The device id (win_device_id, REG_SZ) and key (win_device_key, REG_BINARY: the 32 bytes under DPAPI machine
    /// scope, bound to the id) in HKLM\Software\SecureMFA\Device, a key only SYSTEM and Administrators may open.
    /// <para>
    /// DPAPI machine scope opens for any process on this computer: it keeps a copied value from working on another
    /// computer, nothing more. The ACL is what keeps the key from local users (an RDP server's users above all). A key
    /// found open to anyone else is not used, and neither are the values earlier versions kept in
    /// HKLM\Software\SecureMFA itself, readable by every local user: whoever read the key can sign API requests as this
    /// computer (lock users out by guessing, fetch offline packages) and forge the API's answers to it, so the only
    /// repair is a new registration (and revoking the old device at the API), not a corrected ACL.
    /// </para>
    /// </summary>
    public sealed class DeviceStore
    {
        private const string Key = SettingNames.DeviceKeyName;
        private readonly IMachineRegistry _registry;
        private readonly IMachineProtection _protection;

        public DeviceStore(IMachineRegistry registry, IMachineProtection protection)
        {
            _registry = registry ?? throw new ArgumentNullException(nameof(registry));
            _protection = protection ?? throw new ArgumentNullException(nameof(protection));
        }

        /// <summary>
        /// Creates HKLM\Software\SecureMFA\Device with its ACL (SYSTEM and Administrators only) and checks that nobody
        /// else has access; throws <see cref="UnauthorizedAccessException"/> naming who still has. Called before a
        /// registration is asked for, so a key that cannot be kept safe never leaves the API.
        /// </summary>
        public void PrepareProtectedKey()
        {
            _registry.ProtectKey(Key);
            RequireProtected();
        }

        /// <summary>Stores the device in the protected key (refused when the key is open to others) and removes an earlier version's values.</summary>
        public void Save(DeviceCredentials device)
        {
            RequireProtected();
            var blob = _protection.Protect(device.Key, Entropy(device.DeviceId));
            _registry.SetValue(Key, SettingNames.DeviceKey, blob);
            _registry.SetValue(Key, SettingNames.DeviceId, device.DeviceId);
            foreach (var name in new[] { SettingNames.DeviceId, SettingNames.DeviceKey })
                if (_registry.GetValue("", name) != null) _registry.DeleteValue("", name);
            if (_registry.GetValue(Key, SettingNames.DeviceRevoked) != null) _registry.DeleteValue(Key, SettingNames.DeviceRevoked);
        }

        /// <summary>
        /// Records that the WEB API said, in an answer signed with this device's key, that the device is revoked: from now
        /// on <see cref="Load"/> refuses it (no online and no offline sign-in) until the computer registers again.
        /// </summary>
        public void MarkRevoked(DeviceCredentials device) => _registry.SetValue(Key, SettingNames.DeviceRevoked, device.DeviceId);

        /// <summary>True when the registered device is the one the API said was revoked.</summary>
        public bool IsRevoked
        {
            get
            {
                var revoked = _registry.GetValue(Key, SettingNames.DeviceRevoked) as string;
                return revoked != null && string.Equals(revoked, _registry.GetValue(Key, SettingNames.DeviceId) as string, StringComparison.Ordinal);
            }
        }

        /// <summary>The device, or null with <paramref name="problem"/> saying why (not registered, exposed, or the key unreadable).</summary>
        public DeviceCredentials? Load(out string? problem)
        {
            problem = null;
            var id = _registry.GetValue(Key, SettingNames.DeviceId) as string;
            var blob = _registry.GetValue(Key, SettingNames.DeviceKey) as byte[];
            if (string.IsNullOrEmpty(id) && blob == null)
            {
                problem = PreviousVersionDeviceExists
                    ? $"The device key of an earlier version is in {SettingNames.RegistryPath}, where every local user can read it, and is not used. {Reregister(PreviousVersionDeviceId)}"
                    : $"This computer is not registered with the SecureMFA WEB API (no {SettingNames.DeviceId} in {SettingNames.DeviceRegistryPath}).";
                return null;
            }
            if (IsRevoked)
            {
                problem = $"The SecureMFA WEB API answered that device {id} was revoked by an administrator; register this computer again (Install-SecureMFA_WIN_OTP_AuthenticationProvider with -api_headers_value).";
                return null;
            }
            var others = _registry.OthersWithAccess(Key) ?? new[] { "(the key cannot be found)" };
            if (others.Count > 0)
            {
                problem = $"{SettingNames.DeviceRegistryPath} is open to {string.Join(", ", others)}, not only SYSTEM and Administrators, so the device key is not used: " +
                    $"whoever read it can act as this computer. {Reregister(id)}";
                return null;
            }
            if (!DeviceCredentials.IsDeviceId(id) || blob == null)
            {
                problem = $"{SettingNames.DeviceId} or {SettingNames.DeviceKey} in {SettingNames.DeviceRegistryPath} is missing or malformed; register the computer again.";
                return null;
            }
            byte[] key;
            try { key = _protection.Unprotect(blob, Entropy(id!)); }
            catch (CryptographicException)
            {
                problem = $"{SettingNames.DeviceKey} cannot be opened on this computer (copied from another, or altered); register the computer again.";
                return null;
            }
            if (key.Length != Otp.Protocol.MessageSignature.DeviceKeyBytes)
            {
                problem = $"{SettingNames.DeviceKey} does not hold a 32-byte key; register the computer again.";
                return null;
            }
            return new DeviceCredentials(id!, key);
        }

        public bool IsRegistered => _registry.GetValue(Key, SettingNames.DeviceId) != null;

        /// <summary>The device id an earlier version left in HKLM\Software\SecureMFA (its key readable by every local user), or null.</summary>
        public string? PreviousVersionDeviceId => _registry.GetValue("", SettingNames.DeviceId) as string;

        private bool PreviousVersionDeviceExists => PreviousVersionDeviceId != null || _registry.GetValue("", SettingNames.DeviceKey) != null;

        /// <summary>The key must exist with its own ACL: values written into a key that is not there would create it with the inherited one.</summary>
        private void RequireProtected()
        {
            var others = _registry.OthersWithAccess(Key);
            if (others == null)
                throw new UnauthorizedAccessException($"{SettingNames.DeviceRegistryPath} does not exist with its ACL (SYSTEM and Administrators only); the device key is not stored.");
            if (others.Count > 0)
                throw new UnauthorizedAccessException($"{SettingNames.DeviceRegistryPath} could not be limited to SYSTEM and Administrators ({string.Join(", ", others)}" +
                    $" still {(others.Count == 1 ? "has" : "have")} access); the device key is not stored there.");
        }

        private static string Reregister(string? oldDeviceId) =>
            "Register this computer again (Install-SecureMFA_WIN_OTP_AuthenticationProvider with -api_headers_value) and revoke the old device" +
            $"{(DeviceCredentials.IsDeviceId(oldDeviceId) ? $" {oldDeviceId}" : "")} at the WEB API (Revoke-xOTP_Device).";

        private static byte[] Entropy(string deviceId) => Encoding.UTF8.GetBytes($"SecureMFA WIN OTP device key\n{deviceId}");
    }
}
