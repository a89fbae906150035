using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>
    /// A person's sign-in in Debian's Chromium: the QR code read off the rendered page with zbarimg, the keyboard
    /// alone, the page's script under the demo host's real Content-Security-Policy, and no script at all.
    /// </summary>
    [Collection(BrowserCollection.Name)]
    public class BrowserSignInTests
    {
        private readonly BrowserFixture _browser;

        public BrowserSignInTests(BrowserFixture browser) => _browser = browser;

        [Fact]
        public async Task ANewUserEnrolsFromTheQrImageAndSignsIn()
        {
            using var host = new RunningDemoHost();
            await using var context = await _browser.NewContext();
            var page = await context.NewPageAsync();
            var upn = TestUsers.NewUpn("browser");

            await page.SignInAs(host.BaseAddress, upn);
            await page.WaitForSelectorAsync("#qrCode");
            var screenshots = PageChecks.ScreenshotFolder("flow");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "enrolment.png"), FullPage = true });

            // Read the QR code as a phone would: from the pixels on screen, not from the DOM.
            var qrFile = Path.Combine(host.DataFolder, "qr.png");
            await page.Locator("#qrCode").ScreenshotAsync(new LocatorScreenshotOptions { Path = qrFile });
            var uri = DecodeQr(qrFile);
            Assert.StartsWith("otpauth://totp/SecureMFA%20Demo:", uri);
            Assert.Contains(Uri.EscapeDataString(upn), uri);
            // The link that opens the app on this phone carries the same Key URI as the QR code.
            Assert.Equal(uri, await page.GetAttributeAsync("#openInApp", "href"));
            var secret = new Uri(uri).Query.TrimStart('?').Split('&').Select(p => p.Split('=')).Single(p => p[0] == "secret")[1];

            await page.EnterCode(TotpGenerator.Compute(SharedSecret.FromBase32(secret), TotpParameters.Default, host.Now));
            await page.WaitForSelectorAsync("#portalTitle");
            var claims = await page.Locator("#claims").InnerTextAsync();
            Assert.Contains("http://schemas.microsoft.com/ws/2012/12/authmethod/otp", claims);
            Assert.Contains(upn, claims);
            Assert.Equal(host.BaseAddress + "portal", page.Url);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "portal.png"), FullPage = true });
        }

        [Fact]
        public async Task TheKeyboardAloneReachesEveryControlInOrderWithAVisibleFocus()
        {
            using var host = new RunningDemoHost();
            var upn = TestUsers.NewUpn("keys");
            var key = await TestUsers.Enrol(host, upn);
            await using var context = await _browser.NewContext();
            var page = await context.NewPageAsync();
            await page.GotoAsync(host.BaseAddress.ToString());

            Assert.Equal("userNameInput", await FocusedId(page));
            await page.Keyboard.TypeAsync(upn);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#otpCode");

            // The code field has the focus; then the submit button, the recovery-code switch, the way out.
            Assert.Equal("otpCode", await FocusedId(page));
            var order = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                order.Add(await FocusedId(page));
                Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
            }
            Assert.Equal(new[] { "submitButton", "useRecoveryCode", "signOut" }, order);

            // Enter on the recovery switch opens the recovery form; Enter on "use a code from the app" comes back.
            await page.Keyboard.PressAsync("Shift+Tab");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#recoveryCode");
            Assert.Equal("recoveryCode", await FocusedId(page));
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("useAppCode", await FocusedId(page));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#otpCode");

            host.Now = host.Now.AddSeconds(30);
            await page.Keyboard.TypeAsync(TestUsers.Code(key, host.Now));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#portalTitle");
        }

        [Fact]
        public async Task ThePageScriptRunsUnderTheHostsPolicyWithoutUnsafeInline()
        {
            using var host = new RunningDemoHost();
            await using var context = await _browser.NewContext(timezone: "Asia/Tokyo");
            await context.GrantPermissionsAsync(new[] { "clipboard-read", "clipboard-write" }, new BrowserContextGrantPermissionsOptions { Origin = host.BaseAddress.ToString().TrimEnd('/') });
            var page = await context.NewPageAsync();
            var refused = new List<string>();
            page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) refused.Add(message.Text); };

            var response = await page.GotoAsync(host.BaseAddress.ToString());
            var policy = (await response!.AllHeadersAsync())["content-security-policy"];
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.Contains("script-src 'sha256-", policy);

            // Enrolment: the script shows the copy button, which copies the key without its spaces.
            await page.FillAsync("#userNameInput", TestUsers.NewUpn("script"));
            await page.Submit("#submitButton");
            await page.ClickAsync("#manualKeyDetails summary");
            Assert.True(await page.IsVisibleAsync("#copyKey"));
            await page.ClickAsync("#copyKey");
            await page.WaitForSelectorAsync("#copyStatus:not(:empty)");
            var key = (await page.TextContentAsync("#manualKey"))!;
            Assert.Equal(key.Replace(" ", ""), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
            Assert.Equal("Key copied.", await page.TextContentAsync("#copyStatus"));

            // A lock: its end in Tokyo time, by the script.
            var wrong = TestUsers.WrongCode(key.Replace(" ", ""), host.Now);
            for (var i = 0; i < 5; i++) await page.EnterCode(wrong);
            var datetime = (await page.GetAttributeAsync("#errorText time", "datetime"))!;
            var tokyo = DateTime.Parse(datetime, null, System.Globalization.DateTimeStyles.AdjustToUniversal).AddHours(9);
            var shown = await page.TextContentAsync("#errorText time");
            Assert.Contains($"{(tokyo.Hour % 12 == 0 ? 12 : tokyo.Hour % 12)}:{tokyo.Minute:D2}", shown);
            Assert.Empty(refused);
        }

        [Fact]
        public async Task WithoutScriptEveryPageStillWorks()
        {
            using var host = new RunningDemoHost { Now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc) };
            await using var context = await _browser.NewContext(javaScript: false);
            var page = await context.NewPageAsync();
            await page.SignInAs(host.BaseAddress, TestUsers.NewUpn("noscript"));

            // No copy button without script; the key is there to select, behind its summary.
            Assert.False(await page.IsVisibleAsync("#manualKey"));
            Assert.False(await page.IsVisibleAsync("#copyKey"));
            await page.ClickAsync("#manualKeyDetails summary");
            Assert.True(await page.IsVisibleAsync("#manualKey"));
            var key = (await page.TextContentAsync("#manualKey"))!.Replace(" ", "");

            var wrong = TestUsers.WrongCode(key, host.Now);
            for (var i = 0; i < 5; i++) await page.EnterCode(wrong);
            Assert.Equal("12:05 UTC", await page.TextContentAsync("#errorText time"));

            // Try again after the lock re-posts the form, and the code page is back.
            host.Now = host.Now.AddMinutes(6);
            await page.Submit("#tryAgainButton");
            await page.EnterCode(TestUsers.Code(key, host.Now));
            await page.WaitForSelectorAsync("#portalTitle");
        }

        private static Task<string> FocusedId(IPage page) => page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id");

        private static string DecodeQr(string pngPath)
        {
            var info = new ProcessStartInfo("zbarimg", $"--raw -q \"{pngPath}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(info) ?? throw new InvalidOperationException("zbarimg could not start: scripts/install-test-deps.sh installs zbar-tools.");
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "zbarimg found no QR code: " + process.StandardError.ReadToEnd());
            return output.Trim();
        }
    }
}
