using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>One Debian Chromium (never a downloaded browser) per browser collection; each test makes its own contexts.</summary>
    public sealed class BrowserFixture : IAsyncLifetime
    {
        public const string Chromium = "/usr/bin/chromium";
        private IPlaywright? _playwright;

        public IBrowser Browser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Assert.True(File.Exists(Chromium), "Debian's chromium is missing: scripts/install-test-deps.sh installs it.");
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync" },
            });
        }

        public async Task DisposeAsync()
        {
            if (Browser != null) await Browser.CloseAsync();
            _playwright?.Dispose();
        }

        /// <summary>A desktop browser in a language and time zone; BypassCSP only where axe-core is injected.</summary>
        public Task<IBrowserContext> NewContext(string locale = "en-US", string timezone = "America/New_York", bool bypassCsp = false,
            bool javaScript = true, int width = 1280, int height = 800, float scale = 1) =>
            Browser.NewContextAsync(new BrowserNewContextOptions
            {
                Locale = locale,
                TimezoneId = timezone,
                BypassCSP = bypassCsp,
                JavaScriptEnabled = javaScript,
                ViewportSize = new ViewportSize { Width = width, Height = height },
                DeviceScaleFactor = scale,
            });
    }

    [CollectionDefinition(Name)]
    public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
    {
        public const string Name = "browser";
    }

    /// <summary>The page tours' two browsers: xunit runs collections side by side, the tests of one collection one after another.</summary>
    [CollectionDefinition(Name)]
    public sealed class FirstTourBrowser : ICollectionFixture<BrowserFixture>
    {
        public const string Name = "browser: page tour 1";
    }

    [CollectionDefinition(Name)]
    public sealed class SecondTourBrowser : ICollectionFixture<BrowserFixture>
    {
        public const string Name = "browser: page tour 2";
    }

    /// <summary>What a person does on the demo host's pages, in the browser.</summary>
    public static class BrowserActions
    {
        /// <summary>
        /// Clicks a submit button and waits until the next page has loaded. The wait is armed before the click: waiting
        /// for "load" after it can see the old page, still loaded while the post is under way on a busy machine.
        /// </summary>
        public static async Task Submit(this IPage page, string selector)
        {
            var loaded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult(true);
            page.Load += OnLoad;
            try
            {
                await page.ClickAsync(selector);
                await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            finally
            {
                page.Load -= OnLoad;
            }
        }

        public static async Task SignInAs(this IPage page, Uri host, string upn)
        {
            await page.GotoAsync(host.ToString());
            await page.FillAsync("#userNameInput", upn);
            await page.Submit("#submitButton");
        }

        public static async Task EnterCode(this IPage page, string code)
        {
            await page.FillAsync("#otpCode", code);
            await page.Submit("#submitButton");
        }
    }
}
