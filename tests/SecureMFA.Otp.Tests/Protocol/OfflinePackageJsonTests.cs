using SecureMFA.Otp.Json;
using SecureMFA.Otp.Protocol;
using Xunit;

namespace SecureMFA.Otp.Tests.Protocol
{
    /// <summary>The offline package's one document form: what the WEB API writes is what WIN OTP reads.</summary>
    public class OfflinePackageJsonTests
    {
        private static OfflinePackage Sample() => new OfflinePackage
        {
            Upn = "alice@adatum.labnet",
            Issuer = "Adatum",
            Alg = "SHA256",
            Digits = 8,
            Period = 60,
            ValidUntil = 1767092001,
            MaxFailures = 5,
            LockoutMinutes = 30,
            LastStep = 58903066,
            WrappedSecret = "AAEC",
        };

        [Fact]
        public void TheDocumentHasTheProtocolsNamesInOrder()
        {
            Assert.Equal(
                "{\"v\":3,\"upn\":\"alice@adatum.labnet\",\"issuer\":\"Adatum\",\"alg\":\"SHA256\",\"digits\":8,\"period\":60," +
                "\"validUntil\":1767092001,\"maxFailures\":5,\"lockoutMinutes\":30,\"lastStep\":58903066,\"wrappedSecret\":\"AAEC\"}",
                Sample().ToJson().ToString());
        }

        [Fact]
        public void WhatIsWrittenReadsBack()
        {
            var read = OfflinePackage.FromJson(JsonReader.ParseObject(Sample().ToJson().ToUtf8()));
            var expected = Sample();
            Assert.Equal((expected.V, expected.Upn, expected.Issuer, expected.Alg, expected.Digits, expected.Period),
                (read.V, read.Upn, read.Issuer, read.Alg, read.Digits, read.Period));
            Assert.Equal((expected.ValidUntil, expected.MaxFailures, expected.LockoutMinutes, expected.LastStep, expected.WrappedSecret),
                (read.ValidUntil, read.MaxFailures, read.LockoutMinutes, read.LastStep, read.WrappedSecret));
        }

        [Fact]
        public void AMissingOrMistypedMemberIsRefusedAndAnAbsentIssuerIsEmpty()
        {
            var withoutIssuer = "{\"v\":2,\"upn\":\"a@b.c\",\"alg\":\"SHA1\",\"digits\":6,\"period\":30,\"validUntil\":1,\"maxFailures\":0,\"lockoutMinutes\":0,\"lastStep\":1,\"wrappedSecret\":\"AA==\"}";
            Assert.Equal("", OfflinePackage.FromJson(JsonReader.ParseObject(withoutIssuer)).Issuer);
            var error = Assert.Throws<JsonFormatException>(() => OfflinePackage.FromJson(JsonReader.ParseObject(withoutIssuer.Replace(",\"wrappedSecret\":\"AA==\"", ""))));
            Assert.Contains("\"wrappedSecret\" is missing", error.Message);
            Assert.Throws<JsonFormatException>(() => OfflinePackage.FromJson(JsonReader.ParseObject(withoutIssuer.Replace("\"digits\":6", "\"digits\":\"6\""))));
        }
    }
}
