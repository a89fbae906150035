using System;
using System.IO;
using System.Security.Cryptography;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>SHA-256 of a file, as lower-case hex: how Install proves that what landed is what the module ships.</summary>
    public static class FileHash
    {
        public static string Sha256(string path)
        {
            using (var sha = SHA256.Create())
            using (var stream = File.OpenRead(path))
                return LowerHex.Of(sha.ComputeHash(stream));
        }
    }
}
