using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using SecureMFA.DemoHost;
using SecureMFA.Testing;
using SecureMFA.WebPortal;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>The web portal on a real Kestrel, signing in through the demo host over OpenID Connect, in Debian's Chromium.</summary>
    [Collection(BrowserCollection.Name)]
    public class WebPortalBrowserTests
    {
        private readonly BrowserFixture _browser;

        public WebPortalBrowserTests(BrowserFixture browser) => _browser = browser;

        [Fact]
        public async Task LoginEnrolsANewUserAtTheDemoHostAndThePortalShowsTheUpnAndTheOtpMethod()
        {
            var portalUrl = $"http://127.0.0.1:{FreePorts.Next()}";
            const string secret = "browser-test-portal-secret";
            using var host = new RunningDemoHost(options: o => o.OidcClients.Add(
                new OidcClient("portal-test", secret, new[] { portalUrl + "/signin-oidc" }, new[] { portalUrl + "/signout-callback-oidc" })));
            await using var portal = PortalApp.Build(new[]
            {
                "--urls", portalUrl, "--Oidc:Authority=" + host.BaseAddress + "adfs", "--Oidc:ClientId=portal-test", "--Oidc:ClientSecret=" + secret,
            });
            await portal.StartAsync();
            await using var context = await _browser.NewContext();
            var page = await context.NewPageAsync();
            var upn = TestUsers.NewUpn("portal");

            await page.GotoAsync(portalUrl);
            await page.ClickAsync("#login");
            await page.WaitForSelectorAsync("#userNameInput");
            // The request AD FS gets from an application group's web app: code flow, PKCE, the code posted back.
            Assert.StartsWith(host.BaseAddress + "adfs/oauth2/authorize?", page.Url);
            foreach (var parameter in new[] { "response_type=code", "response_mode=form_post", "code_challenge_method=S256", "client_id=portal-test" })
                Assert.Contains(parameter, page.Url);
            await page.FillAsync("#userNameInput", upn);
            await page.Submit("#submitButton");
            var key = (await page.TextContentAsync("#manualKey"))!.Replace(" ", "");
            await page.EnterCode(TestUsers.Code(key, host.Now));

            await page.WaitForSelectorAsync("#signedIn");
            Assert.Equal(portalUrl + "/", page.Url);
            Assert.Equal(upn, await page.TextContentAsync("#upn"));
            Assert.Contains("http://schemas.microsoft.com/ws/2012/12/authmethod/otp", await page.TextContentAsync("#amr"));
            Assert.Contains(host.BaseAddress + "adfs", await page.TextContentAsync("#claims"));

            // Sign-out ends the session at the portal and the provider, and comes back to LOGIN.
            await page.Submit("#signOut");
            await page.WaitForSelectorAsync("#login");
            Assert.Equal(portalUrl + "/", page.Url);
            await portal.StopAsync();
        }
    }
}

namespace SecureMFA.Adapter.Tests
{
    /// <summary>The web portal over plain HTTP, no browser: what it says when its identity provider is not there.</summary>
    public class WebPortalTests
    {
        [Fact]
        public async Task LoginWithNoProviderListeningSaysWhichOneAndHowToStartTheDemoHost()
        {
            var portalUrl = $"http://127.0.0.1:{FreePorts.Next()}";
            await using var portal = PortalApp.Build(new[]
            {
                "--urls", portalUrl, $"--Oidc:Authority=http://127.0.0.1:{FreePorts.Next()}/adfs", "--Oidc:ClientId=portal-test", "--Oidc:ClientSecret=unused",
            });
            await portal.StartAsync();
            using var client = new System.Net.Http.HttpClient { BaseAddress = new Uri(portalUrl) };
            var welcome = await client.GetStringAsync("/");
            Assert.Contains("id=\"login\"", welcome);
            var login = await client.GetAsync(PortalApp.LoginPath);
            Assert.Equal(System.Net.HttpStatusCode.BadGateway, login.StatusCode);
            var html = await login.Content.ReadAsStringAsync();
            Assert.Contains("did not give its OpenID Connect configuration", html);
            Assert.Contains("dotnet run --project src/DemoHost", html);
            Assert.DoesNotContain("unused", html);
            await portal.StopAsync();
        }
    }
}
