using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.IdentityServer.Web.Authentication.External;
using SecureMFA.Core.Events;
using SecureMFA.Core.Recovery;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.DemoHost;
using SecureMFA.Otp.Identity;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>"Use a recovery code": the second mode of the code page, one-time codes, and what the user is told after.</summary>
    public class RecoveryCodeSignInTests
    {
        [Fact]
        public async Task TheCodePageOffersARecoveryCodeAndSwitchingBackAndForthCountsNothing()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            await TestUsers.Enrol(host, upn);
            var page = await host.StartSignIn(upn);
            Assert.True(page.Offers("recovery"));
            var recovery = await host.Press(page, "recovery");
            Assert.Equal("Enter a recovery code", recovery.HeadingText);
            Assert.True(recovery.HasRecoveryInput);
            Assert.False(recovery.HasCodeInput);
            Assert.Contains("<label for=\"recoveryCode\">Recovery code</label>", recovery.Html);
            Assert.True(recovery.Offers("code"));
            var back = await host.Press(recovery, "code");
            Assert.True(back.HasCodeInput);
            Assert.Null(back.ErrorText);
            Assert.Equal(0, SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!.FailedLogonCount);
        }

        [Fact]
        public async Task TheEnrolmentPageDoesNotOfferRecoveryCodes()
        {
            using var host = new RunningDemoHost();
            var page = await host.StartSignIn(TestUsers.NewUpn());
            Assert.True(page.HasQrCode);
            Assert.False(page.Offers("recovery"));
        }

        [Fact]
        public async Task WithManyCodesLeftARecoveryCodeSignsInAtOnceAndThePortalSaysHowManyRemain()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            await TestUsers.Enrol(host, upn);
            var codes = TestUsers.GiveRecoveryCodes(host, upn, 10);
            var recovery = await host.Press(await host.StartSignIn(upn), "recovery");
            // As people type it: lower case, spaces instead of dashes.
            var done = await host.SubmitRecoveryCode(recovery, codes[3].ToLowerInvariant().Replace('-', ' '));
            Assert.Equal(HttpStatusCode.SeeOther, done.Response.StatusCode);
            var portal = await host.Client.GetStringAsync(done.Response.Headers.Location);
            Assert.Contains("You signed in with a recovery code: 9 are left.", portal);
            Assert.Contains("http://schemas.microsoft.com/ws/2012/12/authmethod/otp", portal);
            Assert.Contains(host.Events.Messages(OtpEventId.OtpOk), m => m.Contains($"Recovery code accepted for {upn}") && m.Contains("9 left"));
        }

        [Fact]
        public async Task WithFewCodesLeftTheUserIsToldHowManyBeforeContinuing()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            await TestUsers.Enrol(host, upn);
            var codes = TestUsers.GiveRecoveryCodes(host, upn, 2);
            var used = await host.SubmitRecoveryCode(await host.Press(await host.StartSignIn(upn), "recovery"), codes[0]);
            Assert.Equal(HttpStatusCode.OK, used.Response.StatusCode);
            Assert.Equal("Recovery code accepted", used.HeadingText);
            Assert.Contains("You signed in with a recovery code. You have one recovery code left.", used.Html);
            Assert.Contains("Ask your help desk for new recovery codes", used.Html);
            var done = await host.Press(used, "continue");
            Assert.Equal(HttpStatusCode.SeeOther, done.Response.StatusCode);
            Assert.Contains("1 is left", await host.Client.GetStringAsync(done.Response.Headers.Location));

            var last = await host.SubmitRecoveryCode(await host.Press(await host.StartSignIn(upn), "recovery"), codes[1]);
            Assert.Contains("You signed in with your last recovery code.", last.Html);
        }

        [Fact]
        public async Task ContinueWithoutAnAcceptedRecoveryCodeIssuesNothing()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            await TestUsers.Enrol(host, upn);
            var pressed = await host.Press(await host.StartSignIn(upn), "continue");
            Assert.Equal(HttpStatusCode.OK, pressed.Response.StatusCode);
            Assert.True(pressed.HasCodeInput);
        }

        [Fact]
        public void AnAcceptedRecoveryCodeContinuesOnceAndOnlyForTenMinutes()
        {
            var folder = Path.Combine(Path.GetTempPath(), "securemfa-demo-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var clock = new VariableClock(new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc));
            var now = clock.UtcNow;
            var adapter = new OtpAuthenticationAdapter(new RecordedEvents(), clock);
            var json = $"{{ \"auth_mode\": \"SQLITE\", \"sqlite_path\": \"{folder}/otp.db\" }}";
            adapter.OnAuthenticationPipelineLoad(new DemoConfigData(new MemoryStream(Encoding.UTF8.GetBytes(json))));
            var upn = TestUsers.NewUpn();
            var context = new DemoAuthenticationContext("a", "c", 1033);
            var enrol = (IAdapterPresentationForm)adapter.BeginAuthentication(new Claim(AdapterMetadata.UpnClaimType, upn), null!, context);
            var key = Regex.Match(enrol.GetFormHtml(1033), "<code id=\"manualKey\">([^<]*)</code>").Groups[1].Value.Replace(" ", "");
            Assert.Null(adapter.TryEndAuthentication(context, Proof("otpCode", TestUsers.Code(key, now)), null!, out _));
            var store = SqliteStoreFactory.Open(Path.Combine(folder, "otp.db"));
            var codes = RecoveryCode.Generate(2);
            store.ReplaceRecoveryCodes(upn, codes.Select(c => RecoveryCode.Hash(Upn.Normalize(upn), RecoveryCode.Normalize(c)!)).ToList(), now);

            var told = adapter.TryEndAuthentication(context, Proof("recoveryCode", codes[0]), null!, out var none);
            Assert.Empty(none);
            Assert.Equal(PageKind.RecoveryUsed, ((OtpPresentation)told).Kind);
            Assert.Equal(1, context.Data[OtpAuthenticationAdapter.RecoveryCodesLeftContextKey]);
            // AD FS serializes the context between requests: the mark must survive coming back as another type.
            var mark = context.Data.Single(d => d.Key.StartsWith("SecureMfaOtp.RecoveryAccepted", StringComparison.Ordinal));
            context.Data[mark.Key] = long.Parse(Convert.ToString(mark.Value, System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Null(adapter.TryEndAuthentication(context, Proof("smfaAction", "continue"), null!, out var claims));
            Assert.Single(claims);
            Assert.NotNull(adapter.TryEndAuthentication(context, Proof("smfaAction", "continue"), null!, out var again));
            Assert.Empty(again);

            adapter.TryEndAuthentication(context, Proof("recoveryCode", codes[1]), null!, out _);
            clock.Advance(TimeSpan.FromMinutes(11));
            Assert.NotNull(adapter.TryEndAuthentication(context, Proof("smfaAction", "continue"), null!, out var late));
            Assert.Empty(late);
            adapter.OnAuthenticationPipelineUnload();
        }

        private static DemoProofData Proof(string field, string value) => new DemoProofData(new Dictionary<string, object> { [field] = value });

        [Fact]
        public async Task AWrongOrUsedRecoveryCodeCountsAndSaysSoAndAMalformedOneDoesNot()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            await TestUsers.Enrol(host, upn);
            var codes = TestUsers.GiveRecoveryCodes(host, upn, 5);
            var recovery = await host.Press(await host.StartSignIn(upn), "recovery");

            var malformed = await host.SubmitRecoveryCode(recovery, "ABCD-1234");
            Assert.Equal("Enter a 16-character recovery code, in the form XXXX-XXXX-XXXX-XXXX.", malformed.ErrorText);
            Assert.True(malformed.HasRecoveryInput);
            Assert.Equal(0, SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!.FailedLogonCount);

            Assert.Equal(HttpStatusCode.SeeOther, (await host.SubmitRecoveryCode(recovery, codes[0])).Response.StatusCode);
            var again = await host.Press(await host.StartSignIn(upn), "recovery");
            var reused = await host.SubmitRecoveryCode(again, codes[0]);
            Assert.Equal("That recovery code is not correct, or it was already used. You have 4 attempts left before your account is locked for 5 minutes.", reused.ErrorText);
            Assert.True(reused.HasRecoveryInput);
            Assert.Contains("aria-invalid=\"true\" aria-describedby=\"errorText\"", reused.Html);
            Assert.Equal(1, SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!.FailedLogonCount);
            Assert.DoesNotContain(host.Events.Events, e => codes.Any(c => e.Message.Contains(c)));
        }

        [Fact]
        public async Task TheRecoveryPageShowsTheHelpDesk()
        {
            using var host = new RunningDemoHost(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"",
                ""ui_helpdesk_text"": ""Call 555-0100"", ""ui_helpdesk_url"": ""tel:+15550100"" }");
            var upn = TestUsers.NewUpn();
            await TestUsers.Enrol(host, upn);
            var recovery = await host.Press(await host.StartSignIn(upn), "recovery");
            Assert.Contains("<p id=\"helpdesk\">Call 555-0100 <a id=\"helpdeskLink\" href=\"tel:+15550100\">+15550100</a></p>", recovery.Html);
        }
    }
}
