using System;
using System.Linq;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SecureMFA.WebPortal
{
    /// <summary>
    /// The SecureMFA OTP Web Portal, as the original product's: LOGIN sends the user to AD FS (or the demo host), which
    /// runs the OTP adapter (enrolment on a first sign-in), and back here a page lists the id token's claims, the
    /// authentication methods (amr) first. The relying party AD FS 2016+ application groups give a web app: the
    /// authorization code flow with PKCE and a client secret, the code posted back (form_post, or the query), the tokens from the back channel.
    /// </summary>
    public static class PortalApp
    {
        public const string LoginPath = "/login";
        public const string LogoutPath = "/logout";
        /// <summary>AD FS's claim type for the authentication methods, which allatclaims can bring into the id token beside amr.</summary>
        public const string AuthnMethodsReferences = "http://schemas.microsoft.com/claims/authnmethodsreferences";
        private const string Style =
            "body{font-family:\"Segoe UI\",Roboto,\"DejaVu Sans\",Arial,sans-serif;margin:0;background:#f3f2f1;color:#1b1b1b}" +
            "header{background:#1c4f8a;color:#fff;padding:16px 32px;font-size:20px;font-weight:600}" +
            "main{max-width:960px;margin:24px auto;padding:0 16px}" +
            "table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #c8c6c4;padding:6px 10px;text-align:left;vertical-align:top}" +
            "td{overflow-wrap:anywhere}.button{display:inline-block;background:#0067b8;color:#fff;padding:8px 20px;border:0;font-size:15px;text-decoration:none;cursor:pointer}" +
            ".button:focus{outline:3px solid #000;outline-offset:2px}#amr{background:#fff;padding:10px;border-left:4px solid #107c10}";

        /// <summary>The portal, configured and ready to run (settings checked: a missing one throws <see cref="PortalSettingsException"/>).</summary>
        public static WebApplication Build(string[] args)
        {
            // Settings files beside the program, wherever it is started from (dotnet run, a test, IIS).
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
            var settings = PortalSettings.From(builder.Configuration);
            builder.Services.AddAntiforgery(o => o.Cookie.Name = "smfa_portal_csrf");
            builder.Services.AddAuthentication(o =>
                {
                    o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                    o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
                })
                .AddCookie(o =>
                {
                    o.Cookie.Name = "smfa_portal";
                    o.Cookie.HttpOnly = true;
                    o.Cookie.SameSite = SameSiteMode.Lax;
                    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                })
                .AddOpenIdConnect(o =>
                {
                    o.Authority = settings.Authority.ToString().TrimEnd('/');
                    o.RequireHttpsMetadata = !settings.AuthorityIsLoopback;
                    o.ClientId = settings.ClientId;
                    o.ClientSecret = settings.ClientSecret;
                    o.ResponseType = OpenIdConnectResponseType.Code;
                    o.ResponseMode = settings.ResponseMode == "query" ? OpenIdConnectResponseMode.Query : OpenIdConnectResponseMode.FormPost;
                    o.UsePkce = true;
                    if (settings.Resource != null) o.Resource = settings.Resource;
                    o.Scope.Clear();
                    foreach (var scope in settings.Scopes) o.Scope.Add(scope);
                    // The id token's claims as the token has them (upn, amr), not renamed to WS-* URIs.
                    o.MapInboundClaims = false;
                    o.TokenValidationParameters.NameClaimType = "upn";
                    // The page shows who issued the token, to whom and until when: keep those claims.
                    foreach (var type in new[] { "iss", "aud", "iat", "nbf", "exp", "acr" }) o.ClaimActions.Remove(type);
                    o.SaveTokens = true;
                    // The handler's cookies must come back with the code. A top-level GET (query), or a POST from the same site
                    // (the demo host on 127.0.0.1: sites ignore ports), carries Lax cookies, even over plain http; a cross-site POST
                    // (form_post from AD FS) carries only SameSite=None cookies, which must be Secure: the portal is then served over https.
                    if (settings.ResponseMode == "query" || settings.AuthorityIsLoopback)
                        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
                        {
                            cookie.SameSite = SameSiteMode.Lax;
                            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                        }
                    o.Events.OnRemoteFailure = context =>
                    {
                        // The identity provider refused (an OAuth error) or the token did not validate: say so, without a stack trace.
                        context.HandleResponse();
                        return Page(context.Response, StatusCodes.Status400BadRequest, settings, "Sign-in failed",
                            "<h1>Sign-in failed</h1><p id=\"signInError\">" + Encode(context.Failure?.Message ?? "The identity provider refused the sign-in.") +
                            "</p><p><a class=\"button\" href=\"/\">Back to the portal</a></p>");
                    };
                });
            var app = builder.Build();
            app.Logger.LogInformation("Identity provider {Authority}, client_id {ClientId}", settings.Authority, settings.ClientId);
            app.UseAuthentication();

            app.MapGet("/", (HttpContext http, IAntiforgery antiforgery) => http.User.Identity?.IsAuthenticated == true
                ? Page(http.Response, StatusCodes.Status200OK, settings, "Your claims", ClaimsHtml(http.User, antiforgery.GetAndStoreTokens(http)))
                : Page(http.Response, StatusCodes.Status200OK, settings, "Welcome",
                    "<h1>SecureMFA OTP Web Portal</h1><p>Sign in with your organisational account and your one-time code. " +
                    "On your first sign-in you enrol your authenticator app.</p>" +
                    "<p><a id=\"login\" class=\"button\" href=\"" + LoginPath + "\">LOGIN</a></p>"));
            app.MapGet(LoginPath, async (HttpContext http) =>
            {
                try { await http.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/" }); }
                catch (InvalidOperationException ex) when (!http.Response.HasStarted)
                {
                    // The handler reads the provider's discovery document first: most often the provider is not running or not reachable.
                    app.Logger.LogWarning("The identity provider {Authority} did not answer: {Message}", settings.Authority, ex.Message);
                    await Page(http.Response, StatusCodes.Status502BadGateway, settings, "Identity provider unavailable",
                        "<h1>The identity provider is unavailable</h1><p id=\"providerError\">" + Encode($"{settings.Authority} did not give its OpenID Connect configuration. ") +
                        (settings.AuthorityIsLoopback ? "Is the demo host running? Start it with <code>dotnet run --project src/DemoHost</code>." : "Check Oidc:Authority and that AD FS is reachable from this server.") +
                        "</p><p><a class=\"button\" href=\"/\">Back to the portal</a></p>");
                }
            });
            app.MapPost(LogoutPath, async (HttpContext http, IAntiforgery antiforgery) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http)) { http.Response.StatusCode = StatusCodes.Status400BadRequest; return; }
                // Here and at the identity provider, which then sends the browser back to the welcome page.
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                await http.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/" });
            });
            return app;
        }

        private static string ClaimsHtml(ClaimsPrincipal user, AntiforgeryTokenSet tokens)
        {
            var methods = user.Claims.Where(c => c.Type == "amr" || c.Type == AuthnMethodsReferences).Select(c => c.Value).Distinct().ToList();
            var rows = new StringBuilder();
            foreach (var claim in user.Claims)
                rows.Append("<tr><td>").Append(Encode(claim.Type)).Append("</td><td class=\"claimValue\">").Append(Encode(claim.Value)).Append("</td></tr>");
            return "<h1 id=\"signedIn\">Signed in as <span id=\"upn\">" + Encode(user.Identity?.Name ?? "(no upn claim)") + "</span></h1>" +
                "<div id=\"amr\"><strong>Authentication methods (amr):</strong> " +
                (methods.Count == 0 ? "none in the token" : string.Join(", ", methods.Select(m => "<code>" + Encode(m) + "</code>"))) + "</div>" +
                "<p>The claims of your id token:</p>" +
                "<table id=\"claims\"><thead><tr><th scope=\"col\">Claim type</th><th scope=\"col\">Value</th></tr></thead><tbody>" + rows + "</tbody></table>" +
                "<form method=\"post\" action=\"" + LogoutPath + "\"><input type=\"hidden\" name=\"" + Encode(tokens.FormFieldName) + "\" value=\"" + Encode(tokens.RequestToken ?? "") + "\"/>" +
                "<p><button id=\"signOut\" class=\"button\" type=\"submit\">Sign out</button></p></form>";
        }

        private static Task Page(HttpResponse response, int status, PortalSettings settings, string title, string body)
        {
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.Headers["X-Frame-Options"] = "DENY";
            response.Headers["Referrer-Policy"] = "no-referrer";
            // Sign-out posts here and is redirected to the identity provider's end-session endpoint, which form-action must allow.
            response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src " + StyleHash + "; form-action 'self' " +
                settings.Authority.GetLeftPart(UriPartial.Authority) + "; base-uri 'none'; frame-ancestors 'none'";
            return response.WriteAsync("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>" +
                "<title>" + Encode(title) + " - SecureMFA OTP Web Portal</title><style>" + Style + "</style></head><body><header>SecureMFA OTP Web Portal</header><main>" +
                body + "</main></body></html>");
        }

        private static readonly string StyleHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style))) + "'";

        private static string Encode(string text) => WebUtility.HtmlEncode(text);
    }
}
