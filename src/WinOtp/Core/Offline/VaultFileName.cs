using System.Security.Cryptography;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.WinOtp.Offline
{
    /// <summary>A vault's file name and registry anchor name: 40 hex digits of SHA-256 of the lower-case UPN.</summary>
    public static class VaultFileName
    {
        public const string Extension = ".vault";

        public static string Stem(string upn)
        {
            byte[] hash;
            using (var sha = SHA256.Create()) hash = sha.ComputeHash(Encoding.UTF8.GetBytes(upn.ToLowerInvariant()));
            return LowerHex.Of(hash, 20);
        }

        public static string For(string upn) => Stem(upn) + Extension;
    }
}
