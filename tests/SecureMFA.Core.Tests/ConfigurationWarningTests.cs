using System.Linq;
using SecureMFA.Core.Configuration;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>Legal but risky settings: the file loads, and a warning names the key.</summary>
    public class ConfigurationWarningTests
    {
        // A quiet, valid starting point: encryption on, lockout on, SQL Server over an encrypted connection.
        private const string Quiet = @"""company"": ""Adatum"", ""auth_mode"": ""MSSQL"", ""sqlserver"": ""sql.adatum.labnet"",
            ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Warning-Tests-Passphrase""";

        private static ConfigurationIssue WarningFor(string settings, string key)
        {
            var result = ConfigurationLoader.Parse("{ " + Quiet + ", " + settings + " }");
            Assert.True(result.IsValid, string.Join("; ", result.Issues));
            return Assert.Single(result.Warnings, w => w.Key == key);
        }

        [Fact]
        public void TheQuietStartingPointHasNoWarning()
        {
            var result = ConfigurationLoader.Parse("{ " + Quiet + " }");
            Assert.True(result.IsValid);
            Assert.Empty(result.Issues);
        }

        [Theory]
        [InlineData(@"""ui_login_failures"": ""0""", "ui_login_failures", "lockout is off")]
        [InlineData(@"""login_failures"": ""0""", "login_failures", "lockout is off")]
        [InlineData(@"""ui_lockout_minutes"": ""0""", "ui_lockout_minutes", "lockout is off")]
        [InlineData(@"""ui_login_failures"": ""50""", "ui_login_failures", "guessing a code much easier")]
        [InlineData(@"""totp_window_steps"": ""4""", "totp_window_steps", "9 codes are accepted")]
        [InlineData(@"""sqlencrypt"": ""false""", "sqlencrypt", "unencrypted")]
        [InlineData(@"""sqltrustservercertificate"": ""true""", "sqltrustservercertificate", "any certificate is accepted")]
        [InlineData(@"""sqlintegratedsecurity"": ""false"", ""sqluseraccount"": ""otp""", "sqlintegratedsecurity", "SQL password is kept in this file")]
        [InlineData(@"""verboselog"": ""true""", "verboselog", "turn it off after troubleshooting")]
        [InlineData(@"""totp_offline_qr_enable"": ""false"", ""totp_api_endpoint"": ""https://qr.example.org/?d=""", "totp_api_endpoint", "receives every enrolling user's secret")]
        [InlineData(@"""ui_trusted_proxies"": ""192.0.2.10/192.0.2.11""", "ui_allow_qr_display_from_networks", "anyone signing in from the internet")]
        [InlineData(@"""totp_customization"": ""true"", ""totp_offline_qr_algorithm"": ""SHA512""", "totp_offline_qr_algorithm", "several authenticator apps ignore it")]
        [InlineData(@"""totp_customization"": ""false"", ""totp_offline_qr_period"": ""60""", "totp_offline_qr_period", "has no effect while totp_customization is false")]
        [InlineData(@"""totp_customization"": ""false"", ""totp_digits"": ""8""", "totp_digits", "has no effect while totp_customization is false")]
        [InlineData(@"""ui_helpdesk_url"": ""http://help.adatum.labnet/""", "ui_helpdesk_url", "use https")]
        public void ARiskySettingIsAWarningNamingItsKey(string settings, string key, string says)
        {
            Assert.Contains(says, WarningFor(settings, key).Message);
        }

        [Fact]
        public void TheUnencryptedWidPipeIsNotWarnedAbout()
        {
            var result = ConfigurationLoader.Parse(@"{ " + Quiet.Replace("sql.adatum.labnet", @"\\\\.\\pipe\\MICROSOFT##WID\\tsql\\query") + @", ""sqlencrypt"": ""false"" }");
            Assert.True(result.IsValid, string.Join("; ", result.Issues));
            Assert.DoesNotContain(result.Warnings, w => w.Key == "sqlencrypt");
        }

        [Fact]
        public void ARangeThatLooksLikeANetmaskShowsTheRangeThatWasMeant()
        {
            var warning = WarningFor(@"""ui_allow_qr_display_from_networks"": ""10.0.0.0/255.0.0.0;192.168.1.0/192.168.1.255""", "ui_allow_qr_display_from_networks");
            Assert.Equal("\"10.0.0.0/255.0.0.0\" is the range 10.0.0.0 up to 255.0.0.0, not 10.0.0.0 with netmask 255.0.0.0; for that network write 10.0.0.0/10.255.255.255",
                warning.Message);
            var proxy = WarningFor(@"""ui_allow_qr_display_from_networks"": ""10.0.0.0/10.255.255.255"", ""ui_trusted_proxies"": ""172.16.5.7/255.255.255.0""", "ui_trusted_proxies");
            Assert.EndsWith("write 172.16.5.0/172.16.5.255", proxy.Message);
        }

        [Theory]
        [InlineData("10.0.0.0/10.255.255.255")]
        [InlineData("0.0.0.0/255.255.255.255")]
        [InlineData("fe80::/fe80::ffff")]
        [InlineData("192.168.1.10/192.168.1.20")]
        public void OrdinaryRangesAreNotMistakenForNetmasks(string range)
        {
            Assert.Empty(NetmaskLookalike.Find(range));
        }

        [Fact]
        public void EncryptionOffIsWarnedAboutAndTheSamplePassphraseToo()
        {
            var result = ConfigurationLoader.Parse(@"{ ""data_encryption"": ""false"", ""encryption_passphrase"": ""d9GhT=7=Ox8-+LaZ"" }");
            Assert.True(result.IsValid);
            Assert.Contains(result.Warnings, w => w.Key == "data_encryption");
            Assert.Contains(result.Warnings, w => w.Key == "encryption_passphrase" && w.Message.Contains("sample passphrase"));
        }

        [Fact]
        public void WarningsNeverStopTheProvider()
        {
            var result = ConfigurationLoader.Parse(OriginalConfigurationTests.OriginalSample.Replace("\"verboselog\": \"false\"", "\"verboselog\": \"true\""));
            Assert.True(result.IsValid);
            Assert.True(result.Warnings.Count() >= 4);
            Assert.All(result.Warnings, w => Assert.NotEqual("", w.Key));
        }
    }
}
