using System;
using System.IO;
using System.Security.Cryptography;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>SHA-256 of a file, as lower-case hex: how Install proves that what landed is what the module ships.</summary>
    public static class FileHash
    {
        public static string Sha256(string path)
        {
            using (var sha = SHA256.Create())
            using (var stream = File.OpenRead(path))
                return BitConverter.ToString(sha.ComputeHash(stream)).Replace("-", "").ToLowerInvariant();
        }
    }
}
