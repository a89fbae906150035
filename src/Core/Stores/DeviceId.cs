using System;
using System.Security.Cryptography;

namespace SecureMFA.Core.Stores
{
    /// <summary>
    /// Device ids: 32 lower-case hex digits (128 random bits). One spelling only: stores that compare ids
    /// case-insensitively (SQL Server collations, LDAP) can never make two spellings name one device.
    /// </summary>
    public static class DeviceId
    {
        public const int Length = 32;

        public static string New()
        {
            var bytes = new byte[Length / 2];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return BitConverter.ToString(bytes).Replace("-", "").ToLowerInvariant();
        }

        /// <summary>True for an id this product could have issued.</summary>
        public static bool IsWellFormed(string? id)
        {
            if (id == null || id.Length != Length) return false;
            foreach (var c in id)
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
            return true;
        }
    }
}
