using System.Security.Cryptography;

namespace SecureMFA.Otp.Crypto
{
    /// <summary>Bytes from the operating system's cryptographic generator: every key, salt, IV, nonce and id we make.</summary>
    public static class RandomBytes
    {
        public static byte[] Of(int length)
        {
            var bytes = new byte[length];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return bytes;
        }
    }
}
