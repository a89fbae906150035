using System;
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
    /// A person's sign-in in Debian's Chromium: the QR code is read off the rendered page with zbarimg,
    /// the code is computed from the decoded otpauth URI, and the portal shows the OTP claim.
    /// </summary>
    public class BrowserSignInTests
    {
        private const string Chromium = "/usr/bin/chromium";

        public static string ScreenshotFolder()
        {
            var folder = Path.Combine(AdapterAssemblyTests.Net472Folder(), "..", "..", "..", "..", "..", "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return Path.GetFullPath(folder);
        }

        [Fact]
        public async Task ANewUserEnrolsFromTheQrImageAndSignsIn()
        {
            Assert.True(File.Exists(Chromium), "Debian's chromium is missing: scripts/test.sh installs it.");
            using var host = new RunningDemoHost();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync" },
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US" });
            var upn = "browser" + Guid.NewGuid().ToString("N").Substring(0, 6) + "@adatum.labnet";

            await page.GotoAsync(host.BaseAddress.ToString());
            await page.FillAsync("#userNameInput", upn);
            await page.ClickAsync("#submitButton");
            await page.WaitForSelectorAsync("#qrCode");
            var screenshots = ScreenshotFolder();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "enrolment.png"), FullPage = true });

            // Read the QR code as a phone would: from the pixels on screen, not from the DOM.
            var qrFile = Path.Combine(host.DataFolder, "qr.png");
            await page.Locator("#qrCode").ScreenshotAsync(new LocatorScreenshotOptions { Path = qrFile });
            var uri = DecodeQr(qrFile);
            Assert.StartsWith("otpauth://totp/SecureMFA%20Demo:", uri);
            Assert.Contains(Uri.EscapeDataString(upn), uri);
            var secret = new Uri(uri).Query.TrimStart('?').Split('&').Select(p => p.Split('=')).Single(p => p[0] == "secret")[1];

            await page.FillAsync("#otpCode", TotpGenerator.Compute(SharedSecret.FromBase32(secret), TotpParameters.Default, host.Now));
            await page.ClickAsync("#submitButton");
            await page.WaitForSelectorAsync("#portalTitle");
            var claims = await page.Locator("#claims").InnerTextAsync();
            Assert.Contains("http://schemas.microsoft.com/ws/2012/12/authmethod/otp", claims);
            Assert.Contains(upn, claims);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "portal.png"), FullPage = true });
        }

        private static string DecodeQr(string pngPath)
        {
            var info = new ProcessStartInfo("zbarimg", $"--raw -q \"{pngPath}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(info) ?? throw new InvalidOperationException("zbarimg could not start: scripts/test.sh installs zbar-tools.");
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "zbarimg found no QR code: " + process.StandardError.ReadToEnd());
            return output.Trim();
        }
    }
}
