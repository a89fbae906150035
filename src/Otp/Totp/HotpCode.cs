using System;
using System.Security.Cryptography;

namespace SecureMFA.Otp.Totp
{
    /// <summary>
    /// RFC 4226 HOTP value for one counter. Written without per-call allocations on .NET 10
    /// because it sits on the hot path of every sign-in; cross-checked against Otp.NET in tests.
    /// </summary>
    public static class HotpCode
    {
        private static readonly int[] PowersOfTen = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000 };

        public static int Compute(byte[] key, long counter, TotpAlgorithm algorithm, int digits)
        {
#if NETFRAMEWORK
            var message = new byte[8];
            for (var i = 7; i >= 0; i--) { message[i] = (byte)counter; counter >>= 8; }
            byte[] hash;
            using (var hmac = CreateHmac(algorithm, key)) hash = hmac.ComputeHash(message);
            return Truncate(hash, hash.Length, digits);
#else
            Span<byte> message = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, counter);
            Span<byte> hash = stackalloc byte[64];
            var length = algorithm switch
            {
                TotpAlgorithm.SHA1 => HMACSHA1.HashData(key, message, hash),
                TotpAlgorithm.SHA256 => HMACSHA256.HashData(key, message, hash),
                _ => HMACSHA512.HashData(key, message, hash),
            };
            return Truncate(hash, length, digits);
#endif
        }

#if NETFRAMEWORK
        private static HMAC CreateHmac(TotpAlgorithm algorithm, byte[] key)
        {
            switch (algorithm)
            {
                case TotpAlgorithm.SHA1: return new HMACSHA1(key);
                case TotpAlgorithm.SHA256: return new HMACSHA256(key);
                default: return new HMACSHA512(key);
            }
        }

        private static int Truncate(byte[] hash, int length, int digits)
#else
        private static int Truncate(ReadOnlySpan<byte> hash, int length, int digits)
#endif
        {
            // Dynamic truncation, RFC 4226 section 5.3.
            var offset = hash[length - 1] & 0x0F;
            var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
            return binary % PowersOfTen[digits];
        }
    }
}
