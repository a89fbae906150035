using System.Linq;
using SecureMFA.Core.Configuration;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    public class ConfigurationTests
    {
        // The product's documented sample, every key as a JSON string.
        public const string DocumentedSample = @"{
  ""company"": ""MyCompany"",
  ""serialkey"": ""XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"",
  ""subscriptionid"": ""1"",
  ""sqlserver"": ""asqlserver.adatum.labnet"",
  ""sqldbname"": ""SecureMfaOTP"",
  ""sqlintegratedsecurity"": ""true"",
  ""sqluseraccount"": """",
  ""sqluserpassword"": """",
  ""data_encryption"": ""true"",
  ""data_encryption_passphrase"": ""An0ther-Passphrase-42"",
  ""ui_customization"": ""false"",
  ""ui_first_login_text"": ""Scan the QR code"",
  ""ui_login_text"": ""Type your code"",
  ""ui_allow_qr_display_from_networks"": ""10.0.0.0/10.255.255.255;"",
  ""ui_login_failures"": ""5"",
  ""ui_lockout_minutes"": ""15"",
  ""totp_customization"": ""false"",
  ""totp_remove_user_prefix"": ""false"",
  ""totp_offline_qr_enable"": ""true"",
  ""totp_offline_qr_algorithm"": ""SHA1"",
  ""totp_offline_qr_period"": ""30"",
  ""totp_api_endpoint"": ""https://qr.example.org/?data="",
  ""totp_api_otpauth_advanced_params"": """",
  ""totp_image_width_pixels"": ""200"",
  ""totp_image_height_pixels"": ""200"",
  ""auth_mode"": ""MSSQL"",
  ""verboselog"": ""false""
}";

        [Fact]
        public void ReadsEveryKeyOfTheDocumentedSample()
        {
            var result = ConfigurationLoader.Parse(DocumentedSample);
            Assert.True(result.IsValid, string.Join("; ", result.Issues));
            Assert.Empty(result.Issues);
            var c = result.Configuration!;
            Assert.Equal("MyCompany", c.Company);
            Assert.Equal(AuthMode.MSSQL, c.AuthMode);
            Assert.Equal("asqlserver.adatum.labnet", c.SqlServer);
            Assert.True(c.SqlIntegratedSecurity);
            Assert.True(c.DataEncryption);
            Assert.Equal(5, c.Lockout.MaxFailures);
            Assert.Equal(15, c.Lockout.Duration.TotalMinutes);
            Assert.Single(c.QrAllowedNetworks.Ranges);
            Assert.True(c.OfflineQrEnabled);
            Assert.Equal(TotpParameters.Default, c.EnrollmentParameters);
            Assert.Equal(200, c.ImageWidthPixels);
        }

        [Fact]
        public void AcceptsNativeJsonBooleansAndNumbers()
        {
            var c = ConfigurationLoader.LoadOrThrow(@"{ ""auth_mode"": ""sqlite"", ""ui_login_failures"": 3, ""ui_lockout_minutes"": 0,
                ""totp_customization"": true, ""totp_offline_qr_algorithm"": ""sha256"", ""totp_offline_qr_period"": 60, ""totp_digits"": 8,
                ""totp_remove_user_prefix"": true, ""verboselog"": false }");
            Assert.Equal(AuthMode.SQLITE, c.AuthMode);
            Assert.Equal(3, c.Lockout.MaxFailures);
            Assert.False(c.Lockout.IsEnabled);
            Assert.Equal(new TotpParameters(TotpAlgorithm.SHA256, 8, 60), c.EnrollmentParameters);
            Assert.True(c.RemoveUserPrefix);
        }

        [Fact]
        public void TotpSettingsApplyOnlyWithTotpCustomization()
        {
            var c = ConfigurationLoader.LoadOrThrow(@"{ ""totp_customization"": ""false"", ""totp_offline_qr_algorithm"": ""SHA512"", ""totp_offline_qr_period"": ""60"" }");
            Assert.Equal(TotpParameters.Default, c.EnrollmentParameters);
        }

        [Fact]
        public void ReportsEveryProblemAtOnceNamingKeyAndValue()
        {
            var result = ConfigurationLoader.Parse(@"{ ""ui_login_failures"": ""abc"", ""ui_lockout_minutes"": ""-4"", ""data_encryption"": ""yes"",
                ""auth_mode"": ""ORACLE"", ""totp_offline_qr_algorithm"": ""MD5"", ""ui_allow_qr_display_from_networks"": ""10.0.0.1/10.0.0.300;fe80::1/fe80::9"" }");
            Assert.False(result.IsValid);
            var messages = result.Errors.Select(e => e.ToString()).ToList();
            Assert.Contains("ui_login_failures: \"abc\" is not a whole number", messages);
            Assert.Contains("ui_lockout_minutes: \"-4\" is out of range (0 to 525600)", messages);
            Assert.Contains("data_encryption: \"yes\" is not true or false", messages);
            Assert.Contains(messages, m => m.StartsWith("auth_mode: \"ORACLE\" is not one of MSSQL, AD, SQLITE"));
            Assert.Contains(messages, m => m.StartsWith("totp_offline_qr_algorithm: \"MD5\""));
            Assert.Contains(messages, m => m.Contains("ui_allow_qr_display_from_networks") && m.Contains("10.0.0.300"));
            var thrown = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.LoadOrThrow(@"{ ""ui_login_failures"": ""abc"", ""auth_mode"": ""x"" }"));
            Assert.Contains("ui_login_failures", thrown.Message);
            Assert.Contains("auth_mode", thrown.Message);
        }

        [Fact]
        public void UnknownKeysAreWarningsNotErrors()
        {
            var result = ConfigurationLoader.Parse(@"{ ""compnay"": ""typo"" }");
            Assert.True(result.IsValid);
            var warning = Assert.Single(result.Warnings);
            Assert.Equal("compnay", warning.Key);
            Assert.Contains("unknown key", warning.Message);
        }

        [Theory]
        [InlineData("{ \"company\": \"a\",\n  \"auth_mode\" \"AD\" }", "line 2")]
        [InlineData("{ \"company\": \"a\",\n\n  \"sqlserver\": \"host\\instance\" }", "line 3")]
        [InlineData("{ \"company\": 'a' }", "line 1")]
        [InlineData("", "line 1")]
        [InlineData("{ \"company\": \"a\" ", "line 1")]
        [InlineData("[1,2]", "line 1")]
        public void NonJsonSaysWhereItBreaks(string json, string where)
        {
            var result = ConfigurationLoader.Parse(json);
            var error = Assert.Single(result.Errors);
            Assert.Contains("not valid JSON", error.Message);
            Assert.Contains(where, error.Message);
        }

        [Fact]
        public void DocumentationAliasesAreAccepted()
        {
            var c = ConfigurationLoader.LoadOrThrow(@"{ ""data_encryption"": true, ""encryption_passphrase"": ""A-long-enough-secret"", ""login_failures"": ""7"", ""lockout_minutes"": ""9"" }");
            Assert.Equal("A-long-enough-secret", c.DataEncryptionPassphrase);
            Assert.Equal(7, c.Lockout.MaxFailures);
            Assert.Equal(9, c.Lockout.Duration.TotalMinutes);
        }

        [Fact]
        public void TheDocumentationSamplePassphraseIsRefusedWhenEncryptionIsOn()
        {
            var result = ConfigurationLoader.Parse(@"{ ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""d9GhT=7=Ox8-+LaZ"" }");
            var error = Assert.Single(result.Errors);
            Assert.Equal("data_encryption_passphrase", error.Key);
            Assert.Contains("sample passphrase", error.Message);
            Assert.DoesNotContain("d9GhT", error.Message);
        }

        [Fact]
        public void SecretValuesAreNeverRepeatedInMessages()
        {
            var result = ConfigurationLoader.Parse(@"{ ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""short"", ""ad_port"": ""S3cr3t-Port"" }");
            Assert.All(result.Issues, i => Assert.DoesNotContain("short\"", i.Message));
        }

        [Fact]
        public void AdModeRequiresEncryption()
        {
            var result = ConfigurationLoader.Parse(@"{ ""auth_mode"": ""AD"", ""data_encryption"": ""false"" }");
            Assert.Contains(result.Errors, e => e.Key == "data_encryption" && e.Message.Contains("auth_mode is AD"));
        }

        [Fact]
        public void MssqlNeedsServerAndAccountWhenNotIntegrated()
        {
            var result = ConfigurationLoader.Parse(@"{ ""auth_mode"": ""MSSQL"", ""sqlintegratedsecurity"": ""false"" }");
            Assert.Contains(result.Errors, e => e.Key == "sqlserver");
            Assert.Contains(result.Errors, e => e.Key == "sqluseraccount");
        }

        [Theory]
        [InlineData("&image=https%3A%2F%2Fexample.org%2Flogo.png", true)]
        [InlineData("&color=0000FF&foo=bar", true)]
        [InlineData("image=x", false)]
        [InlineData("&secret=AAAA", false)]
        [InlineData("&a=b c", false)]
        [InlineData("&a=<script>", false)]
        public void AdvancedParametersMustBeAmpersandKeyValuePairs(string value, bool valid)
        {
            var result = ConfigurationLoader.Parse("{ \"totp_api_otpauth_advanced_params\": \"" + value + "\" }");
            Assert.Equal(valid, result.IsValid);
            if (!valid) Assert.Contains(result.Errors, e => e.Key == "totp_api_otpauth_advanced_params");
        }

        [Fact]
        public void ExternalQrNeedsAnEndpointAndWarnsAboutIt()
        {
            Assert.Contains(ConfigurationLoader.Parse(@"{ ""totp_offline_qr_enable"": ""false"" }").Errors, e => e.Key == "totp_api_endpoint");
            var ok = ConfigurationLoader.Parse(@"{ ""totp_offline_qr_enable"": ""false"", ""totp_api_endpoint"": ""https://qr.example.org/?d="" }");
            Assert.True(ok.IsValid);
            Assert.Contains(ok.Warnings, w => w.Key == "totp_api_endpoint");
        }

        [Fact]
        public void SerialKeyAndSubscriptionAreAcceptedAndIgnored()
        {
            Assert.True(ConfigurationLoader.Parse(@"{ ""serialkey"": ""anything"", ""subscriptionid"": ""42"" }").IsValid);
        }

        [Fact]
        public void ANullStreamIsAClearConfigurationError()
        {
            var ex = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.LoadStream(null));
            Assert.Contains("-ConfigurationFilePath", ex.Message);
        }
    }
}
