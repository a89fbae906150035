using System;
using SecureMFA.Otp.Protocol;
using SecureMFA.WinOtp.Api;

namespace SecureMFA.WinOtp.Logon
{
    /// <summary>
    /// Offline data waiting for Windows' verdict on the password: locking the vault under a password Windows then
    /// rejects would lock the user out of offline sign-in with the right one. Held in memory only.
    /// </summary>
    internal sealed class PendingVaultWrite
    {
        public PendingVaultWrite(string upn, DeviceCredentials device, byte[] secret, string password, OfflinePackage? package, long lastOnline)
        {
            Upn = upn;
            Device = device;
            Secret = secret;
            Password = password;
            Package = package;
            LastOnline = lastOnline;
        }

        public string Upn { get; }
        public DeviceCredentials Device { get; }
        public byte[] Secret { get; }
        public string Password { get; private set; }
        /// <summary>Set after an online accept (store the new package); null after a device-form offline success (re-lock the stored one).</summary>
        public OfflinePackage? Package { get; }
        public long LastOnline { get; }
        /// <summary>The authenticator entry the offline secret goes under (after an online accept).</summary>
        public string Entry { get; set; } = "";
        /// <summary>True when the user's vault did not hold this offline secret before this sign-in: show the entry once stored.</summary>
        public bool EntryIsNew { get; set; }

        public void Forget()
        {
            Array.Clear(Secret, 0, Secret.Length);
            Password = "";
        }
    }
}
