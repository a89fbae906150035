using System;
using SecureMFA.Otp.Crypto;

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
            return LowerHex.Of(RandomBytes.Of(Length / 2));
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
