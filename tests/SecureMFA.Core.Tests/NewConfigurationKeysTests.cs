using System;
using System.IO;
using System.Linq;
using System.Net;
using SecureMFA.Core.Configuration;
using SecureMFA.Otp.Json;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.Core.Tests
{
    /// <summary>Keys added in this version: trusted proxies, help desk, WEB API; and the simple-bind rule.</summary>
    public class NewConfigurationKeysTests
    {
        private static ConfigurationResult Parse(string members) => ConfigurationLoader.Parse("{ " + members + " }");

        private static ConfigurationIssue ErrorFor(string members, string key)
        {
            var result = Parse(members);
            Assert.False(result.IsValid);
            return Assert.Single(result.Errors, e => e.Key == key);
        }

        [Fact]
        public void NoTrustedProxyByDefault()
        {
            var c = ConfigurationLoader.LoadOrThrow("{ \"ui_trusted_proxies\": \";;\" }");
            Assert.Null(c.TrustedProxies);
            Assert.False(c.IsTrustedProxy(IPAddress.Parse("192.0.2.10")));
            Assert.False(ConfigurationLoader.LoadOrThrow("{ }").IsTrustedProxy(IPAddress.Loopback));
        }

        [Fact]
        public void TrustedProxiesAreRanges()
        {
            var c = ConfigurationLoader.LoadOrThrow("{ \"ui_allow_qr_display_from_networks\": \"10.0.0.0/10.255.255.255\", \"ui_trusted_proxies\": \"192.0.2.10/192.0.2.11;2001:db8::10/2001:db8::10\" }");
            Assert.NotNull(c.TrustedProxies);
            Assert.True(c.IsTrustedProxy(IPAddress.Parse("192.0.2.11")));
            Assert.True(c.IsTrustedProxy(IPAddress.Parse("2001:db8::10")));
            Assert.False(c.IsTrustedProxy(IPAddress.Parse("192.0.2.12")));
            Assert.False(c.IsTrustedProxy(null));
        }

        [Fact]
        public void ABadProxyRangeIsAnErrorNamingTheKey()
        {
            Assert.Contains("10.0.0.300", ErrorFor("\"ui_trusted_proxies\": \"10.0.0.1/10.0.0.300\"", "ui_trusted_proxies").Message);
        }

        [Theory]
        [InlineData("https://help.adatum.labnet/otp")]
        [InlineData("http://help.adatum.labnet/")]
        [InlineData("mailto:servicedesk@adatum.labnet")]
        [InlineData("tel:+1-555-0100")]
        public void HelpdeskLinksOfTheFourKindsAreAccepted(string url)
        {
            var c = ConfigurationLoader.LoadOrThrow($"{{ \"ui_helpdesk_text\": \"Call the service desk on 555-0100\", \"ui_helpdesk_url\": \"{url}\" }}");
            Assert.Equal(url, c.HelpdeskUrl);
            Assert.Equal("Call the service desk on 555-0100", c.HelpdeskText);
        }

        [Theory]
        [InlineData("javascript:alert(1)")]
        [InlineData("JavaScript:alert(1)")]
        [InlineData("data:text/html,hi")]
        [InlineData("file:///c:/x")]
        [InlineData("ftp://help.adatum.labnet/")]
        [InlineData("help.adatum.labnet")]
        [InlineData("/relative/path")]
        [InlineData("https://help.adatum.labnet/a b")]
        [InlineData("https://help.adatum.labnet/\\\"onmouseover=x")]
        [InlineData("https://help.adatum.labnet/\\n")]
        [InlineData("mailto:")]
        public void AnyOtherHelpdeskLinkIsAnErrorNamingTheKey(string url)
        {
            var error = ErrorFor($"\"ui_helpdesk_url\": \"{url}\"", "ui_helpdesk_url");
            Assert.DoesNotContain("\n", error.Message);
        }

        [Fact]
        public void ApiDefaults()
        {
            var c = ConfigurationLoader.LoadOrThrow("{ }");
            Assert.Equal("/api/securemfaotp", c.ApiBasePath);
            Assert.Equal("", c.ApiHeadersValue);
            Assert.False(c.DeviceRegistrationOpen);
            Assert.Equal(30, c.ApiOfflineMaxDays);
            Assert.True(c.OfflinePackagesAllowed);
            Assert.Equal("", c.HelpdeskText);
            Assert.Equal("", c.HelpdeskUrl);
        }

        [Theory]
        [InlineData("/api/securemfaotp")]
        [InlineData("/otp")]
        [InlineData("/a-b/c_d/e.f/g~h/V2")]
        public void ApiBasePathsThatAreAccepted(string path)
        {
            Assert.Equal(path, ConfigurationLoader.LoadOrThrow($"{{ \"api_base_path\": \"{path}\" }}").ApiBasePath);
        }

        [Theory]
        [InlineData("api/securemfaotp")]
        [InlineData("/api/securemfaotp/")]
        [InlineData("/")]
        [InlineData("/api//otp")]
        [InlineData("/api/otp?x=1")]
        [InlineData("/api/%20")]
        [InlineData("/api/../admin")]
        [InlineData("/api/otp\\n")]
        [InlineData("https://x/api")]
        public void ApiBasePathsThatAreRefused(string path)
        {
            var error = ErrorFor($"\"api_base_path\": \"{path}\"", "api_base_path");
            Assert.Contains("must start with /", error.Message);
            Assert.DoesNotContain("\n", error.Message);
        }

        [Fact]
        public void ApiHeadersValueNeedsSixteenCharactersAndIsASecret()
        {
            Assert.True(ConfigurationLoader.LoadOrThrow("{ \"api_headers_value\": \"0123456789abcdef\" }").DeviceRegistrationOpen);
            var error = ErrorFor("\"api_headers_value\": \"Tiny-Boot5\"", "api_headers_value");
            Assert.Contains("at least 16", error.Message);
            Assert.DoesNotContain("Tiny-Boot5", error.Message);
            Assert.Contains("space", ErrorFor("\"api_headers_value\": \"0123456789abcdef \"", "api_headers_value").Message);
            Assert.True(ConfigurationKeys.IsSecret("api_headers_value"));
        }

        [Theory]
        [InlineData("0", 0)]
        [InlineData("365", 365)]
        [InlineData("7", 7)]
        public void ApiOfflineMaxDaysInRange(string value, int expected)
        {
            var c = ConfigurationLoader.LoadOrThrow($"{{ \"api_offline_max_days\": \"{value}\" }}");
            Assert.Equal(expected, c.ApiOfflineMaxDays);
            Assert.Equal(expected > 0, c.OfflinePackagesAllowed);
        }

        [Theory]
        [InlineData("366")]
        [InlineData("-1")]
        [InlineData("thirty")]
        public void ApiOfflineMaxDaysOutOfRange(string value)
        {
            ErrorFor($"\"api_offline_max_days\": \"{value}\"", "api_offline_max_days");
        }

        private const string AdMode = "\"auth_mode\": \"AD\", \"data_encryption\": \"true\", \"data_encryption_passphrase\": \"Ad-Mode-Passphrase-1\"";

        [Fact]
        public void ASimpleBindWithoutSslIsAnErrorThatSaysWhatToDo()
        {
            var error = ErrorFor(AdMode + ", \"ad_ssl\": \"false\", \"ad_user\": \"svc@adatum.labnet\", \"ad_password\": \"Bind-Pa55word\"", "ad_ssl");
            Assert.Contains("clear text", error.Message);
            Assert.Contains("ad_ssl to true", error.Message);
            Assert.Contains("Negotiate", error.Message);
            Assert.DoesNotContain("Bind-Pa55word", error.Message);
        }

        [Fact]
        public void WithoutSslNegotiateAndWithSslASimpleBindAreAccepted()
        {
            Assert.True(Parse(AdMode + ", \"ad_ssl\": \"false\"").IsValid);
            Assert.True(Parse(AdMode + ", \"ad_ssl\": \"true\", \"ad_user\": \"svc@adatum.labnet\", \"ad_password\": \"Bind-Pa55word\"").IsValid);
        }

        [Fact]
        public void TheShippedTemplateHoldsEveryKeyAndOnlyLacksThePassphrase()
        {
            var path = RepositoryPaths.Of("src/PowerShell/SecureMFA_OTP/Module/SecureMfaOtpProvider.json");
            var json = File.ReadAllText(path);
            var keys = JsonReader.ParseObject(json).Members.Select(m => m.Name).ToList();
            Assert.Equal(ConfigurationKeys.All.OrderBy(k => k), keys.OrderBy(k => k));
            var result = ConfigurationLoader.Parse(json);
            var error = Assert.Single(result.Errors);
            Assert.Equal("data_encryption_passphrase", error.Key);
            Assert.Empty(result.Warnings);
            var filled = ConfigurationLoader.Parse(json.Replace("\"data_encryption_passphrase\": \"\"", "\"data_encryption_passphrase\": \"Template-Passphrase-1\""));
            Assert.True(filled.IsValid);
            Assert.Empty(filled.Issues);
        }
    }
}
