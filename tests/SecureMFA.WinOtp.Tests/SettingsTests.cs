using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    public class SettingsTests
    {
        private static FakeRegistry Minimal()
        {
            var registry = new FakeRegistry();
            registry.SetValue("", "win_anchordnsname", "Adatum.Labnet");
            registry.SetValue("", "win_api_endpoint", "https://awebapi.adatum.labnet/api/securemfaotp/");
            return registry;
        }

        [Fact]
        public void DefaultsWhenOnlyTheRequiredValuesAreSet()
        {
            var result = SettingsReader.Read(Minimal());
            Assert.True(result.IsValid, string.Join(" ", result.Errors));
            var s = result.Settings!;
            Assert.Equal("adatum.labnet", s.AnchorDnsName);
            Assert.Equal("https://awebapi.adatum.labnet/api/securemfaotp", s.ApiEndpoint.ToString());
            Assert.Equal(10000, s.ApiTimeoutMs);
            Assert.False(s.RdpOnly);
            Assert.Equal(0, s.OfflineValidDays);
            Assert.Equal(5, s.OfflineLoginFailures);
            Assert.Equal(5, s.OfflineLockoutMinutes);
            Assert.False(s.ProxyEnabled);
            Assert.False(s.VerboseLog);
            Assert.Equal("https://awebapi.adatum.labnet/", s.SsprUrl);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(1L)]
        [InlineData("1")]
        [InlineData("true")]
        [InlineData(" True ")]
        public void RdpOnlyAcceptsWhatSetItemPropertyAndRegExeWrite(object value)
        {
            var registry = Minimal();
            registry.SetValue("", "win_rdponly", value);
            var result = SettingsReader.Read(registry);
            Assert.True(result.RdpOnly);
            Assert.True(result.Settings!.RdpOnly);
        }

        [Fact]
        public void TheDocumentedRecoveryWorksEvenWhenOtherValuesAreBroken()
        {
            var registry = new FakeRegistry();
            registry.SetValue("", "win_api_timeout", "soon");
            registry.SetValue("", "win_rdponly", 1);
            var result = SettingsReader.Read(registry);
            Assert.False(result.IsValid);
            Assert.True(result.RdpOnly);
        }

        [Fact]
        public void AMissingOrUnreadableRdpOnlyAsksACodeEverywhere()
        {
            Assert.False(SettingsReader.Read(Minimal()).RdpOnly);
            var registry = Minimal();
            registry.SetValue("", "win_rdponly", "maybe");
            var result = SettingsReader.Read(registry);
            Assert.False(result.RdpOnly);
            Assert.Contains(result.Errors, e => e.StartsWith("win_rdponly: 'maybe'"));
        }

        [Theory]
        [InlineData("win_api_timeout", "soon", "win_api_timeout: 'soon' is not a whole number of milliseconds")]
        [InlineData("win_api_timeout", 100, "win_api_timeout: 100 is outside 500-120000")]
        [InlineData("win_totp_offline_secret_valid_days", -1, "win_totp_offline_secret_valid_days: -1 is outside")]
        [InlineData("win_totp_offline_ui_login_failures", "five", "win_totp_offline_ui_login_failures: 'five'")]
        [InlineData("win_totp_offline_ui_lockout_minutes", 9999999, "win_totp_offline_ui_lockout_minutes: 9999999 is outside")]
        [InlineData("win_verboselog", 2, "win_verboselog: '2' is not 1 or 0")]
        [InlineData("win_anchordnsname", "adatum labnet", "win_anchordnsname: 'adatum labnet' is not a DNS name")]
        [InlineData("win_api_endpoint", "http://awebapi.adatum.labnet/api/securemfaotp", "win_api_endpoint: 'http://awebapi.adatum.labnet/api/securemfaotp' uses http://")]
        [InlineData("win_api_endpoint", "ftp://x/y", "win_api_endpoint: 'ftp://x/y' is not an http(s) URL")]
        [InlineData("win_api_endpoint", "https://x/api?key=1", "must not carry a query")]
        [InlineData("win_sspr_url", "http://sspr.adatum.labnet/", "win_sspr_url: 'http://sspr.adatum.labnet/' is not an https:// URL")]
        [InlineData("win_api_timeout", new byte[] { 1 }, "win_api_timeout: '(binary)'")]
        public void EachBadValueIsNamedWithWhatWasFound(string name, object value, string expected)
        {
            var registry = Minimal();
            registry.SetValue("", name, value);
            var result = SettingsReader.Read(registry);
            Assert.False(result.IsValid);
            Assert.Contains(result.Errors, e => e.Contains(expected));
        }

        [Fact]
        public void MissingRequiredValuesAreNamed()
        {
            var result = SettingsReader.Read(new FakeRegistry());
            Assert.Contains(result.Errors, e => e.StartsWith("win_anchordnsname is not set"));
            Assert.Contains(result.Errors, e => e.StartsWith("win_api_endpoint is not set"));
        }

        [Fact]
        public void ProxyNeedsServerAndPortWhenEnabled()
        {
            var registry = Minimal();
            registry.SetValue("", "win_api_proxy_enable", 1);
            var result = SettingsReader.Read(registry);
            Assert.Contains(result.Errors, e => e.StartsWith("win_api_proxy_server is not set"));
            Assert.Contains(result.Errors, e => e.StartsWith("win_api_proxy_port is not set"));

            registry.SetValue("", "win_api_proxy_server", "http://proxy:8080");
            Assert.Contains(SettingsReader.Read(registry).Errors, e => e.StartsWith("win_api_proxy_server: 'http://proxy:8080' is not a host name"));

            registry.SetValue("", "win_api_proxy_server", "proxy.adatum.labnet");
            registry.SetValue("", "win_api_proxy_port", "8080");
            var ok = SettingsReader.Read(registry);
            Assert.True(ok.IsValid, string.Join(" ", ok.Errors));
            Assert.True(ok.Settings!.ProxyEnabled);
            Assert.Equal("proxy.adatum.labnet", ok.Settings.ProxyServer);
            Assert.Equal(8080, ok.Settings.ProxyPort);
        }

        [Fact]
        public void LoopbackHttpIsAcceptedForTests()
        {
            foreach (var endpoint in new[] { "http://127.0.0.1:5081/api/securemfaotp", "http://localhost:5081/x", "http://[::1]:5081/x" })
            {
                var registry = Minimal();
                registry.SetValue("", "win_api_endpoint", endpoint);
                Assert.True(SettingsReader.Read(registry).IsValid, endpoint);
            }
        }

        [Fact]
        public void ValuesThisVersionDoesNotUseAreWarnedAboutNotRead()
        {
            var registry = Minimal();
            registry.SetValue("", "win_api_headers_value", "bootstrap-3f9c1d77a2");
            registry.SetValue("", "win_data_encryption_passphrase", "d9GhT=7=Ox8-+LaZ");
            var result = SettingsReader.Read(registry);
            Assert.True(result.IsValid);
            Assert.Contains(result.Warnings, w => w.StartsWith("win_api_headers_value is present but not used") && w.Contains("must not be kept"));
            Assert.Contains(result.Warnings, w => w.StartsWith("win_data_encryption_passphrase is present"));
            // A warning names the value, never repeats it.
            Assert.DoesNotContain(result.Warnings, w => w.Contains("bootstrap-3f9c1d77a2") || w.Contains("d9GhT"));
        }

        [Fact]
        public void ValidSettingsAreAllRead()
        {
            var registry = Minimal();
            registry.SetValue("", "win_api_timeout", 3000);
            registry.SetValue("", "win_rdponly", "0");
            registry.SetValue("", "win_totp_offline_secret_valid_days", 30);
            registry.SetValue("", "win_totp_offline_ui_login_failures", 0);
            registry.SetValue("", "win_totp_offline_ui_lockout_minutes", 15L);
            registry.SetValue("", "win_verboselog", "true");
            registry.SetValue("", "win_sspr_url", "https://sspr.adatum.labnet/reset");
            var s = SettingsReader.Read(registry).Settings!;
            Assert.Equal(3000, s.ApiTimeoutMs);
            Assert.Equal(30, s.OfflineValidDays);
            Assert.Equal(0, s.OfflineLoginFailures);
            Assert.Equal(15, s.OfflineLockoutMinutes);
            Assert.True(s.VerboseLog);
            Assert.Equal("https://sspr.adatum.labnet/reset", s.SsprUrl);
        }
    }
}
