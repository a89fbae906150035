using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace DocClient
{
    /// <summary>Sections 3, 4 and 7 ("Offline package") of docs/webapi-protocol.md, exactly as written there.</summary>
    public static class Protocol
    {
        public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

        public static string BodyHash(byte[] body) => Hex(SHA256.HashData(body));

        /// <summary>Section 3: six parts joined with \n, no trailing line feed, UTF-8, HMAC-SHA256, base64.</summary>
        public static string SignRequest(byte[] deviceKey, string method, string path, string timestamp, string nonce, byte[] body)
        {
            var text = string.Join("\n", "SMFA1", method.ToUpperInvariant(), path, timestamp, nonce, BodyHash(body));
            return Convert.ToBase64String(HMACSHA256.HashData(deviceKey, Encoding.UTF8.GetBytes(text)));
        }

        /// <summary>Section 4: the response string binds the request's nonce, the status and the body as received.</summary>
        public static string ResponseSignature(byte[] deviceKey, string requestNonce, int status, byte[] body)
        {
            var text = string.Join("\n", "SMFA1-RESP", requestNonce, status.ToString(System.Globalization.CultureInfo.InvariantCulture), BodyHash(body));
            return Convert.ToBase64String(HMACSHA256.HashData(deviceKey, Encoding.UTF8.GetBytes(text)));
        }

        /// <summary>Constant-time check of a response signature; a missing one is a failure.</summary>
        public static bool ResponseSignatureIsRight(byte[] deviceKey, string requestNonce, int status, byte[] body, string? presented)
        {
            if (presented == null) return false;
            byte[] given;
            try { given = Convert.FromBase64String(presented); }
            catch (FormatException) { return false; }
            var expected = Convert.FromBase64String(ResponseSignature(deviceKey, requestNonce, status, body));
            return CryptographicOperations.FixedTimeEquals(expected, given);
        }

        /// <summary>RFC 5869 with HMAC-SHA256; "no salt" is 32 zero bytes.</summary>
        public static byte[] Hkdf(byte[] ikm, byte[] info, int length)
        {
            var prk = HMACSHA256.HashData(new byte[32], ikm);
            var okm = new byte[length];
            var previous = Array.Empty<byte>();
            for (int block = 1, offset = 0; offset < length; block++)
            {
                var input = new byte[previous.Length + info.Length + 1];
                previous.CopyTo(input, 0);
                info.CopyTo(input, previous.Length);
                input[^1] = (byte)block;
                previous = HMACSHA256.HashData(prk, input);
                var take = Math.Min(previous.Length, length - offset);
                Array.Copy(previous, 0, okm, offset, take);
                offset += take;
            }
            return okm;
        }

        /// <summary>Section 7, "Offline secret": HMAC-SHA256(key = the user's secret, "SMFA1-OFFLINE-SECRET\n" + deviceId), first 20 bytes.</summary>
        public static byte[] OfflineSecret(byte[] userSecret, string deviceId) =>
            HMACSHA256.HashData(userSecret, Encoding.UTF8.GetBytes("SMFA1-OFFLINE-SECRET\n" + deviceId))[..20];

        /// <summary>The offline package's authenticated fields: each line ended by \n, numbers in decimal.</summary>
        public static string Fields(OfflinePackage p) =>
            string.Concat(new[] { "SMFA1-OFFLINE", p.V.ToString(), p.Upn, p.Issuer, p.Alg, p.Digits.ToString(), p.Period.ToString(), p.ValidUntil.ToString(),
                p.MaxFailures.ToString(), p.LockoutMinutes.ToString(), p.LastStep.ToString() }.Select(l => l + "\n"));

        /// <summary>Unwraps wrappedSecret; null when the tag is wrong (altered, or another device's or user's package).</summary>
        public static byte[]? Unwrap(byte[] deviceKey, OfflinePackage p)
        {
            var okm = Hkdf(deviceKey, Encoding.UTF8.GetBytes("SMFA1-OFFLINE-KEY\n" + p.Upn), 64);
            var encryptionKey = okm[..32];
            var macKey = okm[32..];
            var payload = Convert.FromBase64String(p.WrappedSecret);
            if (payload.Length < 16 + 16 + 32) return null;
            var iv = payload[..16];
            var ciphertext = payload[16..^32];
            var tag = payload[^32..];
            var fields = Encoding.UTF8.GetBytes(Fields(p));
            var expected = HMACSHA256.HashData(macKey, fields.Concat(iv).Concat(ciphertext).ToArray());
            if (!CryptographicOperations.FixedTimeEquals(expected, tag)) return null;
            using var aes = Aes.Create();
            aes.Key = encryptionKey;
            return aes.DecryptCbc(ciphertext, iv, PaddingMode.PKCS7);
        }

        /// <summary>Wraps as the server does (for the worked example only).</summary>
        public static string Wrap(byte[] deviceKey, OfflinePackage p, byte[] secret, byte[] iv)
        {
            var okm = Hkdf(deviceKey, Encoding.UTF8.GetBytes("SMFA1-OFFLINE-KEY\n" + p.Upn), 64);
            using var aes = Aes.Create();
            aes.Key = okm[..32];
            var ciphertext = aes.EncryptCbc(secret, iv, PaddingMode.PKCS7);
            var tag = HMACSHA256.HashData(okm[32..], Encoding.UTF8.GetBytes(Fields(p)).Concat(iv).Concat(ciphertext).ToArray());
            return Convert.ToBase64String(iv.Concat(ciphertext).Concat(tag).ToArray());
        }
    }
}
