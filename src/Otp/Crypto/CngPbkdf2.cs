#if NETFRAMEWORK
using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SecureMFA.Otp.Crypto
{
    /// <summary>
    /// PBKDF2-HMAC-SHA256 in one call to Windows CNG (bcrypt.h, Windows 7 and later): the HMAC loop runs natively in
    /// the FIPS-validated primitive provider. Only ever called on Windows; see <see cref="Pbkdf2Route"/> for where
    /// bcrypt.dll or the entry point is missing.
    /// </summary>
    internal static class CngPbkdf2
    {
        private const string Sha256Algorithm = "SHA256";
        private const uint BCRYPT_ALG_HANDLE_HMAC_FLAG = 0x00000008;

        public static byte[] Sha256(byte[] password, byte[] salt, int iterations, int length)
        {
            var status = BCryptOpenAlgorithmProvider(out var algorithm, Sha256Algorithm, null, BCRYPT_ALG_HANDLE_HMAC_FLAG);
            if (status != 0) throw Failure(nameof(BCryptOpenAlgorithmProvider), status);
            try
            {
                var derived = new byte[length];
                // An empty array may reach CNG as a null pointer, which it refuses even with a length of zero.
                var passwordBuffer = password.Length == 0 ? new byte[1] : password;
                status = BCryptDeriveKeyPBKDF2(algorithm, passwordBuffer, (uint)password.Length, salt, (uint)salt.Length, (ulong)iterations, derived, (uint)derived.Length, 0);
                if (status != 0)
                {
                    Array.Clear(derived, 0, derived.Length);
                    throw Failure(nameof(BCryptDeriveKeyPBKDF2), status);
                }
                return derived;
            }
            finally { BCryptCloseAlgorithmProvider(algorithm, 0); }
        }

        private static CryptographicException Failure(string function, int status) =>
            new CryptographicException($"{function} failed with NTSTATUS 0x{status:x8}.");

        [DllImport("bcrypt.dll", CharSet = CharSet.Unicode, ExactSpelling = true)]
        private static extern int BCryptOpenAlgorithmProvider(out IntPtr phAlgorithm, string pszAlgId, string? pszImplementation, uint dwFlags);

        [DllImport("bcrypt.dll", ExactSpelling = true)]
        private static extern int BCryptCloseAlgorithmProvider(IntPtr hAlgorithm, uint dwFlags);

        [DllImport("bcrypt.dll", ExactSpelling = true)]
        private static extern int BCryptDeriveKeyPBKDF2(IntPtr hPrf, byte[] pbPassword, uint cbPassword, byte[] pbSalt, uint cbSalt, ulong cIterations,
            byte[] pbDerivedKey, uint cbDerivedKey, uint dwFlags);
    }
}
#endif
