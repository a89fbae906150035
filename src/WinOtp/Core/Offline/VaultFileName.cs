using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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
            var text = new StringBuilder(40);
            for (var i = 0; i < 20; i++) text.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
            return text.ToString();
        }

        public static string For(string upn) => Stem(upn) + Extension;
    }
}
