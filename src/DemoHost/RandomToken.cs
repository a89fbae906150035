using System;
using System.Security.Cryptography;

namespace SecureMFA.DemoHost
{
    /// <summary>Unguessable tokens (256 bits, URL- and cookie-safe) for sign-ins, sessions and the login form.</summary>
    public static class RandomToken
    {
        public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

        /// <summary>Whether a value from a request could be one of ours, before it is looked up or hashed.</summary>
        public static bool IsWellFormed(string? value)
        {
            if (value == null || value.Length != 43) return false;
            foreach (var c in value)
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) return false;
            return true;
        }
    }
}
