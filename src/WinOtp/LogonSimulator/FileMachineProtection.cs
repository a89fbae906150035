using System;
using System.IO;
using System.Security.Cryptography;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>
    /// The simulator's DPAPI machine scope: AES-256-CBC + HMAC-SHA256 under a random key in machine.key (created on
    /// first use, owner-only on Unix). Like DPAPI it refuses a blob made elsewhere, with other entropy, or altered.
    /// It protects nothing from whoever can read the state folder: it stands in for DPAPI, it is not one.
    /// </summary>
    public sealed class FileMachineProtection : IMachineProtection
    {
        private readonly byte[] _key;

        public FileMachineProtection(string keyPath)
        {
            if (File.Exists(keyPath)) _key = File.ReadAllBytes(keyPath);
            else
            {
                _key = RandomNumberGenerator.GetBytes(64);
                File.WriteAllBytes(keyPath, _key);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            if (_key.Length != 64) throw new InvalidDataException($"{keyPath} is not a simulator machine key (64 bytes).");
        }

        public byte[] Protect(byte[] data, byte[] entropy)
        {
            using var aes = Aes.Create();
            aes.Key = _key[..32];
            var iv = RandomNumberGenerator.GetBytes(16);
            var cipher = aes.EncryptCbc(data, iv);
            var body = Concat(iv, cipher);
            return Concat(body, Mac(body, entropy));
        }

        public byte[] Unprotect(byte[] blob, byte[] entropy)
        {
            if (blob.Length < 64) throw new CryptographicException("Not a protected blob.");
            var body = blob[..^32];
            if (!CryptographicOperations.FixedTimeEquals(Mac(body, entropy), blob[^32..])) throw new CryptographicException("The blob is not this machine's, has other entropy, or was altered.");
            using var aes = Aes.Create();
            aes.Key = _key[..32];
            return aes.DecryptCbc(body[16..], body[..16]);
        }

        private byte[] Mac(byte[] body, byte[] entropy) => HMACSHA256.HashData(_key[32..], Concat(Concat(BitConverter.GetBytes(entropy.Length), entropy), body));

        private static byte[] Concat(byte[] a, byte[] b)
        {
            var result = new byte[a.Length + b.Length];
            a.CopyTo(result, 0);
            b.CopyTo(result, a.Length);
            return result;
        }
    }
}
