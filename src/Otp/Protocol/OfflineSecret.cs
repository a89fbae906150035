using System;
using System.Security.Cryptography;
using System.Text;

namespace SecureMFA.Otp.Protocol
{
    /// <summary>
    /// The per-computer offline credential (docs/webapi-protocol.md, "Offline secret"): a TOTP secret of its own for one
    /// user on one device, HMAC-SHA256(key = the user's secret, "SMFA1-OFFLINE-SECRET\n" + deviceId) cut to 20 bytes.
    /// One-way: it does not give back the user's secret, so whoever unwraps an offline package holds a secret that
    /// the WEB API and AD FS never accept. A reset of the user or a new registration of the device changes it, and the
    /// server stores nothing new: it derives it again when it issues a package.
    /// </summary>
    public static class OfflineSecret
    {
        public const string Label = "SMFA1-OFFLINE-SECRET\n";
        public const int Bytes = 20;

        public static byte[] Derive(byte[] userSecret, string deviceId)
        {
            if (userSecret == null || userSecret.Length == 0) throw new ArgumentException("The user's secret is empty.", nameof(userSecret));
            if (string.IsNullOrEmpty(deviceId)) throw new ArgumentException("The device id is empty.", nameof(deviceId));
            byte[] mac;
            using (var hmac = new HMACSHA256(userSecret)) mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(Label + deviceId));
            var secret = new byte[Bytes];
            Buffer.BlockCopy(mac, 0, secret, 0, Bytes);
            Array.Clear(mac, 0, mac.Length);
            return secret;
        }
    }
}
