using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using SecureMFA.Core.Events;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>The adapter driven through the demo host over HTTP, as AD FS drives it.</summary>
    public class SignInTests
    {
        private static string Code(string base32, DateTime at) => TotpGenerator.Compute(SharedSecret.FromBase32(base32), TotpParameters.Default, at);

        private static string NewUpn() => "user" + Guid.NewGuid().ToString("N").Substring(0, 8) + "@adatum.labnet";

        private static async Task<string> Enrol(RunningDemoHost host, string upn)
        {
            var page = await host.StartSignIn(upn);
            var key = page.ManualKey!;
            var done = await host.SubmitCode(page, Code(key, host.Now));
            Assert.Equal(HttpStatusCode.SeeOther, done.Response.StatusCode);
            return key;
        }

        [Theory]
        [InlineData("alice", "Enter your user name as name@domain, for example alice@adatum.labnet.")]
        [InlineData("alice@", "A UPN has the form name@domain, with one @.")]
        [InlineData("al ice@adatum.labnet", "The UPN contains a space or an invisible character (U+0020).")]
        public async Task ATypedNameThatIsNoUpnIsAskedForAgainWithWhatToType(string typed, string message)
        {
            using var host = new RunningDemoHost();
            var page = await host.StartSignIn(typed);
            Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
            Assert.Contains($"<span id=\"errorText\" role=\"alert\">{System.Net.WebUtility.HtmlEncode(message)}</span>", page.Html);
            Assert.Contains("id=\"loginForm\"", page.Html);
            Assert.DoesNotContain(host.Events.Events, e => e.Id == OtpEventId.ProviderFailed || e.Id == OtpEventId.OtpFailed);
        }

        [Fact]
        public async Task ANewUserEnrolsByQrConfirmsWithTheFirstCodeAndReachesThePortalWithTheOtpClaim()
        {
            using var host = new RunningDemoHost();
            var upn = NewUpn();
            var page = await host.StartSignIn(upn);
            Assert.True(page.HasQrCode);
            Assert.Contains("src=\"data:image/png;base64,", page.Html);
            Assert.Equal("SecureMfaOtpProvider", page.AuthMethod);
            Assert.False(string.IsNullOrEmpty(page.Context));
            Assert.Equal("Set up your authenticator app", page.Title);
            var key = page.ManualKey!;
            Assert.Matches("^[A-Z2-7]{32}$", key);

            var done = await host.SubmitCode(page, Code(key, host.Now));
            Assert.Equal(HttpStatusCode.SeeOther, done.Response.StatusCode);
            var portal = await host.Client.GetStringAsync(done.Response.Headers.Location);
            Assert.Contains("http://schemas.microsoft.com/ws/2012/12/authmethod/otp", portal);
            Assert.Contains(upn, portal);

            var user = SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!;
            Assert.True(user.Enrolled);
            Assert.Equal(1, user.LogonCount);
            Assert.Equal("127.0.0.1", user.LogonIp);
            Assert.Equal("SecureMFA-Tests/1.0", user.UserAgent);
            Assert.StartsWith("v2:", user.ProtectedSecret);
        }

        [Fact]
        public async Task UntilConfirmedTheSameQrShowsAgainAndAfterwardsOnlyTheCodePage()
        {
            using var host = new RunningDemoHost();
            var upn = NewUpn();
            var first = await host.StartSignIn(upn);
            var again = await host.StartSignIn(upn);
            Assert.True(again.HasQrCode);
            Assert.Equal(first.ManualKey, again.ManualKey);

            var wrong = await host.SubmitCode(again, "000000" == Code(first.ManualKey!, host.Now) ? "111111" : "000000");
            Assert.True(wrong.HasQrCode, "an unconfirmed user keeps seeing the QR code");
            Assert.Equal("That code is not correct. You have 4 attempts left before your account is locked for 5 minutes.", wrong.ErrorText);

            host.Now = host.Now.AddSeconds(30);
            Assert.Equal(HttpStatusCode.SeeOther, (await host.SubmitCode(wrong, Code(first.ManualKey!, host.Now))).Response.StatusCode);
            var later = await host.StartSignIn(upn);
            Assert.False(later.HasQrCode);
            Assert.Null(later.ManualKey);
            Assert.True(later.HasCodeInput);
        }

        [Fact]
        public async Task AWrongCodeShowsTheFormAgainWithAMessageAndIsCounted()
        {
            using var host = new RunningDemoHost();
            var upn = NewUpn();
            var key = await Enrol(host, upn);
            host.Now = host.Now.AddMinutes(1);
            var page = await host.StartSignIn(upn);
            var correct = Code(key, host.Now);
            var wrong = await host.SubmitCode(page, correct == "123456" ? "654321" : "123456");
            Assert.Equal(HttpStatusCode.OK, wrong.Response.StatusCode);
            Assert.Equal("That code is not correct. You have 4 attempts left before your account is locked for 5 minutes.", wrong.ErrorText);
            Assert.True(wrong.HasCodeInput);
            var user = SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!;
            Assert.Equal(1, user.FailedLogonCount);
            Assert.Contains(host.Events.Messages(OtpEventId.OtpFailed), m => m.Contains(upn) && m.Contains("1 consecutive failure"));
        }

        [Fact]
        public async Task AReplayedCodeIsRefused()
        {
            using var host = new RunningDemoHost();
            var upn = NewUpn();
            var key = await Enrol(host, upn);
            host.Now = host.Now.AddSeconds(30);
            var code = Code(key, host.Now);
            var first = await host.StartSignIn(upn);
            Assert.Equal(HttpStatusCode.SeeOther, (await host.SubmitCode(first, code)).Response.StatusCode);
            var second = await host.StartSignIn(upn);
            var replay = await host.SubmitCode(second, code);
            Assert.Equal(HttpStatusCode.OK, replay.Response.StatusCode);
            Assert.Equal("That code was already used. Wait for the next code and enter it. You have 4 attempts left before your account is locked for 5 minutes.", replay.ErrorText);
        }

        [Fact]
        public async Task FiveWrongCodesLockTheUserUntilTheLockEnds()
        {
            // Midday, so the lock ends on the same UTC day and the page shows the time alone.
            using var host = new RunningDemoHost { Now = new DateTime(2026, 11, 30, 11, 58, 10, DateTimeKind.Utc) };
            var upn = NewUpn();
            var key = await Enrol(host, upn);
            host.Now = host.Now.AddMinutes(1);
            var page = await host.StartSignIn(upn);
            var wrong = Code(key, host.Now) == "999999" ? "999998" : "999999";
            for (var i = 0; i < 4; i++) page = await host.SubmitCode(page, wrong);
            Assert.True(page.HasCodeInput);
            var locked = await host.SubmitCode(page, wrong);
            Assert.False(locked.HasCodeInput);
            Assert.Equal($"Too many incorrect codes were entered. You can try again in 5 minutes, at {host.Now.AddMinutes(5):HH:mm} UTC.", locked.ErrorText);

            host.Now = host.Now.AddMinutes(2);
            var stillLocked = await host.StartSignIn(upn);
            Assert.Equal($"Too many incorrect codes were entered. You can try again in 3 minutes, at {host.Now.AddMinutes(3):HH:mm} UTC.", stillLocked.ErrorText);
            Assert.False(stillLocked.HasCodeInput); // nothing to submit while locked but "try again"

            host.Now = host.Now.AddMinutes(4);
            var open = await host.StartSignIn(upn);
            Assert.True(open.HasCodeInput);
            Assert.Equal(HttpStatusCode.SeeOther, (await host.SubmitCode(open, Code(key, host.Now))).Response.StatusCode);
            Assert.Equal(0, SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!.FailedLogonCount);
        }

        [Fact]
        public async Task ADisabledUserIsToldSoAndCannotSubmit()
        {
            using var host = new RunningDemoHost();
            var upn = NewUpn();
            var key = await Enrol(host, upn);
            var page = await host.StartSignIn(upn);
            SqliteStoreFactory.Open(host.DatabasePath).SetDisabled(upn, true);
            var disabled = await host.StartSignIn(upn);
            Assert.Equal("Sign-in with an authenticator app is turned off for your account.", disabled.ErrorText);
            Assert.False(disabled.HasCodeInput);
            host.Now = host.Now.AddSeconds(30);
            var submitted = await host.SubmitCode(page, Code(key, host.Now));
            Assert.Equal(HttpStatusCode.OK, submitted.Response.StatusCode);
            Assert.Contains("turned off", submitted.ErrorText);
        }

        private const string RestrictedNetworks = @"{ ""company"": ""Adatum"", ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"",
            ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Test-Only-Passphrase-1"",
            ""ui_allow_qr_display_from_networks"": ""10.0.0.0/10.255.255.255;2001:db8::/2001:db8::ffff;"" }";

        [Fact]
        public async Task EnrolmentIsRefusedFromADisallowedNetworkAndNothingIsCreated()
        {
            using var host = new RunningDemoHost(RestrictedNetworks);
            var upn = NewUpn();
            var page = await host.StartSignIn(upn);
            Assert.False(page.HasQrCode);
            Assert.Null(page.ManualKey);
            Assert.StartsWith("Your authenticator app is not set up yet, and it cannot be set up from this network.", page.ErrorText);
            Assert.Null(SqliteStoreFactory.Open(host.DatabasePath).Find(upn));
        }

        [Fact]
        public async Task BehindATrustedProxyTheAddressTheProxySawDecidesAndIsRecorded()
        {
            // The demo host is reached from 127.0.0.1: here that is the Web Application Proxy.
            using var host = new RunningDemoHost(RestrictedNetworks.Replace("\"ui_allow_qr", "\"ui_trusted_proxies\": \"127.0.0.1/127.0.0.1\", \"ui_allow_qr"));
            var upn = NewUpn();
            var viaProxy = new Dictionary<string, string> { ["X-MS-Proxy"] = "WAP01", ["X-MS-Forwarded-Client-IP"] = "10.1.2.3" };
            var page = await host.StartSignIn(upn, viaProxy);
            Assert.True(page.HasQrCode);
            var done = await host.SubmitCode(page, Code(page.ManualKey!, host.Now), viaProxy);
            Assert.Equal(HttpStatusCode.SeeOther, done.Response.StatusCode);
            Assert.Equal("10.1.2.3", SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!.LogonIp);

            // A client that writes an internal address itself ends up left of what the proxy appends: it does not count.
            var smuggled = await host.StartSignIn(NewUpn(), new Dictionary<string, string> { ["X-MS-Proxy"] = "WAP01", ["X-MS-Forwarded-Client-IP"] = "10.1.2.3, 198.51.100.7" });
            Assert.False(smuggled.HasQrCode);
            var ipv6 = await host.StartSignIn(NewUpn(), new Dictionary<string, string> { ["X-MS-Proxy"] = "WAP01", ["X-MS-Forwarded-Client-IP"] = "[2001:db8::42]:50000" });
            Assert.True(ipv6.HasQrCode);
        }

        [Fact]
        public async Task WithoutTrustedProxiesNobodyCanClaimAnInternalAddress()
        {
            using var host = new RunningDemoHost(RestrictedNetworks);
            var claimed = await host.StartSignIn(NewUpn(), new Dictionary<string, string> { ["X-MS-Proxy"] = "WAP01", ["X-MS-Forwarded-Client-IP"] = "10.1.2.3" });
            Assert.False(claimed.HasQrCode);
            Assert.StartsWith("Your authenticator app is not set up yet", claimed.ErrorText);
        }

        [Fact]
        public async Task MarkupInTheUpnIsEncodedEverywhere()
        {
            using var host = new RunningDemoHost();
            var upn = "\"><script>alert(1)</script><img/src=x/onerror=alert(2)>@adatum.labnet";
            var page = await host.StartSignIn(upn);
            // The page has one script of its own (PageAssets.Script); the UPN's never becomes markup.
            Assert.DoesNotContain("<script>alert(1)", page.Html);
            Assert.DoesNotContain("<img/src=x", page.Html);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(page.Html, "<script"));
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Html);
            Assert.Contains("<div id=\"identityBanner\">&quot;&gt;&lt;script&gt;", page.Html);
            var done = await host.SubmitCode(page, Code(page.ManualKey!, host.Now));
            var portal = await host.Client.GetStringAsync(done.Response.Headers.Location);
            Assert.DoesNotContain("<script", portal);
            Assert.Contains("&lt;script&gt;", portal);
        }

        [Theory]
        [InlineData(1036, "Configurez votre application d'authentification", "fr", "fr-FR")]
        [InlineData(3084, "Configurez votre application d'authentification", "fr", "fr-CA")]
        [InlineData(1031, "Authentifizierungs-App einrichten", "de", "de-DE")]
        [InlineData(3082, "Configure su aplicación de autenticación", "es", "es-ES")]
        [InlineData(1043, "Stel uw authenticator-app in", "nl", "nl-NL")]
        [InlineData(2057, "Set up your authenticator app", "en", "en-GB")]
        // Japanese is not offered: AD FS falls back to the server's culture (the demo host's is en-US).
        [InlineData(1041, "Set up your authenticator app", "en", "en-US")]
        public async Task PagesSpeakTheUsersLanguageWithEnglishAsFallback(int lcid, string title, string fragmentLang, string pageLang)
        {
            using var host = new RunningDemoHost();
            var page = await host.StartSignIn(NewUpn(), lcid: lcid);
            Assert.Equal(title, page.Title);
            Assert.Equal(title, page.HeadingText);
            Assert.True(page.HasQrCode);
            // The fragment says which language its words are in; the page says which language AD FS renders (the LCID's).
            Assert.Equal(fragmentLang, page.FragmentLang);
            Assert.Equal(pageLang, page.HtmlLang);
        }

        [Theory]
        [InlineData("en-GB,en;q=0.9", "Set up your authenticator app", "en", "en-GB")]
        [InlineData("de-AT", "Authentifizierungs-App einrichten", "de", "de-AT")]
        [InlineData("fr-CA", "Configurez votre application d'authentification", "fr", "fr-CA")]
        [InlineData("es-MX", "Configure su aplicación de autenticación", "es", "es-MX")]
        [InlineData("nl-BE", "Stel uw authenticator-app in", "nl", "nl-BE")]
        public async Task ABrowserCultureWhoseParentIsListedGetsOurPageInItsLanguage(string acceptLanguage, string title, string fragmentLang, string pageLang)
        {
            using var host = new RunningDemoHost();
            var page = await host.StartSignIn(NewUpn(), new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage });
            Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
            Assert.Equal(title, page.Title);
            Assert.Equal(fragmentLang, page.FragmentLang);
            Assert.Equal(pageLang, page.HtmlLang);
        }

        [Fact]
        public async Task CustomTextsAreShownEncodedWhenUiCustomizationIsOn()
        {
            using var host = new RunningDemoHost(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"", ""ui_customization"": ""true"",
                ""ui_first_login_text"": ""Scan <b>now</b> & enjoy"", ""ui_login_text"": ""Code please"" }");
            var page = await host.StartSignIn(NewUpn());
            Assert.Contains("Scan &lt;b&gt;now&lt;/b&gt; &amp; enjoy", page.Html);
        }

        [Fact]
        public async Task NoEventEverContainsTheSecretOrThePassphrase()
        {
            using var host = new RunningDemoHost();
            var upn = NewUpn();
            var page = await host.StartSignIn(upn);
            await host.SubmitCode(page, "000001");
            await host.SubmitCode(page, Code(page.ManualKey!, host.Now));
            var passphrase = System.IO.File.ReadAllText(System.IO.Path.Combine(host.DataFolder, "passphrase.txt")).Trim();
            Assert.NotEmpty(host.Events.Events);
            Assert.Contains(host.Events.Messages(OtpEventId.OtpOk), m => m.Contains(upn));
            Assert.All(host.Events.Events, e =>
            {
                Assert.DoesNotContain(page.ManualKey!, e.Message);
                Assert.DoesNotContain(passphrase, e.Message);
            });
        }

        [Fact]
        public async Task VerboseLogSaysWhichPageEachUserGotWithoutSecrets()
        {
            using var host = new RunningDemoHost(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"", ""verboselog"": ""true"",
                ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Verbose-Test-Passphrase"" }");
            var upn = NewUpn();
            var page = await host.StartSignIn(upn);
            Assert.Contains(host.Events.Messages(OtpEventId.ProviderOk), m => m == $"{upn} from 127.0.0.1: Enrol page.");
            Assert.All(host.Events.Events, e => Assert.DoesNotContain(page.ManualKey!, e.Message));
            Assert.All(host.Events.Events, e => Assert.DoesNotContain("Verbose-Test-Passphrase", e.Message));
        }

        [Fact]
        public async Task AStoreThatIsDownGivesAPageAndAnEventNotACrash()
        {
            using var host = new RunningDemoHost(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""/proc/securemfa-nowhere/otp.db"" }");
            var page = await host.StartSignIn(NewUpn());
            Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
            Assert.Equal("Verification is not available right now. Try again in a few minutes.", page.ErrorText);
            Assert.NotEmpty(host.Events.Messages(OtpEventId.ProviderFailed));
        }

        [Fact]
        public async Task ABrokenConfigurationIsEvent5551AndEveryPageSaysUnavailable()
        {
            using var host = new RunningDemoHost(@"{ ""ui_login_failures"": ""abc"" }");
            Assert.Contains(host.Events.Messages(OtpEventId.ConfigurationFailed), m => m.Contains("ui_login_failures: \"abc\" is not a whole number"));
            var page = await host.StartSignIn(NewUpn());
            Assert.Equal("Verification is not available right now. Try again in a few minutes.", page.ErrorText);
        }
    }
}
