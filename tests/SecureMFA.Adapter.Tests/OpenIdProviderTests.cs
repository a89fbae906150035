using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SecureMFA.DemoHost;
using SecureMFA.WebPortal;
using Xunit;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>
    /// The demo host as an OpenID Connect provider, over HTTP as a relying party uses it: discovery, authorize (the
    /// demo's sign-in with the adapter's pages), the token endpoint's checks one by one, the id_token checked against the JWKS.
    /// </summary>
    public class OpenIdProviderTests
    {
        private const string ClientId = "test-app";
        private const string Secret = "test-app-secret";
        private const string Callback = "http://127.0.0.1:9/signin-oidc";
        private const string AfterLogout = "http://127.0.0.1:9/signout-callback-oidc";
        private const string Verifier = "verifier-0123456789-0123456789-0123456789-abcdef";

        private static RunningDemoHost NewHost() =>
            new RunningDemoHost(options: o => o.OidcClients.Add(new OidcClient(ClientId, Secret, new[] { Callback }, new[] { AfterLogout })));

        private static string AuthorizeUrl(string? redirectUri = Callback, string clientId = ClientId, string? challenge = null, string extra = "") =>
            $"{OpenIdProvider.AuthorizePath}?client_id={Uri.EscapeDataString(clientId)}&response_type=code&scope=openid%20profile&state=st-1&nonce=n-1" +
            (redirectUri == null ? "" : "&redirect_uri=" + Uri.EscapeDataString(redirectUri)) +
            (challenge == "" ? "" : "&code_challenge_method=S256&code_challenge=" + (challenge ?? OpenIdProvider.Challenge(Verifier))) + extra;

        /// <summary>Authorize, then the demo's sign-in for a new user (enrolment included); returns the code the browser is sent back with.</summary>
        private static async Task<string> SignInForCode(RunningDemoHost host, string upn) =>
            Uri.UnescapeDataString(Regex.Match((await SignIn(host, upn, AuthorizeUrl())).Response.Headers.Location!.ToString(), "code=([^&]*)").Groups[1].Value);

        /// <summary>Authorize, then the demo's sign-in for a new user; returns the answer to the last post.</summary>
        private static async Task<SignInPage> SignIn(RunningDemoHost host, string upn, string authorizeUrl)
        {
            var login = await host.Client.GetStringAsync(authorizeUrl);
            var authorization = Regex.Match(login, "name=\"oidc\" value=\"([^\"]*)\"").Groups[1].Value;
            var csrf = Regex.Match(login, "name=\"csrf\" value=\"([^\"]*)\"").Groups[1].Value;
            var response = await host.Client.PostAsync(DemoServer.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = upn, ["csrf"] = csrf, ["oidc"] = authorization,
            }));
            var page = new SignInPage(response, await response.Content.ReadAsStringAsync());
            Assert.NotNull(page.ManualKey);
            // The application's origin may receive the last post's redirect; nothing else is added to the policy.
            Assert.Contains("form-action 'self' http://127.0.0.1:9;", page.Response.Headers.GetValues("Content-Security-Policy").Single());

            // No code before the second factor: a wrong code gives the page again.
            var wrong = await host.SubmitCode(page, TestUsers.WrongCode(page.ManualKey!, host.Now));
            Assert.Equal(HttpStatusCode.OK, wrong.Response.StatusCode);
            Assert.DoesNotContain("code=", wrong.Response.Headers.Location?.ToString() ?? "");
            var done = await host.SubmitCode(wrong, TestUsers.Code(page.ManualKey!, host.Now));
            if (authorizeUrl.Contains("response_mode=form_post")) return done;
            Assert.Equal(HttpStatusCode.SeeOther, done.Response.StatusCode);
            var location = done.Response.Headers.Location!.ToString();
            Assert.StartsWith(Callback + "?code=", location);
            Assert.EndsWith("&state=st-1", location);
            return done;
        }

        [Fact]
        public async Task FormPostAnswersWithAPageThatPostsTheCodeToTheRedirectUriOnly()
        {
            using var host = NewHost();
            var done = await SignIn(host, TestUsers.NewUpn("oidc"), AuthorizeUrl(extra: "&response_mode=form_post"));
            Assert.Equal(HttpStatusCode.OK, done.Response.StatusCode);
            Assert.Contains($"<form method=\"post\" id=\"oidcResponse\" action=\"{Callback}\">", done.Html);
            Assert.Contains("name=\"state\" value=\"st-1\"", done.Html);
            var policy = done.Response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("form-action http://127.0.0.1:9;", policy);
            Assert.Contains("script-src " + ContentSecurityPolicy.Hash(OpenIdProvider.FormPostScript) + ";", policy);
            var code = WebUtility.HtmlDecode(Regex.Match(done.Html, "name=\"code\" value=\"([^\"]*)\"").Groups[1].Value);
            Assert.Equal(HttpStatusCode.OK, (await Exchange(host, code)).StatusCode);
        }

        private static Task<HttpResponseMessage> Exchange(RunningDemoHost host, string code, string secret = Secret, string redirectUri = Callback, string verifier = Verifier) =>
            host.NewClient().PostAsync(OpenIdProvider.TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri,
                ["client_id"] = ClientId, ["client_secret"] = secret, ["code_verifier"] = verifier,
            }));

        private static async Task<string> Error(HttpResponseMessage response)
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("error").GetString()!;
        }

        [Fact]
        public async Task TheIdTokenIsSignedByTheDiscoveredKeyForTheClientWithTheNonceUpnAndOtpMethod()
        {
            using var host = NewHost();
            using var discovery = JsonDocument.Parse(await host.Client.GetStringAsync(OpenIdProvider.DiscoveryPath));
            var issuer = discovery.RootElement.GetProperty("issuer").GetString();
            Assert.Equal(host.BaseAddress + "adfs", issuer);
            Assert.Equal(host.BaseAddress + "adfs/oauth2/token", discovery.RootElement.GetProperty("token_endpoint").GetString());
            var keys = new JsonWebKeySet(await host.Client.GetStringAsync(new Uri(discovery.RootElement.GetProperty("jwks_uri").GetString()!).AbsolutePath));
            Assert.All(keys.Keys, k => Assert.False(k.HasPrivateKey));

            var upn = TestUsers.NewUpn("oidc");
            var response = await Exchange(host, await SignInForCode(host, upn));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            using var tokens = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var idToken = tokens.RootElement.GetProperty("id_token").GetString();

            var parameters = new TokenValidationParameters { ValidIssuer = issuer, ValidAudience = ClientId, IssuerSigningKeys = keys.GetSigningKeys() };
            var handler = new JsonWebTokenHandler();
            var valid = await handler.ValidateTokenAsync(idToken, parameters);
            Assert.True(valid.IsValid, valid.Exception?.Message);
            var token = (JsonWebToken)valid.SecurityToken;
            Assert.Equal("RS256", token.Alg);
            Assert.Equal("n-1", token.GetClaim("nonce").Value);
            Assert.Equal(upn, token.GetClaim("upn").Value);
            Assert.Contains("http://schemas.microsoft.com/ws/2012/12/authmethod/otp", token.Claims.Where(c => c.Type == "amr").Select(c => c.Value));

            // Another audience, another issuer or another key: refused.
            Assert.False((await handler.ValidateTokenAsync(idToken, new TokenValidationParameters { ValidIssuer = issuer, ValidAudience = "other-app", IssuerSigningKeys = keys.GetSigningKeys() })).IsValid);
            Assert.False((await handler.ValidateTokenAsync(idToken, new TokenValidationParameters { ValidIssuer = "https://adfs.example.com/adfs", ValidAudience = ClientId, IssuerSigningKeys = keys.GetSigningKeys() })).IsValid);
            using var otherHost = NewHost();
            var otherKeys = new JsonWebKeySet(await otherHost.Client.GetStringAsync(OpenIdProvider.KeysPath));
            Assert.False((await handler.ValidateTokenAsync(idToken, new TokenValidationParameters { ValidIssuer = issuer, ValidAudience = ClientId, IssuerSigningKeys = otherKeys.GetSigningKeys() })).IsValid);
        }

        [Fact]
        public async Task TheTokenEndpointRefusesAWrongSecretAnotherRedirectUriAReusedCodeAndAWrongVerifier()
        {
            using var host = NewHost();
            var code = await SignInForCode(host, TestUsers.NewUpn("oidc"));

            var wrongSecret = await Exchange(host, code, secret: "not-the-secret");
            Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
            Assert.Equal("invalid_client", await Error(wrongSecret));
            // Without the secret nobody can use the code, or burn it: the client's own exchange still works, once.
            var basic = new HttpRequestMessage(HttpMethod.Post, OpenIdProvider.TokenPath)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Callback, ["code_verifier"] = Verifier,
                }),
            };
            basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + Secret)));
            Assert.Equal(HttpStatusCode.OK, (await host.NewClient().SendAsync(basic)).StatusCode);
            var reused = await Exchange(host, code);
            Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
            Assert.Equal("invalid_grant", await Error(reused));

            var elsewhere = await Exchange(host, await SignInForCode(host, TestUsers.NewUpn("oidc")), redirectUri: "http://127.0.0.1:9/other");
            Assert.Equal("invalid_grant", await Error(elsewhere));
            var wrongVerifier = await Exchange(host, await SignInForCode(host, TestUsers.NewUpn("oidc")), verifier: Verifier.Replace('v', 'w'));
            Assert.Equal("invalid_grant", await Error(wrongVerifier));

            var expiring = await SignInForCode(host, TestUsers.NewUpn("oidc"));
            host.Now = host.Now + OpenIdProvider.CodeLifetime + TimeSpan.FromSeconds(1);
            var expired = await Exchange(host, expiring);
            Assert.Equal("invalid_grant", await Error(expired));
            Assert.Contains("expired", (await expired.Content.ReadAsStringAsync()));

            var grant = await host.NewClient().PostAsync(OpenIdProvider.TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["client_id"] = ClientId, ["client_secret"] = Secret,
            }));
            Assert.Equal("unsupported_grant_type", await Error(grant));
        }

        [Fact]
        public async Task AuthorizeSendsNothingToAnUnregisteredClientOrRedirectUriAndErrorsToARegisteredOne()
        {
            using var host = NewHost();
            var unknown = await host.Client.GetAsync(AuthorizeUrl(clientId: "who"));
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Null(unknown.Headers.Location);
            Assert.Contains("invalid_client", await unknown.Content.ReadAsStringAsync());
            foreach (var uri in new[] { "http://127.0.0.1:9/signin-oidc/x", "http://127.0.0.1:10/signin-oidc", "https://evil.example/signin-oidc" })
            {
                var foreign = await host.Client.GetAsync(AuthorizeUrl(redirectUri: uri));
                Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
                Assert.Null(foreign.Headers.Location);
                Assert.Contains("is not registered for client_id", await foreign.Content.ReadAsStringAsync());
            }
            // The default portal client is registered for 127.0.0.1:5070 only.
            Assert.Null((await host.Client.GetAsync(AuthorizeUrl(clientId: OidcClient.PortalClientId))).Headers.Location);

            async Task<string> Refusal(string url)
            {
                var response = await host.Client.GetAsync(url);
                Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
                var location = response.Headers.Location!.ToString();
                Assert.StartsWith(Callback + "?error=", location);
                Assert.EndsWith("&state=st-1", location);
                return Regex.Match(location, "error=([^&]*)").Groups[1].Value;
            }
            Assert.Equal("invalid_request", await Refusal(AuthorizeUrl(challenge: "")));
            Assert.Equal("invalid_request", await Refusal(AuthorizeUrl(extra: "&response_mode=fragment")));
            Assert.Equal("unsupported_response_type", await Refusal(AuthorizeUrl().Replace("response_type=code", "response_type=token")));
            Assert.Equal("invalid_scope", await Refusal(AuthorizeUrl().Replace("scope=openid%20profile", "scope=profile")));
        }

        [Fact]
        public async Task SignOutReturnsOnlyToARegisteredAddressOfTheClientInTheIdTokenHint()
        {
            using var host = NewHost();
            var tokens = JsonDocument.Parse(await (await Exchange(host, await SignInForCode(host, TestUsers.NewUpn("oidc")))).Content.ReadAsStringAsync());
            var hint = tokens.RootElement.GetProperty("id_token").GetString()!;
            var back = await host.Client.GetAsync($"{OpenIdProvider.LogoutPath}?id_token_hint={hint}&post_logout_redirect_uri={Uri.EscapeDataString(AfterLogout)}&state=s2");
            Assert.Equal(HttpStatusCode.SeeOther, back.StatusCode);
            Assert.Equal(AfterLogout + "?state=s2", back.Headers.Location!.ToString());
            var elsewhere = await host.Client.GetAsync($"{OpenIdProvider.LogoutPath}?id_token_hint={hint}&post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}");
            Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
            Assert.Contains("You have signed out.", await elsewhere.Content.ReadAsStringAsync());
        }

        [Fact]
        public void ClientsFromTheCommandLineAreCheckedAndTheirSecretsCompared()
        {
            var client = OidcClient.Parse("client_id=app;client_secret=s;redirect_uri=https://app.example/cb;post_logout_redirect_uri=https://app.example/");
            Assert.True(client.SecretMatches("s"));
            Assert.False(client.SecretMatches("S"));
            Assert.True(client.Allows("https://app.example/cb"));
            Assert.False(client.Allows("https://app.example/cb/"));
            Assert.Contains("redirect_uri", Assert.Throws<ArgumentException>(() => OidcClient.Parse("client_id=app;client_secret=s")).Message);
            Assert.Contains("client_secret", Assert.Throws<ArgumentException>(() => OidcClient.Parse("client_id=app;redirect_uri=https://a/")).Message);
            Assert.Contains("\"secret\" is not one of", Assert.Throws<ArgumentException>(() => OidcClient.Parse("client_id=app;secret=s;redirect_uri=https://a/")).Message);
        }

        [Fact]
        public void ThePortalNamesAMissingSettingAndRefusesTheDemoSecretAwayFromThisMachine()
        {
            static IConfiguration Config(params (string, string)[] values) =>
                new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Item1, v.Item2))).Build();
            var missing = Assert.Throws<PortalSettingsException>(() => PortalSettings.From(Config(("Oidc:Authority", "https://adfs.example.com/adfs"), ("Oidc:ClientId", "x"))));
            Assert.Contains("Oidc:ClientSecret is not set", missing.Message);
            Assert.Contains("Oidc__ClientSecret", missing.Message);
            Assert.Contains("Oidc:Authority is not set", Assert.Throws<PortalSettingsException>(() => PortalSettings.From(Config())).Message);
            Assert.Contains("must use https", Assert.Throws<PortalSettingsException>(() => PortalSettings.From(Config(
                ("Oidc:Authority", "http://adfs.example.com/adfs"), ("Oidc:ClientId", "x"), ("Oidc:ClientSecret", "y")))).Message);
            var demo = Assert.Throws<PortalSettingsException>(() => PortalSettings.From(Config(
                ("Oidc:Authority", "https://adfs.example.com/adfs"), ("Oidc:ClientId", "x"), ("Oidc:ClientSecret", PortalSettings.DemoSecret))));
            Assert.DoesNotContain(PortalSettings.DemoSecret, demo.Message);
            Assert.Equal(OidcClient.PortalDemoSecret, PortalSettings.DemoSecret);
            var settings = PortalSettings.From(Config(("Oidc:Authority", "https://adfs.example.com/adfs"), ("Oidc:ClientId", "x"), ("Oidc:ClientSecret", "real")));
            Assert.Equal(new[] { "openid", "profile", "allatclaims" }, settings.Scopes);
        }
    }
}
