using System;
using System.Linq;
using System.Text;
using SecureMFA.Otp.Crypto;
using SecureMFA.Otp.Protocol;
using Xunit;

namespace SecureMFA.Otp.Tests.Protocol
{
    /// <summary>HKDF against RFC 5869, and the worked example of docs/webapi-protocol.md, byte for byte.</summary>
    public class ProtocolCryptoTests
    {
        private static readonly byte[] DeviceKey = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        private const string Nonce = "EBESExQVFhcYGRobHB0eHw==";
        private const string Body = "{\"upn\":\"alice@adatum.labnet\",\"code\":\"287082\",\"scenario\":\"rdp\",\"machine\":\"PC1\",\"offline\":false}";

        [Theory]
        // RFC 5869 appendix A, test cases 1, 2 and 3.
        [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "000102030405060708090a0b0c", "f0f1f2f3f4f5f6f7f8f9", 42,
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")]
        [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f",
            "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf",
            "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", 82,
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87")]
        [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "", 42,
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")]
        public void HkdfMatchesRfc5869(string ikm, string salt, string info, int length, string okm)
        {
            var derived = Hkdf.DeriveKey(Convert.FromHexString(ikm), Convert.FromHexString(salt), Convert.FromHexString(info), length);
            Assert.Equal(okm, Convert.ToHexString(derived).ToLowerInvariant());
        }

        [Fact]
        public void RequestAndResponseSignaturesMatchTheProtocolDocument()
        {
            var body = Encoding.UTF8.GetBytes(Body);
            Assert.Equal("8c414db2a7eb6cc6f5390db13ed0e7b88a02072831217ac51f349faeddeb76e5", LowerHex.Sha256(body));
            var signature = MessageSignature.SignRequest(DeviceKey, "POST", "/api/securemfaotp/v1/otp/verify", 1764500000, Nonce, body);
            Assert.Equal("NscokOgubl02jjKYiySHXaTBfqlV6TEGaMaGu+w8+EA=", signature);
            Assert.True(MessageSignature.VerifyRequest(DeviceKey, "post", "/api/securemfaotp/v1/otp/verify", 1764500000, Nonce, body, signature));
            Assert.False(MessageSignature.VerifyRequest(DeviceKey, "POST", "/api/securemfaotp/v1/otp/verify", 1764500001, Nonce, body, signature));
            Assert.False(MessageSignature.VerifyRequest(DeviceKey, "POST", "/api/securemfaotp/v1/devices/self", 1764500000, Nonce, body, signature));

            var response = Encoding.UTF8.GetBytes("{\"result\":\"accept\",\"lockedUntil\":null,\"serverTime\":1764500001,\"offline\":null}");
            Assert.Equal("KYguVeUHMLvkQZpabBx+lil8eXI8graRMpKFVGeNpNw=", MessageSignature.SignResponse(DeviceKey, Nonce, 200, response));
            Assert.False(MessageSignature.VerifyResponse(DeviceKey, Nonce, 401, response, "KYguVeUHMLvkQZpabBx+lil8eXI8graRMpKFVGeNpNw="));
            Assert.False(MessageSignature.VerifyResponse(DeviceKey, Nonce, 200, response, "not base64!"));
        }

        [Fact]
        public void NoncesAreSixteenBytesOfBase64()
        {
            var nonce = MessageSignature.NewNonce();
            Assert.True(MessageSignature.IsWellFormedNonce(nonce));
            Assert.NotEqual(nonce, MessageSignature.NewNonce());
            Assert.False(MessageSignature.IsWellFormedNonce("AAAA"));
            Assert.False(MessageSignature.IsWellFormedNonce(Convert.ToBase64String(new byte[17])));
            Assert.False(MessageSignature.IsWellFormedNonce(null));
        }

        [Fact]
        public void OfflineWrapMatchesTheProtocolDocumentAndUnwraps()
        {
            var package = Package();
            var iv = Enumerable.Range(0x20, 16).Select(i => (byte)i).ToArray();
            var offlineSecret = OfflineSecret.Derive(Encoding.ASCII.GetBytes("12345678901234567890"), "dev1");
            Assert.Equal("4f777b4678818b121c35ec753f5243784ca1cbc1", LowerHex.Of(offlineSecret));
            package.WrappedSecret = OfflineSecretWrap.Wrap(DeviceKey, package, offlineSecret, iv);
            Assert.Equal("ICEiIyQlJicoKSorLC0uLwRg9bpiOunPtstvuzaNcniu6fcJc8CHXO/tQGJXCKfgRzWynT1U+SivDT6w4Nd4siZ8X60SFwdw+nBl4GgiDpY=", package.WrappedSecret);
            Assert.Equal(offlineSecret, OfflineSecretWrap.Unwrap(DeviceKey, package));
        }

        /// <summary>The offline secret is per device, never the user's secret, and gives nothing back of it (issue 19, finding 1).</summary>
        [Fact]
        public void TheOfflineSecretIsPerDeviceAndNotTheUsersSecret()
        {
            var user = Encoding.ASCII.GetBytes("12345678901234567890");
            var pc1 = OfflineSecret.Derive(user, "dev1");
            Assert.Equal(OfflineSecret.Bytes, pc1.Length);
            Assert.Equal(pc1, OfflineSecret.Derive(user, "dev1"));
            Assert.NotEqual(pc1, OfflineSecret.Derive(user, "dev2"));
            Assert.NotEqual(pc1, OfflineSecret.Derive(Encoding.ASCII.GetBytes("12345678901234567891"), "dev1"));
            Assert.NotEqual(user, pc1);
            Assert.Throws<ArgumentException>(() => OfflineSecret.Derive(user, ""));
        }

        [Fact]
        public void AnAlteredFieldOrAnotherDeviceOrUserCannotUnwrap()
        {
            var package = Package();
            package.WrappedSecret = OfflineSecretWrap.Wrap(DeviceKey, package, new byte[20]);
            Assert.NotNull(OfflineSecretWrap.Unwrap(DeviceKey, package));

            Action<OfflinePackage>[] alterations =
            {
                p => p.Upn = "bob@adatum.labnet", p => p.Alg = "SHA256", p => p.Digits = 8, p => p.Period = 60,
                p => p.ValidUntil++, p => p.MaxFailures = 0, p => p.LockoutMinutes = 0, p => p.LastStep--, p => p.V = 2, p => p.Issuer = "Contoso",
            };
            foreach (var alter in alterations)
            {
                var copy = Package();
                copy.WrappedSecret = package.WrappedSecret;
                alter(copy);
                Assert.Null(OfflineSecretWrap.Unwrap(DeviceKey, copy));
            }

            var otherDevice = DeviceKey.Select(b => (byte)(b ^ 1)).ToArray();
            Assert.Null(OfflineSecretWrap.Unwrap(otherDevice, package));

            var bytes = Convert.FromBase64String(package.WrappedSecret);
            for (var i = 0; i < bytes.Length; i++)
            {
                var flipped = (byte[])bytes.Clone();
                flipped[i] ^= 0x01;
                var copy = Package();
                copy.WrappedSecret = Convert.ToBase64String(flipped);
                Assert.Null(OfflineSecretWrap.Unwrap(DeviceKey, copy));
            }
            var garbage = Package();
            garbage.WrappedSecret = "%%%";
            Assert.Null(OfflineSecretWrap.Unwrap(DeviceKey, garbage));
        }

        private static OfflinePackage Package() => new OfflinePackage
        {
            Upn = "alice@adatum.labnet", Issuer = "Adatum", Alg = "SHA1", Digits = 6, Period = 30, ValidUntil = 1767092001,
            MaxFailures = 5, LockoutMinutes = 5, LastStep = 58816666,
        };
    }
}
