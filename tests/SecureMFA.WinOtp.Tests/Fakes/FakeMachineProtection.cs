using System;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Otp.Crypto;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    /// <summary>
    /// DPAPI machine scope stand-in: AES-256-CBC + HMAC-SHA256 under this "machine's" key, the entropy inside the
    /// MAC, like DPAPI refusing a blob from another machine, with other entropy, or altered.
    /// </summary>
    public sealed class FakeMachineProtection : IMachineProtection
    {
        private readonly byte[] _machineKey;

        public FakeMachineProtection(byte[]? machineKey = null)
        {
            _machineKey = machineKey ?? RandomBytes(64);
        }

        public int Unprotects { get; private set; }

        public byte[] Protect(byte[] data, byte[] entropy)
        {
            var iv = RandomBytes(16);
            byte[] cipher;
            using (var aes = Aes.Create())
            using (var encryptor = aes.CreateEncryptor(Slice(_machineKey, 0, 32), iv))
                cipher = encryptor.TransformFinalBlock(data, 0, data.Length);
            var body = Concat(iv, cipher);
            return Concat(body, Mac(body, entropy));
        }

        public byte[] Unprotect(byte[] blob, byte[] entropy)
        {
            Unprotects++;
            if (blob.Length < 16 + 16 + 32) throw new CryptographicException("Not a protected blob.");
            var body = Slice(blob, 0, blob.Length - 32);
            if (!FixedTime.Equal(Mac(body, entropy), Slice(blob, blob.Length - 32, 32))) throw new CryptographicException("The blob is not this machine's, has other entropy, or was altered.");
            using (var aes = Aes.Create())
            using (var decryptor = aes.CreateDecryptor(Slice(_machineKey, 0, 32), Slice(body, 0, 16)))
                return decryptor.TransformFinalBlock(body, 16, body.Length - 16);
        }

        private byte[] Mac(byte[] body, byte[] entropy)
        {
            using (var hmac = new HMACSHA256(Slice(_machineKey, 32, 32)))
                return hmac.ComputeHash(Concat(Encoding.UTF8.GetBytes(Convert.ToBase64String(entropy) + "|"), body));
        }

        public static byte[] RandomBytes(int length)
        {
            var bytes = new byte[length];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return bytes;
        }

        private static byte[] Slice(byte[] source, int offset, int length)
        {
            var result = new byte[length];
            Buffer.BlockCopy(source, offset, result, 0, length);
            return result;
        }

        private static byte[] Concat(byte[] a, byte[] b)
        {
            var result = new byte[a.Length + b.Length];
            Buffer.BlockCopy(a, 0, result, 0, a.Length);
            Buffer.BlockCopy(b, 0, result, a.Length, b.Length);
            return result;
        }
    }
}
