using System;
using System.Security.Cryptography;

namespace SecureMFA.Otp.Crypto
{
    /// <summary>
    /// PBKDF2-HMAC-SHA256 (RFC 8018), the one slow key derivation every SecureMFA key at rest and every offline
    /// vault uses. .NET 10's Rfc2898DeriveBytes.Pbkdf2 is already one native call. On .NET Framework the
    /// Rfc2898DeriveBytes class runs a managed HMAC loop (seconds for 600,000 iterations, at every offline unlock
    /// and at the first AD FS sign-in), so on Windows the derivation is CNG's BCryptDeriveKeyPBKDF2 (FIPS-validated,
    /// same output) and the managed loop is kept only where CNG is absent (Mono on Linux).
    /// </summary>
    public static class Pbkdf2
    {
        /// <summary>.NET Framework's Rfc2898DeriveBytes refuses shorter salts; CNG would take them, so every path refuses them.</summary>
        public const int MinimumSaltBytes = 8;

#if NETFRAMEWORK
        private static readonly Pbkdf2Route Route = new Pbkdf2Route(
            Environment.OSVersion.Platform == PlatformID.Win32NT ? CngPbkdf2.Sha256 : (Pbkdf2Route.Derivation?)null,
            FrameworkManagedSha256);
#endif

        public static byte[] Sha256(byte[] password, byte[] salt, int iterations, int length)
        {
            if (password == null) throw new ArgumentNullException(nameof(password));
            if (salt == null) throw new ArgumentNullException(nameof(salt));
            if (salt.Length < MinimumSaltBytes) throw new ArgumentException($"The salt must have at least {MinimumSaltBytes} bytes.", nameof(salt));
            if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "PBKDF2 needs at least one iteration.");
            if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), length, "PBKDF2 yields at least one byte.");
#if NETFRAMEWORK
            return Route.Derive(password, salt, iterations, length);
#else
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, length);
#endif
        }

        /// <summary>Which implementation <see cref="Sha256"/> runs in this process (for the benchmark and the checks).</summary>
        public static string Implementation =>
#if NETFRAMEWORK
            Route.UsesNative ? "CNG BCryptDeriveKeyPBKDF2" : "managed Rfc2898DeriveBytes (.NET Framework)";
#else
            "Rfc2898DeriveBytes.Pbkdf2 (.NET)";
#endif

#if NETFRAMEWORK
        /// <summary>
        /// Framework's own loop: HMACSHA256 per iteration, which under the FIPS policy runs over
        /// SHA256CryptoServiceProvider instead of SHA256Managed, so it never throws there.
        /// </summary>
        public static byte[] FrameworkManagedSha256(byte[] password, byte[] salt, int iterations, int length)
        {
            using (var pbkdf2 = new Rfc2898DeriveBytes(password, salt, iterations, HashAlgorithmName.SHA256))
                return pbkdf2.GetBytes(length);
        }
#endif
    }
}
