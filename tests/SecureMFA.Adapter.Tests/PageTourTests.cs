using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Playwright;
using SecureMFA.Core.Stores.Sql;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>Demo hosts in the three situations the pages cover: working, enrolment only from 10/8, and a store that is down.</summary>
    public sealed class TourHosts : IDisposable
    {
        public const string HelpdeskText = "IT help desk: call +1 555 0100, Monday to Friday, 8:00 to 18:00.";
        public const string HelpdeskAddress = "helpdesk@adatum.example";
        private const string Config = @"{ ""company"": ""Adatum"", ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""%DATA%/SecureMfaOtp.db"",
            ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Browser-Tour-Passphrase-1"",
            ""ui_login_failures"": ""5"", ""ui_lockout_minutes"": ""5"",
            ""ui_helpdesk_text"": """ + HelpdeskText + @""", ""ui_helpdesk_url"": ""mailto:" + HelpdeskAddress + @"?subject=Sign-in"" }";

        public RunningDemoHost Working { get; } = new RunningDemoHost(Config);
        public RunningDemoHost Restricted { get; } = new RunningDemoHost(Config.Replace("\"ui_login_failures\"", "\"ui_allow_qr_display_from_networks\": \"10.0.0.0/10.255.255.255\", \"ui_login_failures\""));
        public RunningDemoHost Broken { get; } = new RunningDemoHost(Config.Replace("%DATA%/SecureMfaOtp.db", "/proc/securemfa-nowhere/otp.db"));

        public void Dispose()
        {
            Working.Dispose();
            Restricted.Dispose();
            Broken.Dispose();
        }
    }

    /// <summary>
    /// Every page in every language, at phone (360×740) and desktop (1280×800) width and at 200 % zoom: each must pass
    /// the layout and accessibility checks. A run collects every problem before failing, so one run shows them all.
    /// With SECUREMFA_SCREENSHOTS=1 each page is also saved to artifacts/screenshots/&lt;locale&gt;/&lt;page&gt;-&lt;view&gt;.jpg
    /// (for people to look at; a sixth of a tour's time, so not on every run); with SECUREMFA_DOCS_SCREENSHOTS=1 the
    /// English tour also writes the README's pictures (docs/screenshots/*.png). The tours are split over two classes,
    /// each with its own browser, so the two halves run side by side instead of one after the other.
    /// </summary>
    public abstract class PageTour
    {
        protected static readonly View Desktop = new View("desktop", 1280, 800);
        protected static readonly View Phone = new View("phone", 360, 740);
        // 200 % zoom of a 1280×800 window lays out a 640×400 CSS-pixel viewport, drawn at twice the pixels.
        protected static readonly View Zoom200 = new View("zoom200", 640, 400);

        /// <summary>Pages shown in the README (English, desktop and phone), written to docs/screenshots when SECUREMFA_DOCS_SCREENSHOTS=1.</summary>
        private static readonly string[] DocumentedPages = { "enrolment", "code", "locked", "recovery" };

        private readonly BrowserFixture _browser;
        private readonly TourHosts _hosts;

        protected PageTour(BrowserFixture browser, TourHosts hosts)
        {
            _browser = browser;
            _hosts = hosts;
        }

        /// <summary>Walks every page in one language at desktop and phone width.</summary>
        protected async Task TourInLanguage(int lcid, string locale, string timezone)
        {
            await using var context = await _browser.NewContext(locale, timezone, bypassCsp: true);
            var tour = new Tour(await context.NewPageAsync(), lcid, locale, timezone, new[] { Desktop, Phone });
            await Walk(tour);
            tour.AssertNoProblems();
        }

        protected async Task TourAt200PercentZoom()
        {
            await using var context = await _browser.NewContext(bypassCsp: true, width: Zoom200.Width, height: Zoom200.Height, scale: 2);
            var tour = new Tour(await context.NewPageAsync(), 1033, "en-US", "America/New_York", new[] { Zoom200 });
            await Walk(tour);
            tour.AssertNoProblems();
        }

        private async Task Walk(Tour tour)
        {
            var host = _hosts.Working;
            var page = tour.Page;
            var text = PageText.For(tour.Lcid);

            await page.GotoAsync(host.BaseAddress.ToString());
            await tour.Look("primary");

            await page.SignInAs(host.BaseAddress, TestUsers.NewUpn("new"));
            await tour.Look("enrolment", text.EnrolTitle);
            await page.ClickAsync("#manualKeyDetails summary");
            Assert.True(await page.IsVisibleAsync("#manualKey"));
            await tour.Look("enrolment-key", text.EnrolTitle);

            // Wrong codes, down to the last attempt, then the lock.
            var upn = TestUsers.NewUpn("code");
            var key = await TestUsers.Enrol(host, upn);
            var wrong = TestUsers.WrongCode(key, host.Now);
            await page.SignInAs(host.BaseAddress, upn);
            await tour.Look("code", text.CodeTitle);
            await page.EnterCode(wrong);
            await tour.Look("wrong-code", text.CodeTitle, string.Format(text.AttemptsLeft, 4, text.Duration(5)));
            await page.EnterCode(wrong);
            await page.EnterCode(wrong);
            await page.EnterCode(wrong);
            await tour.Look("last-attempt", text.CodeTitle, string.Format(text.LastAttempt, text.Duration(5)));
            await page.EnterCode(wrong);
            await tour.Look("locked", text.LockedTitle);
            await tour.AssertLockEndIsLocalTime();

            // Not counted, then a phone whose clock is four minutes slow.
            upn = TestUsers.NewUpn("clock");
            key = await TestUsers.Enrol(host, upn);
            await page.SignInAs(host.BaseAddress, upn);
            await page.EnterCode("12ab");
            await tour.Look("malformed", text.CodeTitle, string.Format(text.Malformed, 6));
            await page.EnterCode(TestUsers.Code(key, host.Now.AddMinutes(-4)));
            await tour.Look("clock-drift", text.CodeTitle, string.Format(text.ClockDrift, text.Duration(4)));

            // The code that confirmed the enrolment, once more.
            upn = TestUsers.NewUpn("replay");
            key = await TestUsers.Enrol(host, upn);
            await page.SignInAs(host.BaseAddress, upn);
            await page.EnterCode(TestUsers.Code(key, host.Now));
            await tour.Look("replayed", text.CodeTitle, text.Replayed);

            // A lost phone: recovery codes, a wrong one, a right one with few left, then the portal.
            upn = TestUsers.NewUpn("recovery");
            await TestUsers.Enrol(host, upn);
            var codes = TestUsers.GiveRecoveryCodes(host, upn, 3);
            await page.SignInAs(host.BaseAddress, upn);
            await page.Submit("#useRecoveryCode");
            await tour.Look("recovery", text.RecoveryTitle);
            await page.FillAsync("#recoveryCode", "ABCD-EFGH-JKMN-PQRS");
            await page.Submit("#submitButton");
            await tour.Look("recovery-wrong", text.RecoveryTitle, text.WrongRecoveryCode);
            await page.FillAsync("#recoveryCode", codes[1].ToLowerInvariant());
            await page.Submit("#submitButton");
            await tour.Look("recovery-used", text.RecoveryUsedTitle);
            Assert.Equal(string.Format(text.RecoveryCodesLeft, 2), await page.TextContentAsync("#recoveryStatus"));
            await page.Submit("#continueButton");
            await tour.Look("portal");
            Assert.Contains("2 are left", await page.TextContentAsync("#recoveryNotice"));

            upn = TestUsers.NewUpn("disabled");
            await TestUsers.Enrol(host, upn);
            SqliteStoreFactory.Open(host.DatabasePath).SetDisabled(upn, true);
            await page.SignInAs(host.BaseAddress, upn);
            await tour.Look("disabled", text.DisabledTitle, text.Disabled);

            await page.SignInAs(_hosts.Restricted.BaseAddress, TestUsers.NewUpn("outside"));
            await tour.Look("not-allowed", text.EnrolmentNotAllowedTitle, text.EnrolmentNotAllowed);

            await page.SignInAs(_hosts.Broken.BaseAddress, TestUsers.NewUpn("down"));
            await tour.Look("unavailable", text.UnavailableTitle, text.Unavailable);
            await page.ClickAsync("#signOut");
            await page.WaitForSelectorAsync("#notice");
            await tour.Look("signed-out");
        }

        protected sealed class View
        {
            public View(string name, int width, int height)
            {
                Name = name;
                Width = width;
                Height = height;
            }

            public string Name { get; }
            public int Width { get; }
            public int Height { get; }
        }

        /// <summary>Looks at pages at each view, collecting problems and screenshots.</summary>
        private sealed class Tour
        {
            private readonly List<string> _problems = new List<string>();
            private readonly View[] _views;
            private readonly string _locale;
            private readonly string _timezone;
            private readonly string _folder;

            public Tour(IPage page, int lcid, string locale, string timezone, View[] views)
            {
                Page = page;
                Lcid = lcid;
                _locale = locale;
                _timezone = timezone;
                _views = views;
                _folder = Screenshots ? PageChecks.ScreenshotFolder(locale) : "";
            }

            private static bool Screenshots => Environment.GetEnvironmentVariable("SECUREMFA_SCREENSHOTS") == "1";

            public IPage Page { get; }
            public int Lcid { get; }

            /// <summary>Checks the page now shown: its title, its message, its language, then layout and axe at every view.</summary>
            public async Task Look(string name, string? title = null, string? message = null)
            {
                if (title != null)
                {
                    Expect(name, "title", title, await Page.TextContentAsync("#pageTitle"));
                    Expect(name, "lang", PageText.For(Lcid).LanguageTag, await Page.GetAttributeAsync("#secureMfaOtp", "lang"));
                    Expect(name, "html lang", _locale, await Page.GetAttributeAsync("html", "lang"));
                }
                if (message != null)
                {
                    var shown = await Page.TextContentAsync("#errorText") ?? "";
                    if (!shown.Contains(message)) _problems.Add($"{_locale} {name}: the message \"{shown}\" does not say \"{message}\"");
                }
                // axe looks at the document, which is the same at every width; layout is checked at each.
                foreach (var problem in await PageChecks.AxeViolations(Page)) _problems.Add($"{_locale} {name}: {problem}");
                foreach (var view in _views)
                {
                    await Page.SetViewportSizeAsync(view.Width, view.Height);
                    foreach (var problem in await PageChecks.LayoutProblems(Page)) _problems.Add($"{_locale} {name} {view.Name}: {problem}");
                    // JPEG: a fifth of PNG's time, and these are for people to look at.
                    if (Screenshots)
                        await Page.ScreenshotAsync(new PageScreenshotOptions
                        {
                            Path = Path.Combine(_folder, $"{name}-{view.Name}.jpg"), FullPage = true, Type = ScreenshotType.Jpeg, Quality = 80,
                        });
                    if (_locale == "en-US" && DocumentedPages.Contains(name) && view.Name != Zoom200.Name && Environment.GetEnvironmentVariable("SECUREMFA_DOCS_SCREENSHOTS") == "1")
                        await Page.ScreenshotAsync(new PageScreenshotOptions
                        {
                            Path = Path.Combine(PageChecks.RepositoryFolder(), "docs", "screenshots", $"{name}-{view.Name}.png"), FullPage = true,
                        });
                }
            }

            /// <summary>The lock's end in the browser's own zone and language (the script), not the UTC fallback.</summary>
            public async Task AssertLockEndIsLocalTime()
            {
                var utc = DateTime.Parse((await Page.GetAttributeAsync("#errorText time", "datetime"))!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
                var local = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(_timezone));
                var shown = await Page.TextContentAsync("#errorText time") ?? "";
                var hour12 = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
                if (shown.Contains("UTC") || !Regex.IsMatch(shown, $"\\b0?({local.Hour}|{hour12})[:.]{local.Minute:D2}\\b"))
                    _problems.Add($"{_locale} locked: the lock ends at {local:HH:mm} in {_timezone}, but the page shows \"{shown}\"");
            }

            public void AssertNoProblems() =>
                Assert.True(_problems.Count == 0, $"{_problems.Count} problem(s):\n" + string.Join("\n", _problems));

            private void Expect(string page, string what, string expected, string? actual)
            {
                if (expected != actual) _problems.Add($"{_locale} {page}: {what} is \"{actual}\", expected \"{expected}\"");
            }
        }
    }

    /// <summary>English, French and 200 % zoom, on the first tour browser.</summary>
    [Collection(FirstTourBrowser.Name)]
    public sealed class PageTourTests : PageTour, IClassFixture<TourHosts>
    {
        public PageTourTests(BrowserFixture browser, TourHosts hosts) : base(browser, hosts) { }

        [Theory]
        [InlineData(1033, "en-US", "America/New_York")]
        [InlineData(1036, "fr-FR", "Europe/Paris")]
        public Task EveryPageFitsAPhoneAndADesktopAndPassesAxe(int lcid, string locale, string timezone) => TourInLanguage(lcid, locale, timezone);

        [Fact]
        public Task EveryPageWorksAt200PercentZoom() => TourAt200PercentZoom();
    }

    /// <summary>German, Spanish and Dutch, on the second tour browser, beside the first.</summary>
    [Collection(SecondTourBrowser.Name)]
    public sealed class MorePageTourTests : PageTour, IClassFixture<TourHosts>
    {
        public MorePageTourTests(BrowserFixture browser, TourHosts hosts) : base(browser, hosts) { }

        [Theory]
        [InlineData(1031, "de-DE", "Europe/Berlin")]
        [InlineData(3082, "es-ES", "Asia/Kolkata")]
        [InlineData(1043, "nl-NL", "Pacific/Auckland")]
        public Task EveryPageFitsAPhoneAndADesktopAndPassesAxe(int lcid, string locale, string timezone) => TourInLanguage(lcid, locale, timezone);
    }
}
