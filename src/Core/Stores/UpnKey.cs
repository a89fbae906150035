using System;

namespace SecureMFA.Core.Stores
{
    /// <summary>The UPN as the stores key it: trimmed and lower case, so lookups are case-insensitive everywhere.</summary>
    public static class UpnKey
    {
        public const int MaxLength = 256;

        public static string Normalize(string upn)
        {
            if (upn == null) throw new ArgumentNullException(nameof(upn));
            var key = upn.Trim().ToLowerInvariant();
            if (key.Length == 0) throw new ArgumentException("The UPN is empty.", nameof(upn));
            if (key.Length > MaxLength) throw new ArgumentException($"The UPN is longer than {MaxLength} characters.", nameof(upn));
            return key;
        }
    }
}
