using System.Linq;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Enrollment;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>totp_api_otpauth_advanced_params against the product's own TOTP settings, and the URI it ends up in.</summary>
    public class AdvancedParametersTests
    {
        private const string Secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

        private static ConfigurationResult Parse(string totp, string advanced) =>
            ConfigurationLoader.Parse("{ " + totp + (totp.Length > 0 ? ", " : "") + "\"totp_api_otpauth_advanced_params\": \"" + advanced + "\" }");

        [Theory]
        [InlineData("\"totp_customization\": \"true\", \"totp_offline_qr_algorithm\": \"SHA256\"", "&algorithm=sha256")]
        [InlineData("\"totp_customization\": \"true\", \"totp_digits\": \"8\"", "&digits=8")]
        [InlineData("\"totp_customization\": \"true\", \"totp_offline_qr_period\": \"60\"", "&period=60&image=x")]
        [InlineData("", "&algorithm=SHA1&digits=6&period=30")]
        public void RepeatingAProductParameterWithTheSameValueIsAccepted(string totp, string advanced)
        {
            var result = Parse(totp, advanced);
            Assert.True(result.IsValid, string.Join("; ", result.Issues));
        }

        [Fact]
        public void ADisagreeingDigitsNamesBothKeysAndBothValues()
        {
            var error = Assert.Single(Parse("\"totp_customization\": \"true\", \"totp_digits\": \"6\"", "&digits=8").Errors);
            Assert.Equal("totp_api_otpauth_advanced_params: \"&digits=8\" disagrees with totp_digits \"6\"", error.ToString());
        }

        [Fact]
        public void ADisagreeingAlgorithmOrPeriodNamesTheKeyTheValueComesFrom()
        {
            var algorithm = Assert.Single(Parse("\"totp_customization\": \"true\", \"totp_offline_qr_algorithm\": \"SHA512\"", "&algorithm=SHA1").Errors);
            Assert.Equal("\"&algorithm=SHA1\" disagrees with totp_offline_qr_algorithm \"SHA512\"", algorithm.Message);
            var period = Assert.Single(Parse("\"totp_customization\": \"true\"", "&image=x&period=60").Errors);
            Assert.Equal("\"&period=60\" disagrees with totp_offline_qr_period \"30\"", period.Message);
        }

        [Fact]
        public void WithoutTotpCustomizationTheDefaultIsWhatMustAgree()
        {
            var error = Assert.Single(Parse("\"totp_customization\": \"false\", \"totp_offline_qr_algorithm\": \"SHA256\"", "&algorithm=SHA256").Errors);
            Assert.Equal("\"&algorithm=SHA256\" disagrees with totp_offline_qr_algorithm \"SHA1\" (the default: totp_customization is false)", error.Message);
        }

        [Theory]
        [InlineData("&secret=AAAA")]
        [InlineData("&issuer=Evil")]
        [InlineData("&ISSUER=Evil")]
        public void SecretAndIssuerStayReserved(string advanced)
        {
            var error = Assert.Single(Parse("", advanced).Errors);
            Assert.Contains("is set by the product and cannot be overridden", error.Message);
        }

        [Fact]
        public void AParameterGivenTwiceIsRefused()
        {
            var error = Assert.Single(Parse("", "&image=a&Image=b").Errors);
            Assert.Contains("given twice", error.Message);
        }

        [Theory]
        [InlineData("&image=x\\n")]
        [InlineData("&image=x\\r\\n")]
        [InlineData("&image=x\\n&color=red")]
        [InlineData("&image=x\\t")]
        public void ATrailingLineBreakOrTabIsRefused(string advancedJson)
        {
            var error = Assert.Single(Parse("", advancedJson).Errors);
            Assert.Equal("totp_api_otpauth_advanced_params", error.Key);
            Assert.DoesNotContain("\n", error.Message);
        }

        [Fact]
        public void TheValidatorItselfAnchorsAtTheVeryEnd()
        {
            Assert.NotNull(OtpAuthAdvancedParameters.Validate("&image=x\n"));
            Assert.Null(OtpAuthAdvancedParameters.Validate("&image=x"));
        }

        [Fact]
        public void TheUriCarriesEveryParameterOnceWithTheEnrolledValue()
        {
            var parameters = new TotpParameters(TotpAlgorithm.SHA256, 8, 60);
            var uri = OtpAuthUri.Build("Adatum", "a@b.c", Secret, parameters, advancedParameters: "&algorithm=SHA256&image=x&digits=8&period=60&image=y");
            Assert.EndsWith("&issuer=Adatum&algorithm=SHA256&digits=8&period=60&image=x", uri);
            var names = uri.Substring(uri.IndexOf('?') + 1).Split('&').Select(p => p.Split('=')[0].ToLowerInvariant()).ToList();
            Assert.Equal(names.Distinct().Count(), names.Count);
        }

        [Fact]
        public void AUserEnrolledWithOtherParametersGetsHisOwnValuesNotTheAdvancedOnes()
        {
            // A user keeps what he enrolled with; the advanced pair must not contradict it in his URI.
            var uri = OtpAuthUri.Build("Adatum", "a@b.c", Secret, TotpParameters.Default, advancedParameters: "&algorithm=SHA512");
            Assert.EndsWith("&issuer=Adatum&algorithm=SHA1", uri);
        }
    }
}
