using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Otp.Protocol
{
    /// <summary>
    /// The SMFA1 signatures of docs/webapi-protocol.md: a device signs each request with its key, and the
    /// server signs each response, binding the request's nonce so a recorded "accept" cannot be replayed.
    /// </summary>
    public static class MessageSignature
    {
        public const int MaxClockSkewSeconds = 300;
        public const int NonceLifetimeSeconds = 600;
        public const int NonceBytes = 16;
        public const int DeviceKeyBytes = 32;

        public static string RequestStringToSign(string method, string path, long timestamp, string nonce, byte[] body) =>
            RequestStringToSign(method, path, timestamp.ToString(CultureInfo.InvariantCulture), nonce, body);

        /// <param name="timestamp">X-SMFA-Timestamp exactly as sent (a server must not re-render it: "0176…" is signed as such).</param>
        public static string RequestStringToSign(string method, string path, string timestamp, string nonce, byte[] body) =>
            "SMFA1\n" + method.ToUpperInvariant() + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + LowerHex.Sha256(body);

        public static string ResponseStringToSign(string requestNonce, int statusCode, byte[] body) =>
            "SMFA1-RESP\n" + requestNonce + "\n" + statusCode.ToString(CultureInfo.InvariantCulture) + "\n" + LowerHex.Sha256(body);

        public static string SignRequest(byte[] deviceKey, string method, string path, long timestamp, string nonce, byte[] body) =>
            Sign(deviceKey, RequestStringToSign(method, path, timestamp, nonce, body));

        public static string SignResponse(byte[] deviceKey, string requestNonce, int statusCode, byte[] body) =>
            Sign(deviceKey, ResponseStringToSign(requestNonce, statusCode, body));

        public static bool VerifyRequest(byte[] deviceKey, string method, string path, long timestamp, string nonce, byte[] body, string? signature) =>
            Verify(deviceKey, RequestStringToSign(method, path, timestamp, nonce, body), signature);

        /// <param name="timestamp">X-SMFA-Timestamp exactly as it arrived.</param>
        public static bool VerifyRequest(byte[] deviceKey, string method, string path, string timestamp, string nonce, byte[] body, string? signature) =>
            Verify(deviceKey, RequestStringToSign(method, path, timestamp, nonce, body), signature);

        public static bool VerifyResponse(byte[] deviceKey, string requestNonce, int statusCode, byte[] body, string? signature) =>
            Verify(deviceKey, ResponseStringToSign(requestNonce, statusCode, body), signature);

        /// <summary>Base64 of 16 fresh random bytes.</summary>
        public static string NewNonce() => Convert.ToBase64String(RandomBytes.Of(NonceBytes));

        /// <summary>True for the base64 of exactly 16 bytes, in the standard alphabet with padding.</summary>
        public static bool IsWellFormedNonce(string? nonce)
        {
            if (nonce == null || nonce.Length != 24 || !nonce.EndsWith("==", StringComparison.Ordinal)) return false;
            try { return Convert.FromBase64String(nonce).Length == NonceBytes; }
            catch (FormatException) { return false; }
        }



        private static string Sign(byte[] key, string text)
        {
            using (var hmac = new HMACSHA256(key)) return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(text)));
        }

        private static bool Verify(byte[] key, string text, string? signature)
        {
            if (string.IsNullOrEmpty(signature)) return false;
            byte[] presented;
            try { presented = Convert.FromBase64String(signature); }
            catch (FormatException) { return false; }
            using (var hmac = new HMACSHA256(key)) return FixedTime.Equal(hmac.ComputeHash(Encoding.UTF8.GetBytes(text)), presented);
        }
    }
}
