using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SecureMFA.Core.Stores.Sql;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>
    /// No dead ends: the locked, disabled, not-from-this-network and unavailable pages say what happened, when it ends,
    /// who helps, and offer "try again" (re-evaluated) and "sign in as someone else" (AD FS's sign-out, honoured by the demo host).
    /// </summary>
    public class WayOutTests
    {
        private const string Helpdesk = @"""ui_helpdesk_text"": ""IT service desk, room 4.12"", ""ui_helpdesk_url"": ""https://help.adatum.example/otp?from=adfs&amp=1""";
        private const string Working = @"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"", " + Helpdesk + " }";

        [Fact]
        public async Task TheLockedPageSaysWhenItEndsInUtcForTheBrowserToLocaliseAndTryAgainReEvaluates()
        {
            using var host = new RunningDemoHost(Working) { Now = new DateTime(2026, 11, 30, 9, 41, 20, DateTimeKind.Utc) };
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            var page = await host.StartSignIn(upn);
            for (var i = 0; i < 5; i++) page = await host.SubmitCode(page, TestUsers.WrongCode(key, host.Now));

            Assert.Equal("Sign-in temporarily locked", page.HeadingText);
            Assert.Contains("<time datetime=\"2026-11-30T09:46:20Z\">09:46 UTC</time>", page.Html);
            Assert.Equal("Too many incorrect codes were entered. You can try again in 5 minutes, at 09:46 UTC.", page.ErrorText);
            AssertWayOut(page);

            var stillLocked = await host.Press(page, "retry");
            Assert.Equal("Sign-in temporarily locked", stillLocked.HeadingText);
            Assert.Equal(5, SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!.FailedLogonCount);

            host.Now = host.Now.AddMinutes(5);
            var open = await host.Press(page, "retry");
            Assert.True(open.HasCodeInput);
            Assert.Equal(HttpStatusCode.SeeOther, (await host.SubmitCode(open, TestUsers.Code(key, host.Now))).Response.StatusCode);
        }

        [Fact]
        public async Task ALockEndingAnotherDayShowsTheDateToo()
        {
            using var host = new RunningDemoHost(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"", ""ui_login_failures"": ""1"", ""ui_lockout_minutes"": ""90"" }")
            {
                Now = new DateTime(2026, 12, 31, 23, 30, 0, DateTimeKind.Utc),
            };
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            var page = await host.SubmitCode(await host.StartSignIn(upn), TestUsers.WrongCode(key, host.Now));
            Assert.Equal("Too many incorrect codes were entered. You can try again in 90 minutes, at 2027-01-01 01:00 UTC.", page.ErrorText);
        }

        [Fact]
        public async Task TheDisabledPageNamesTheHelpDeskAndTryAgainSeesAnEnabledUser()
        {
            using var host = new RunningDemoHost(Working);
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            var store = SqliteStoreFactory.Open(host.DatabasePath);
            store.SetDisabled(upn, true);
            var page = await host.StartSignIn(upn);
            Assert.Equal("Sign-in is turned off", page.HeadingText);
            Assert.Equal("Sign-in with an authenticator app is turned off for your account.", page.ErrorText);
            AssertWayOut(page);

            store.SetDisabled(upn, false);
            host.Now = host.Now.AddSeconds(30);
            var enabled = await host.Press(page, "retry");
            Assert.Equal(HttpStatusCode.SeeOther, (await host.SubmitCode(enabled, TestUsers.Code(key, host.Now))).Response.StatusCode);
        }

        [Fact]
        public async Task TheNotFromThisNetworkPageHasAWayOut()
        {
            using var host = new RunningDemoHost(Working.Replace("\"auth_mode\"", "\"ui_allow_qr_display_from_networks\": \"10.0.0.0/10.255.255.255\", \"auth_mode\""));
            var page = await host.StartSignIn(TestUsers.NewUpn());
            Assert.Equal("Set-up is not possible from here", page.HeadingText);
            AssertWayOut(page);
        }

        [Fact]
        public async Task TheUnavailablePageHasTheHelpDeskAndTryAgainFindsTheStoreBack()
        {
            using var host = new RunningDemoHost(Working);
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            var page = await host.StartSignIn(upn);

            // The database file is replaced by one that is not a database, as good as a SQL Server that is down.
            var database = host.DatabasePath;
            var files = new[] { database, database + "-wal", database + "-shm" };
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in files.Where(System.IO.File.Exists)) System.IO.File.Move(file, file + ".away");
            System.IO.File.WriteAllText(database, "this is not a database, and it is long enough to have a header of sorts");
            try
            {
                var down = await host.SubmitCode(page, TestUsers.Code(key, host.Now));
                Assert.Equal("Verification is unavailable", down.HeadingText);
                Assert.Equal("Verification is not available right now. Try again in a few minutes.", down.ErrorText);
                AssertWayOut(down);
                page = down;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                System.IO.File.Delete(database);
                foreach (var file in files.Where(f => System.IO.File.Exists(f + ".away"))) System.IO.File.Move(file + ".away", file, overwrite: true);
            }
            var back = await host.Press(page, "retry");
            Assert.True(back.HasCodeInput);
        }

        [Fact]
        public async Task WithoutHelpDeskSettingsThePagesSayContactYourHelpDesk()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            await TestUsers.Enrol(host, upn);
            SqliteStoreFactory.Open(host.DatabasePath).SetDisabled(upn, true);
            var page = await host.StartSignIn(upn);
            Assert.Equal("If you need help, contact your help desk.", page.HelpdeskText);
            Assert.DoesNotContain("helpdeskLink", page.Html);
        }

        [Fact]
        public async Task SignInAsSomeoneElseIsAdfsSignOutAndTheDemoHostStartsOver()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            host.Now = host.Now.AddSeconds(30);
            var done = await host.SubmitCode(await host.StartSignIn(upn), TestUsers.Code(key, host.Now));
            Assert.Contains("You are signed in.", await host.Client.GetStringAsync("/portal"));

            var signedOut = await host.Client.GetAsync("/adfs/ls/?wa=wsignout1.0");
            var html = await signedOut.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
            Assert.Contains("You have signed out.", html);
            Assert.Contains("id=\"userNameInput\"", html);
            Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("smfa_session=;") && c.Contains("Max-Age=0"));
            // The session is gone on the server too, not only from this browser.
            Assert.Contains("Sign in first.", await host.Client.GetStringAsync("/portal"));
        }

        [Fact]
        public async Task EveryPageOffersANextStep()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            var pages = new List<SignInPage> { await host.StartSignIn(TestUsers.NewUpn()), await host.StartSignIn(upn) };
            pages.Add(await host.Press(pages[1], "recovery"));
            pages.Add(await host.SubmitCode(pages[1], TestUsers.WrongCode(key, host.Now)));
            SqliteStoreFactory.Open(host.DatabasePath).SetDisabled(upn, true);
            pages.Add(await host.StartSignIn(upn));
            foreach (var page in pages)
            {
                Assert.Matches("<form method=\"post\" id=\"loginForm\"", page.Html);
                Assert.Contains("<a id=\"signOut\" href=\"/adfs/ls/?wa=wsignout1.0\">Sign in as someone else</a>", page.Html);
            }
        }

        /// <summary>Help desk text and link, try again (a form posting smfaAction=retry), and sign in as someone else.</summary>
        private static void AssertWayOut(SignInPage page)
        {
            Assert.False(page.HasCodeInput);
            Assert.Equal("IT service desk, room 4.12 Help desk", page.HelpdeskText);
            Assert.Contains("<a id=\"helpdeskLink\" href=\"https://help.adatum.example/otp?from=adfs&amp;amp=1\">Help desk</a>", page.Html);
            Assert.True(page.Offers("retry"));
            Assert.Contains("value=\"Try again\"", page.Html);
            Assert.Contains("<a id=\"signOut\" href=\"/adfs/ls/?wa=wsignout1.0\">Sign in as someone else</a>", page.Html);
        }
    }
}
