using System;
using System.Globalization;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Otp.Protocol
{
    /// <summary>
    /// Encrypts a user's offline secret (<see cref="OfflineSecret"/>) for one device (docs/webapi-protocol.md, "wrappedSecret"): keys from HKDF-SHA256
    /// over the device key and the UPN, then <see cref="EncryptThenMac"/> with every package field as associated data.
    /// </summary>
    public static class OfflineSecretWrap
    {
        public static string Wrap(byte[] deviceKey, OfflinePackage package, byte[] secret, byte[]? iv = null)
        {
            var (encryptionKey, macKey) = Keys(deviceKey, package.Upn);
            return Convert.ToBase64String(EncryptThenMac.Seal(encryptionKey, macKey, secret, Fields(package), iv));
        }

        /// <summary>The secret, or null when any field, the IV or the ciphertext was altered, or the key is another device's.</summary>
        public static byte[]? Unwrap(byte[] deviceKey, OfflinePackage package)
        {
            byte[] sealedBytes;
            try { sealedBytes = Convert.FromBase64String(package.WrappedSecret ?? ""); }
            catch (FormatException) { return null; }
            var (encryptionKey, macKey) = Keys(deviceKey, package.Upn);
            return EncryptThenMac.Open(encryptionKey, macKey, sealedBytes, Fields(package));
        }

        /// <summary>The text the tag covers before the IV and ciphertext: every field, one per line.</summary>
        public static string AuthenticatedFields(OfflinePackage p) => string.Format(CultureInfo.InvariantCulture,
            "SMFA1-OFFLINE\n{0}\n{1}\n{2}\n{3}\n{4}\n{5}\n{6}\n{7}\n{8}\n{9}\n",
            p.V, p.Upn, p.Issuer, p.Alg, p.Digits, p.Period, p.ValidUntil, p.MaxFailures, p.LockoutMinutes, p.LastStep);

        private static byte[] Fields(OfflinePackage package) => Encoding.UTF8.GetBytes(AuthenticatedFields(package));

        private static (byte[] Encryption, byte[] Mac) Keys(byte[] deviceKey, string upn)
        {
            var okm = Hkdf.DeriveKey(deviceKey, null, Encoding.UTF8.GetBytes("SMFA1-OFFLINE-KEY\n" + upn), 64);
            var encryption = new byte[32];
            var mac = new byte[32];
            Buffer.BlockCopy(okm, 0, encryption, 0, 32);
            Buffer.BlockCopy(okm, 32, mac, 0, 32);
            return (encryption, mac);
        }
    }
}
