using System;
using System.IO;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.SignIn;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>Everything from users, requests or configuration is HTML-encoded, and only safe links become links.</summary>
    public class PageEncodingTests
    {
        private const string Markup = "<script>alert(1)</script><img src=x onerror=alert(2)>\" onmouseover=\"alert(3)";

        [Fact]
        public async Task HelpDeskTextIsEncodedOnEveryPageThatShowsIt()
        {
            var json = @"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"", ""ui_helpdesk_text"": """ + Markup.Replace("\"", "\\\"") + @""" }";
            using var host = new RunningDemoHost(json);
            var upn = TestUsers.NewUpn();
            await TestUsers.Enrol(host, upn);
            var recovery = await host.Press(await host.StartSignIn(upn), "recovery");
            Core.Stores.Sql.SqliteStoreFactory.Open(host.DatabasePath).SetDisabled(upn, true);
            var disabled = await host.StartSignIn(upn);
            foreach (var page in new[] { recovery, disabled })
            {
                Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot; onmouseover=&quot;alert(3)", page.Html);
                Assert.DoesNotContain("<script>alert", page.Html);
                Assert.DoesNotContain("onerror=alert(2)>", page.Html);
                Assert.Equal(Markup, page.HelpdeskText);
            }
        }

        [Theory]
        [InlineData("javascript:alert(1)")]
        [InlineData("JavaScript:alert(document.cookie)")]
        [InlineData(" javascript:alert(1)")]
        [InlineData("java\tscript:alert(1)")]
        [InlineData("vbscript:msgbox(1)")]
        [InlineData("data:text/html,<script>alert(1)</script>")]
        [InlineData("//evil.example/")]
        [InlineData("https://help.example/\" onmouseover=\"alert(1)")]
        [InlineData("https://help.example/<script>")]
        [InlineData("mailto:")]
        public void AnUnsafeHelpDeskUrlNeverBecomesALinkEvenIfTheConfigurationLetItThrough(string url)
        {
            // The configuration refuses these; the page must not rely on that, so the check is bypassed here.
            Assert.NotNull(HelpdeskLinkFormat.Problem(url.Trim(' ')));
            var config = ConfigurationLoader.LoadOrThrow(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""/tmp/unused.db"", ""ui_helpdesk_text"": ""Help"" }");
            typeof(ProviderConfiguration).GetProperty(nameof(ProviderConfiguration.HelpdeskUrl))!.SetValue(config, url);

            foreach (var page in new[]
            {
                OtpPresentation.For(new BeginResult(BeginKind.Disabled), null, false, "u@adatum.labnet", config, DateTime.UtcNow),
                OtpPresentation.For(new BeginResult(BeginKind.Locked, lockedUntil: DateTime.UtcNow.AddMinutes(3)), null, false, "u@adatum.labnet", config, DateTime.UtcNow),
                OtpPresentation.Unavailable(config),
                OtpPresentation.RecoveryCodeAccepted(1, config),
            })
            {
                var html = page.GetFormHtml(1033);
                Assert.DoesNotContain("helpdeskLink", html);
                Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("<p id=\"helpdesk\">Help</p>", html);
            }
        }

        [Theory]
        [InlineData("https://help.adatum.example/otp", "Help desk")]
        [InlineData("mailto:it@adatum.example?subject=OTP", "it@adatum.example")]
        [InlineData("tel:+44-20-7946-0000", "+44-20-7946-0000")]
        public void ASafeHelpDeskUrlIsALinkWithAnEncodedLabel(string url, string label)
        {
            var config = ConfigurationLoader.LoadOrThrow(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""/tmp/unused.db"", ""ui_helpdesk_url"": """ + url + @""" }");
            var html = OtpPresentation.Unavailable(config).GetFormHtml(1033);
            Assert.Contains($"<a id=\"helpdeskLink\" href=\"{url}\">{label}</a>", html);
        }

        [Fact]
        public void TheConfigurationItselfRefusesAJavascriptHelpDeskUrl()
        {
            var result = ConfigurationLoader.Parse(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""/tmp/unused.db"", ""ui_helpdesk_url"": ""javascript:alert(1)"" }");
            Assert.Null(result.Configuration);
            Assert.Contains(result.Issues, i => i.ToString().Contains("ui_helpdesk_url"));
        }

        [Fact]
        public async Task TheCompanyInTheKeyUriIsEncodedInTheOpenInAppLink()
        {
            using var host = new RunningDemoHost(@"{ ""company"": ""A&B \""<i>Labs</i>\"""", ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"" }");
            var page = await host.StartSignIn(TestUsers.NewUpn());
            var href = Regex.Match(page.Html, "<a id=\"openInApp\" href=\"([^\"]*)\"").Groups[1].Value;
            Assert.StartsWith("otpauth://totp/", href);
            Assert.DoesNotContain("<", href);
            Assert.DoesNotContain("<i>", page.Html);
        }

        [Fact]
        public async Task CustomLoginTextIsEncodedOnTheCodePage()
        {
            using var host = new RunningDemoHost(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"", ""ui_customization"": ""true"",
                ""ui_login_text"": ""Type it <u>now</u> & go"" }");
            var upn = TestUsers.NewUpn();
            await TestUsers.Enrol(host, upn);
            var page = await host.StartSignIn(upn);
            Assert.Contains("<p id=\"intro\" class=\"fieldMargin\">Type it &lt;u&gt;now&lt;/u&gt; &amp; go</p>", page.Html);
        }
    }
}
