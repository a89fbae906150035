using System.Linq;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Enrollment;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>Issue 14: the original product's configuration loads as it was shipped.</summary>
    public class OriginalConfigurationTests
    {
        /// <summary>The original module's sample SecureMfaOtpProvider.json, verbatim (straight quotes).</summary>
        public const string OriginalSample = """
{
"company": "MyCompany",
"serialkey": "m00000000",
"subscriptionid": "1000000000000000000000001",
"sqlserver": "asqlaol1.adatum.labnet,1433",
"sqldbname": "SecureMfaOTP",
"sqlintegratedsecurity": "true",
"sqluseraccount": "",
"sqluserpassword": "",
"data_encryption": "false",
"data_encryption_passphrase": "d9GhT=7=Ox8-+LaZ",
"ui_customization": "false",
"ui_first_login_text": "",
"ui_login_text": "",
"ui_allow_qr_display_from_networks": ";;",
"ui_login_failures": "0",
"ui_lockout_minutes" : "5",
"totp_customization": "true",
"totp_remove_user_prefix": "true",
"totp_offline_qr_enable": "true",
"totp_offline_qr_algorithm": "SHA1",
"totp_offline_qr_period": "30",
"totp_api_endpoint": "",
"totp_api_otpauth_advanced_params": "&algorithm=SHA1",
"totp_image_width_pixels": "150",
"totp_image_height_pixels": "150",
"auth_mode": "MSSQL",
"verboselog": "false"
}
""";

        private const string Secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

        [Fact]
        public void TheOriginalSampleLoadsWithNoError()
        {
            var result = ConfigurationLoader.Parse(OriginalSample);
            Assert.Empty(result.Errors);
            var c = result.Configuration!;
            Assert.Equal("MyCompany", c.Company);
            Assert.Equal(AuthMode.MSSQL, c.AuthMode);
            Assert.Equal("asqlaol1.adatum.labnet,1433", c.SqlServer);
            Assert.False(c.DataEncryption);
            Assert.True(c.QrAllowedNetworks.AllowsEverywhere);
            Assert.Equal(0, c.Lockout.MaxFailures);
            Assert.Equal(new TotpParameters(TotpAlgorithm.SHA1, 6, 30), c.EnrollmentParameters);
            Assert.Equal("&algorithm=SHA1", c.OtpAuthAdvancedParameters);
            Assert.Equal(150, c.ImageWidthPixels);
            Assert.Null(c.TrustedProxies);
        }

        [Fact]
        public void TheOriginalSampleSavedByWindowsNotepadLoadsToo()
        {
            // CRLF line ends and a byte-order mark, as Notepad writes them; positions stay those an editor shows.
            var windows = "\uFEFF" + OriginalSample.Replace("\n", "\r\n");
            Assert.Empty(ConfigurationLoader.Parse(windows).Errors);
            var pasted = windows.Replace("\"totp_offline_qr_algorithm\": \"SHA1\"", "\"totp_offline_qr_algorithm\": \u201CSHA1\u201D");
            Assert.Contains("line 21, column 30: \u201C (U+201C)", Assert.Single(ConfigurationLoader.Parse(pasted).Errors).Message);
            var noBom = OriginalSample.Replace("\n", "\r\n").Replace("\"sqldbname\": \"SecureMfaOTP\"", "\"sqldbname\": \"SecureMfaOTP\u201D");
            Assert.Contains("line 6, column 27: \u201D (U+201D)", Assert.Single(ConfigurationLoader.Parse(noBom).Errors).Message);
        }

        [Fact]
        public void TheOriginalSampleWarnsAboutWhatItLeavesOpen()
        {
            var warnings = ConfigurationLoader.Parse(OriginalSample).Warnings.ToList();
            Assert.Contains(warnings, w => w.Key == "ui_login_failures" && w.Message.Contains("lockout is off"));
            Assert.Contains(warnings, w => w.Key == "data_encryption" && w.Message.Contains("unencrypted"));
            var sample = Assert.Single(warnings, w => w.Key == "data_encryption_passphrase");
            Assert.Contains("sample passphrase", sample.Message);
            Assert.Contains("before turning data_encryption on", sample.Message);
            Assert.All(warnings, w => Assert.DoesNotContain("d9GhT", w.ToString()));
        }

        [Fact]
        public void TheOriginalSampleWritesTheAlgorithmOnceInTheKeyUri()
        {
            var c = ConfigurationLoader.LoadOrThrow(OriginalSample);
            var uri = OtpAuthUri.For(c, "alice@adatum.labnet", Secret, c.EnrollmentParameters);
            Assert.Equal("otpauth://totp/MyCompany:adatum.labnet?secret=" + Secret + "&issuer=MyCompany&algorithm=SHA1", uri);
        }

        [Fact]
        public void TheSamplePassphraseIsStillAnErrorWithEncryptionOn()
        {
            var result = ConfigurationLoader.Parse(OriginalSample.Replace("\"data_encryption\": \"false\"", "\"data_encryption\": \"true\""));
            var error = Assert.Single(result.Errors);
            Assert.Equal("data_encryption_passphrase", error.Key);
            Assert.Contains("sample passphrase", error.Message);
            Assert.DoesNotContain("d9GhT", error.Message);
        }

        [Theory]
        [InlineData("MSSQL", AuthMode.MSSQL)]
        [InlineData("AD", AuthMode.AD)]
        [InlineData("SQLITE", AuthMode.SQLITE)]
        [InlineData("mssql", AuthMode.MSSQL)]
        [InlineData("ad", AuthMode.AD)]
        public void AuthModeAcceptsTheOriginalValuesAndOurs(string value, AuthMode expected)
        {
            var c = ConfigurationLoader.LoadOrThrow($$"""
                { "auth_mode": "{{value}}", "sqlserver": "sql.adatum.labnet", "data_encryption": "true", "data_encryption_passphrase": "Auth-Mode-Test-Passphrase" }
                """);
            Assert.Equal(expected, c.AuthMode);
        }

        // Enum.TryParse takes these too: numbers, and comma lists it ORs together as flags ("MSSQL, AD" = 0|1 = AD).
        [Theory]
        [InlineData("auth_mode", "MSSQL, AD")]
        [InlineData("auth_mode", "SQLITE,AD")]
        [InlineData("auth_mode", "+1")]
        [InlineData("auth_mode", "1")]
        [InlineData("totp_offline_qr_algorithm", "SHA1,SHA256")]
        [InlineData("totp_offline_qr_algorithm", "SHA1, SHA512")]
        public void AnEnumSettingTakesOneNameOnly(string key, string value)
        {
            var result = ConfigurationLoader.Parse($$"""
                { "{{key}}": "{{value}}", "sqlserver": "sql.adatum.labnet", "data_encryption": "true", "data_encryption_passphrase": "Auth-Mode-Test-Passphrase" }
                """);
            Assert.False(result.IsValid);
            var error = Assert.Single(result.Errors);
            Assert.Equal(key, error.Key);
            Assert.Equal($"\"{value}\" is not one of " + (key == "auth_mode" ? "MSSQL, AD, SQLITE" : "SHA1, SHA256, SHA512"), error.Message);
        }

        [Theory]
        [InlineData("login_failures", "ui_login_failures", "7")]
        [InlineData("lockout_minutes", "ui_lockout_minutes", "9")]
        [InlineData("encryption_passphrase", "data_encryption_passphrase", "An-Aliased-Passphrase-1")]
        public void BothSpellingsOfOneSettingAreAnErrorNamingBoth(string alias, string canonical, string value)
        {
            var json = $"{{\n  \"data_encryption\": \"true\",\n  \"data_encryption_passphrase\": \"Canonical-Passphrase-1\",\n  \"{canonical}\": \"{value}\",\n  \"{alias}\": \"{value}\"\n}}";
            if (canonical == "data_encryption_passphrase")
                json = $"{{\n  \"data_encryption\": \"true\",\n  \"{canonical}\": \"{value}\",\n  \"{alias}\": \"{value}\"\n}}";
            var result = ConfigurationLoader.Parse(json);
            Assert.False(result.IsValid);
            var error = Assert.Single(result.Errors);
            Assert.Equal(canonical, error.Key);
            Assert.Contains(alias, error.Message);
            Assert.Contains(canonical, error.Message);
            Assert.Contains("line", error.Message);
            Assert.DoesNotContain(value, error.Message);
        }

        [Fact]
        public void AnAliasAloneIsNamedAsWrittenInMessages()
        {
            var result = ConfigurationLoader.Parse(@"{ ""login_failures"": ""many"", ""data_encryption"": ""true"", ""encryption_passphrase"": ""short"" }");
            Assert.Contains(result.Errors, e => e.Key == "login_failures" && e.Message == "\"many\" is not a whole number");
            Assert.Contains(result.Errors, e => e.Key == "encryption_passphrase" && e.Message.Contains("too short"));
        }
    }
}
