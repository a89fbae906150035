using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>Test-SecureMfaOtpConfiguration from the staged module: issues are objects an administrator filters.</summary>
    public sealed class TestConfigurationCmdletTests : IDisposable
    {
        private readonly PowerShellSession _ps = new PowerShellSession();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "securemfa-testconfig-tests", Guid.NewGuid().ToString("N"));

        public TestConfigurationCmdletTests() => Directory.CreateDirectory(_folder);

        private string Write(string name, string json)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, json, new UTF8Encoding(false));
            return path;
        }

        [Fact]
        public void RiskyButLegalSettingsAreWarningsThatWhereObjectCanFilter()
        {
            var path = Write("risky.json", "{\n \"auth_mode\": \"MSSQL\", \"sqlserver\": \"sql.adatum.labnet\", \"sqlencrypt\": \"false\",\n" +
                                           " \"data_encryption\": \"false\", \"ui_login_failures\": \"0\", \"verboselog\": \"true\",\n" +
                                           " \"ui_allow_qr_display_from_networks\": \"10.0.0.0/255.0.0.0\",\n" +
                                           " \"totp_customization\": \"true\", \"totp_api_otpauth_advanced_params\": \"&algorithm=SHA1\" }");
            var keys = _ps.Run($"Test-SecureMfaOtpConfiguration '{path}' | Where-Object Severity -eq 'Warning' | ForEach-Object Key").Output
                .Select(o => o.ToString()).ToList();
            Assert.Equal(new[] { "data_encryption", "sqlencrypt", "ui_allow_qr_display_from_networks", "ui_login_failures", "verboselog" }, keys.OrderBy(k => k));
            Assert.Empty(_ps.Run($"Test-SecureMfaOtpConfiguration '{path}' | Where-Object Severity -eq 'Error'").Output);
            Assert.True((bool)_ps.Run($"Test-SecureMfaOtpConfiguration '{path}' -Quiet").Output.Single().BaseObject);
            var netmask = _ps.Run($"(Test-SecureMfaOtpConfiguration '{path}' | Where-Object Key -eq 'ui_allow_qr_display_from_networks').Message").Output.Single().ToString();
            Assert.Contains("10.0.0.0/10.255.255.255", netmask);
        }

        [Fact]
        public void ATypographicQuoteIsOneErrorWithLineAndColumnAndNoSecret()
        {
            var path = Write("pasted.json", "{\n  \"sqluserpassword\": \"Kq4Zt8Wm1Xv6Rb3N\",\n  \"sqldbname\": \u201CSecureMfaOTP\u201D\n}");
            var issues = _ps.Run($"Test-SecureMfaOtpConfiguration '{path}'").Output;
            var issue = Assert.Single(issues);
            Assert.Equal("Error", issue.Properties["Severity"].Value.ToString());
            Assert.Contains("line 3, column 16: \u201C (U+201C) is a typographic quote", (string)issue.Properties["Message"].Value);
            Assert.False((bool)_ps.Run($"Test-SecureMfaOtpConfiguration '{path}' -Quiet").Output.Single().BaseObject);
        }

        [Fact]
        public void ABrokenSecretIsNeverShownByTheCmdletsEither()
        {
            const string marker = "Pz5Lw9Dk2Hs7Tq4C";
            var path = Write("broken.json", "{\n  \"sqluserpassword\": " + marker + "\",\n  \"company\": \"Adatum\"\n}");
            var test = _ps.Run($"Test-SecureMfaOtpConfiguration '{path}' | ForEach-Object {{ \"$($_.Key) $($_.Message)\" }}");
            var text = string.Join("\n", test.Output.Select(o => o.ToString()));
            Assert.Contains("line 2", text);
            Assert.DoesNotContain(marker.Substring(0, 6), text);
            var load = _ps.Run($"Get-xOTP_User -ConfigurationFilePath '{path}'");
            Assert.NotEmpty(load.Errors);
            Assert.DoesNotContain(marker.Substring(0, 6), load.ErrorText);
        }

        public void Dispose()
        {
            _ps.Dispose();
            try { Directory.Delete(_folder, true); } catch (IOException) { }
        }
    }
}
