using System;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SecureMFA.Core.Events;
using SecureMFA.Core.Stores.Sql;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>What the code page says after each kind of refused code, and the code field's markup.</summary>
    public class CodePageTests
    {
        [Fact]
        public async Task EachWrongCodeSaysHowManyAttemptsRemainAndTheLastOneSaysSo()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            var page = await host.StartSignIn(upn);
            var wrong = TestUsers.WrongCode(key, host.Now);
            for (var left = 4; left >= 2; left--)
            {
                page = await host.SubmitCode(page, wrong);
                Assert.Equal($"That code is not correct. You have {left} attempts left before your account is locked for 5 minutes.", page.ErrorText);
            }
            page = await host.SubmitCode(page, wrong);
            Assert.Equal("That code is not correct. You have one attempt left before your account is locked for 5 minutes.", page.ErrorText);
            Assert.True(page.HasCodeInput);
            page = await host.SubmitCode(page, wrong);
            Assert.False(page.HasCodeInput);
            Assert.Equal("Sign-in temporarily locked", page.HeadingText);
        }

        [Fact]
        public async Task WithLockoutOffAWrongCodeJustSaysTryAgain()
        {
            using var host = new RunningDemoHost(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"", ""ui_login_failures"": ""0"" }");
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            var page = await host.SubmitCode(await host.StartSignIn(upn), TestUsers.WrongCode(key, host.Now));
            Assert.Equal("That code is not correct. Try again.", page.ErrorText);
        }

        [Theory]
        [InlineData("12ab56")]
        [InlineData("12345")]
        [InlineData("1234567")]
        [InlineData("")]
        public async Task ACodeOfTheWrongFormAsksForSixDigitsAndIsNotCounted(string typed)
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            await TestUsers.Enrol(host, upn);
            var page = await host.SubmitCode(await host.StartSignIn(upn), typed);
            Assert.Equal("Enter the 6-digit code from your authenticator app.", page.ErrorText);
            Assert.Equal(0, SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!.FailedLogonCount);
        }

        [Fact]
        public async Task EightDigitUsersAreAskedForEightDigitsAndTheFieldFitsThem()
        {
            using var host = new RunningDemoHost(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"", ""totp_customization"": ""true"", ""totp_digits"": ""8"" }");
            var upn = TestUsers.NewUpn();
            var enrol = await host.StartSignIn(upn);
            Assert.Contains("pattern=\"\\s*([0-9]\\s*){8}\" maxlength=\"10\"", enrol.Html);
            var page = await host.SubmitCode(enrol, "123456");
            Assert.Equal("Enter the 8-digit code from your authenticator app.", page.ErrorText);
        }

        [Fact]
        public async Task TheCodeFieldIsLabelledNumericOneTimeCodeAndTiedToItsError()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            var page = await host.StartSignIn(upn);
            var field = Regex.Match(page.Html, "<input id=\"otpCode\"[^>]*>").Value;
            Assert.Contains("<label for=\"otpCode\">Code</label>", page.Html);
            Assert.Contains("autocomplete=\"one-time-code\"", field);
            Assert.Contains("inputmode=\"numeric\"", field);
            Assert.Contains("pattern=\"\\s*([0-9]\\s*){6}\"", field);
            Assert.Contains("maxlength=\"8\"", field);
            Assert.DoesNotContain("aria-invalid", field);

            var wrong = await host.SubmitCode(page, TestUsers.WrongCode(key, host.Now));
            field = Regex.Match(wrong.Html, "<input id=\"otpCode\"[^>]*>").Value;
            Assert.Contains("aria-invalid=\"true\"", field);
            Assert.Contains("aria-describedby=\"errorText\"", field);
            Assert.Contains("<span id=\"errorText\" role=\"alert\">", wrong.Html);
        }

        [Theory]
        [InlineData(-4, "That code is not valid now: your phone's clock seems to be off by about 4 minutes.")]
        [InlineData(-2, "That code is not valid now: your phone's clock seems to be off by about 2 minutes.")]
        public async Task ACodeFromAPhoneWhoseClockIsBehindSaysSoAndCounts(int minutes, string expected)
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            host.Now = host.Now.AddMinutes(10);
            var page = await host.SubmitCode(await host.StartSignIn(upn), TestUsers.Code(key, host.Now.AddMinutes(minutes)));
            Assert.StartsWith(expected + " Set your phone to set the date and time automatically, then enter the new code. You have 4 attempts left", page.ErrorText);
            Assert.Equal(1, SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!.FailedLogonCount);
            Assert.Contains(host.Events.Messages(OtpEventId.OtpFailed), m => m.Contains(upn) && m.Contains($"about {Math.Abs(minutes)} min behind"));
        }

        [Theory]
        [InlineData(2)]
        [InlineData(4)]
        public async Task ACodeOfAStepToComeIsAPlainWrongCodeNotConfirmedByAClockHint(int minutes)
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            host.Now = host.Now.AddMinutes(10);
            var page = await host.SubmitCode(await host.StartSignIn(upn), TestUsers.Code(key, host.Now.AddMinutes(minutes)));
            Assert.Equal("That code is not correct. You have 4 attempts left before your account is locked for 5 minutes.", page.ErrorText);
            Assert.DoesNotContain("clock", page.Html);
            Assert.Equal(1, SqliteStoreFactory.Open(host.DatabasePath).Find(upn)!.FailedLogonCount);
            Assert.DoesNotContain(host.Events.Messages(OtpEventId.OtpFailed), m => m.Contains("ahead"));
        }

        [Fact]
        public async Task AReplayedCodeSaysWaitForTheNextOne()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            var page = await host.SubmitCode(await host.StartSignIn(upn), TestUsers.Code(key, host.Now));
            Assert.StartsWith("That code was already used. Wait for the next code and enter it.", page.ErrorText);
            host.Now = host.Now.AddSeconds(30);
            Assert.Equal(HttpStatusCode.SeeOther, (await host.SubmitCode(page, TestUsers.Code(key, host.Now))).Response.StatusCode);
        }

        [Fact]
        public async Task TheAttemptsLeftFollowTheConfiguredPolicy()
        {
            using var host = new RunningDemoHost(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"", ""ui_login_failures"": ""3"", ""ui_lockout_minutes"": ""1"" }");
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            var page = await host.SubmitCode(await host.StartSignIn(upn), TestUsers.WrongCode(key, host.Now));
            Assert.Equal("That code is not correct. You have 2 attempts left before your account is locked for 1 minute.", page.ErrorText);
        }

        [Fact]
        public async Task TheFrenchCodePageSpeaksFrenchIncludingItsMessages()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn();
            var key = await TestUsers.Enrol(host, upn);
            var page = await host.StartSignIn(upn, lcid: 1036);
            Assert.Equal("fr", page.FragmentLang);
            Assert.Equal("fr-FR", page.HtmlLang);
            var wrong = await host.SubmitCode(page, TestUsers.WrongCode(key, host.Now));
            Assert.Equal("Ce code est incorrect. Il vous reste 4 tentatives avant que votre compte soit bloqué pendant 5 minutes.", wrong.ErrorText);
            Assert.Equal("fr", wrong.FragmentLang);
        }

        [Fact]
        public void EveryLanguageFillsEveryPlaceholder()
        {
            foreach (var text in PageText.Languages.Values)
            {
                Assert.Contains("{0}", text.AttemptsLeft);
                Assert.Contains("{1}", text.AttemptsLeft);
                Assert.Contains("{0}", text.LastAttempt);
                Assert.Contains("{0}", text.Malformed);
                Assert.Contains("{0}", text.ClockDrift);
                Assert.Contains("{0}", text.RecoveryCodesLeft);
                Assert.Contains("{0}", text.Locked);
                Assert.Contains("{1}", text.Locked);
                Assert.Contains("{0}", text.Minutes);
                Assert.DoesNotContain("{", text.MinuteOne);
            }
        }
    }
}
