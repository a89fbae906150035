using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IdentityServer.Web.Authentication.External;
using SecureMFA.Adapter;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Startup;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Identity;
using SecureMFA.Otp.Time;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// The AD FS sign-in, locally: a simulated primary page asks for the UPN, then the real adapter runs
    /// through the AD FS interfaces with real HttpListenerRequests, the AuthMethod and Context form
    /// fields, a context kept between requests, and a portal page showing the issued claims. Meant to be tried
    /// first and maybe reached over a network: bodies are read asynchronously within limits, the login form has a
    /// CSRF token, sessions are bounded and live in HttpOnly cookies, pages are never cached. It is also an OpenID Connect
    /// provider, as AD FS is to an application group's web app (<see cref="OpenIdProvider"/>): an authorization request
    /// starts this same sign-in, and its end sends the browser back to the application with a code.
    /// </summary>
    public sealed class DemoServer : IDisposable
    {
        public const string AuthMethodName = "SecureMfaOtpProvider";
        public const string SignInPath = "/adfs/ls/";
        public const string PortalPath = "/portal";
        public const string SessionCookie = "smfa_session";
        /// <summary>The login form's field that carries an OpenID Connect authorization through the sign-in.</summary>
        public const string AuthorizationField = "oidc";
        private const string PasswordAuthenticationMethod = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
        private readonly HttpListener _listener = new HttpListener();
        private readonly SignInSessions _sessions;
        private readonly LoginFormToken _loginToken = new LoginFormToken();
        /// <summary>Held by its interface, so every call goes through AD FS's interfaces as AD FS makes it (most through IAuthenticationAdapterBase).</summary>
        private readonly IAuthenticationAdapter _adapter;
        private readonly DemoServerOptions _options;
        private readonly OpenIdProvider _oidc;
        private PendingEnrolments? _enrolments;
        private Deployment? _deployment;
        private Task? _loop;

        private DemoServer(DemoServerOptions options)
        {
            _options = options;
            _adapter = new OtpAuthenticationAdapter(options.Events, options.Clock);
            _sessions = new SignInSessions(options.SessionCapacity);
            BaseAddress = new Uri($"http://127.0.0.1:{options.Port}/");
            _oidc = new OpenIdProvider(BaseAddress, options.OidcClients, options.Clock, options.SessionCapacity);
        }

        public Uri BaseAddress { get; }

        /// <summary>The OpenID Connect issuer, as AD FS's https://host/adfs.</summary>
        public string Issuer => _oidc.Issuer;

        public static DemoServer Start(DemoServerOptions options)
        {
            var server = new DemoServer(options);
            var json = DemoConfiguration.Load(options.ConfigPath, options.DataFolder);
            server._adapter.OnAuthenticationPipelineLoad(new DemoConfigData(new MemoryStream(Encoding.UTF8.GetBytes(json))));
            // The host's own view of the adapter's store, opened on first use (a configuration the adapter refused shows its error page).
            server._enrolments = new PendingEnrolments(() => (server._deployment ??= Deployment.Open(ConfigurationLoader.LoadOrThrow(json), options.Events)).Store,
                options.Clock, options.PendingEnrolmentCapacity);
            server._listener.Prefixes.Add(server.BaseAddress.ToString());
            try { server._listener.Start(); }
            catch (HttpListenerException)
            {
                server.Dispose();
                throw;
            }
            server._loop = Task.Run(server.AcceptLoop);
            return server;
        }

        public void Dispose()
        {
            _listener.Close();
            try { _loop?.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { /* listener closed */ }
            _adapter.OnAuthenticationPipelineUnload();
            _deployment?.Dispose();
            _oidc.Dispose();
        }

        private async Task AcceptLoop()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
                catch (Exception) when (!_listener.IsListening) { return; }
                catch (HttpListenerException) { continue; }
                // Each request on its own; waiting for one client's body holds no thread and delays nobody else.
                _ = Task.Run(() => Handle(context));
            }
        }

        private async Task Handle(HttpListenerContext http)
        {
            var request = http.Request;
            var response = http.Response;
            try
            {
                var path = request.Url!.AbsolutePath;
                var named = RequestedCultures(request).ToList();
                var lcid = AdfsLanguage.Choose(named, _options.ServerCulture, _adapter.Metadata.AvailableLcids);
                if (lcid == null && path == SignInPath)
                {
                    // What AD FS shows when neither the browser's cultures nor its own are among the provider's.
                    Write(response, HttpStatusCode.InternalServerError, HostPage("Error",
                        "<h1>An error occurred</h1><p>There is no style sheet configured for the requested locale, nor for the default locale.</p>"));
                }
                else if (request.HttpMethod == "GET" && (path == "/" || path == SignInPath))
                {
                    if (path == SignInPath && request.QueryString["wa"] == "wsignout1.0") SignOut(request, response);
                    else PrimaryPage(request, response, HttpStatusCode.OK, null);
                }
                else if (request.HttpMethod == "POST" && path == SignInPath)
                {
                    var fields = await FormBody.ReadAsync(request, _options.MaxBodyBytes, _options.BodyTimeLimit).ConfigureAwait(false);
                    // A request that names no language keeps the sign-in's (or, at its start, the server's).
                    SignIn(request, response, named.Count == 0 ? null : lcid, fields);
                }
                else if (request.HttpMethod == "GET" && path == PortalPath) Portal(request, response);
                else if (request.HttpMethod == "GET" && path == OpenIdProvider.DiscoveryPath) _oidc.Discovery(response);
                else if (request.HttpMethod == "GET" && path == OpenIdProvider.KeysPath) _oidc.Keys(response);
                else if (request.HttpMethod == "GET" && path == OpenIdProvider.AuthorizePath)
                {
                    var authorization = _oidc.Authorize(request, response);
                    if (authorization != null) PrimaryPage(request, response, HttpStatusCode.OK, null, authorization: authorization);
                }
                else if (path == OpenIdProvider.TokenPath)
                    _oidc.Token(request, await FormBody.ReadAsync(request, _options.MaxBodyBytes, _options.BodyTimeLimit).ConfigureAwait(false), response);
                else if (request.HttpMethod == "GET" && path == OpenIdProvider.LogoutPath) Logout(request, response);
                else Write(response, HttpStatusCode.NotFound, HostPage("Not found", "<h1>Not found</h1><p>There is no page here. <a href=\"/\">Sign in</a></p>"));
            }
            catch (RequestBodyException ex) when (ex.TimedOut)
            {
                // Too slow to send its form: drop the connection rather than wait for the rest.
                response.Abort();
                return;
            }
            catch (RequestBodyException ex)
            {
                TryWrite(response, ex.Status, HostPage("Form too large", "<h1>Form too large</h1><p>" + WebUtility.HtmlEncode(ex.Message) + " <a href=\"/\">Start again</a></p>"));
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine("demo host: " + ex);
                TryWrite(response, HttpStatusCode.InternalServerError, HostPage("Error",
                    "<h1>Something went wrong</h1><p>The demo host failed: " + WebUtility.HtmlEncode(ex.Message) + " <a href=\"/\">Start again</a></p>"));
            }
            try { response.Close(); } catch (Exception) { /* the client went away */ }
        }

        private void SignIn(HttpListenerRequest request, HttpListenerResponse response, int? lcid, Dictionary<string, string> fields)
        {
            // The adapter's forms carry the sign-in's unguessable Context token, which is their CSRF protection.
            if (fields.TryGetValue("Context", out var token)) { EndAuthentication(request, response, lcid, fields, token); return; }

            fields.TryGetValue(LoginFormToken.Field, out var formToken);
            // A sign-in for an application keeps its authorization through every retry of this form.
            var authorization = fields.TryGetValue(AuthorizationField, out var carried) && carried.Length > 0 ? carried : null;
            if (authorization != null && _oidc.Pending(authorization) == null)
            {
                Write(response, HttpStatusCode.OK, HostPage("Sign-in expired",
                    "<h1>Sign-in expired</h1><p id=\"oauthError\">This sign-in to the application took too long or was already used. Go back to the application and sign in again.</p>"));
                return;
            }
            if (!_loginToken.IsValid(request, formToken))
            {
                PrimaryPage(request, response, HttpStatusCode.Forbidden, "This sign-in form has expired or did not come from this site. Type your user name again.", authorization: authorization);
                return;
            }
            var upn = fields.TryGetValue("UserName", out var typed) ? typed.Trim() : "";
            if (upn.Length == 0) { PrimaryPage(request, response, HttpStatusCode.OK, "Type your user name (UPN).", authorization: authorization); return; }
            // AD FS hands the adapter the account's UPN; here the typed text stands in for it, so it must be one.
            if (!Upn.TryNormalize(upn, out _, out var problem))
            {
                PrimaryPage(request, response, HttpStatusCode.OK, upn.IndexOf('@') < 0 ? "Enter your user name as name@domain, for example alice@adatum.labnet." : problem, authorization: authorization);
                return;
            }
            var context = new DemoAuthenticationContext(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), lcid ?? ServerLcid) { AuthorizationToken = authorization };
            var identity = new Claim(AdapterMetadata.UpnClaimType, upn);
            if (!_adapter.IsAvailableForUser(identity, context)) { PrimaryPage(request, response, HttpStatusCode.OK, "OTP is not available for this user.", authorization: authorization); return; }
            if (!MayStart(upn))
            {
                PrimaryPage(request, response, HttpStatusCode.TooManyRequests, "Too many enrolments are pending on this demo host; try again in a few minutes.", authorization: authorization);
                return;
            }
            var presentation = _adapter.BeginAuthentication(identity, request, context);
            WritePresentation(response, presentation, _sessions.Start(context), context, context.Lcid, upn);
        }

        /// <summary>Whether the pending-enrolment cap lets this sign-in start; store trouble is left to the adapter, which shows it the AD FS way.</summary>
        private bool MayStart(string upn)
        {
            try { return _enrolments!.TryStart(upn); }
            catch (Exception ex) when (ex is StoreUnavailableException || ex is ConfigurationException) { return true; }
        }

        private void EndAuthentication(HttpListenerRequest request, HttpListenerResponse response, int? lcid, Dictionary<string, string> fields, string token)
        {
            var context = _sessions.Find(token);
            if (context == null || !fields.TryGetValue("AuthMethod", out var method) || method != AuthMethodName)
            {
                PrimaryPage(request, response, HttpStatusCode.OK, "Your sign-in expired or is not valid. Start again.");
                return;
            }
            // AD FS hands each post its own copy of the context; here two posts on one sign-in share the object, so they take turns.
            lock (context) EndAuthentication(request, response, lcid, fields, token, context);
        }

        private void EndAuthentication(HttpListenerRequest request, HttpListenerResponse response, int? lcid, Dictionary<string, string> fields, string token, DemoAuthenticationContext context)
        {
            var proof = new DemoProofData(fields.ToDictionary(f => f.Key, f => (object)f.Value));
            var presentation = _adapter.TryEndAuthentication(context, proof, request, out var claims);
            var upn = context.Data.TryGetValue(OtpAuthenticationAdapter.UpnContextKey, out var value) ? value as string ?? "" : "";
            if (presentation == null && claims != null && claims.Length > 0)
            {
                var issued = new[]
                {
                    new Claim(AdapterMetadata.UpnClaimType, upn),
                    new Claim(ClaimTypes.AuthenticationMethod, PasswordAuthenticationMethod),
                }.Concat(claims).ToArray();
                if (context.AuthorizationToken != null) { ReturnToApplication(response, token, context, upn, issued); return; }
                var left = context.Data.TryGetValue(OtpAuthenticationAdapter.RecoveryCodesLeftContextKey, out var count) && count is int n ? n : (int?)null;
                // The session token goes in an HttpOnly cookie, never in the URL (history, logs, Referer).
                StrictCookie.Set(response, SessionCookie, _sessions.Complete(token, new PortalSession(issued, left)));
                NoStore(response);
                response.StatusCode = (int)HttpStatusCode.SeeOther;
                response.RedirectLocation = PortalPath;
                return;
            }
            // The browser's language now, else the one the sign-in started in.
            WritePresentation(response, presentation ?? OtpPresentation.Unavailable(), token, context, lcid ?? context.Lcid, upn);
        }

        /// <summary>The second factor succeeded on a sign-in for an application: back to it with a code, as AD FS does.</summary>
        private void ReturnToApplication(HttpListenerResponse response, string token, DemoAuthenticationContext context, string upn, Claim[] issued)
        {
            _sessions.Complete(token, new PortalSession(issued, null));
            var authorization = _oidc.Pending(context.AuthorizationToken);
            if (authorization == null)
            {
                Write(response, HttpStatusCode.OK, HostPage("Sign-in expired",
                    "<h1>Sign-in expired</h1><p id=\"oauthError\">You signed in, but the application's request expired meanwhile. Go back to the application and sign in again.</p>"));
                return;
            }
            _oidc.CompleteSignIn(response, context.AuthorizationToken!, authorization, upn, issued);
        }

        /// <summary>OpenID Connect's end session: the application's sign-out comes here, and goes back to it when it registered where.</summary>
        private void Logout(HttpListenerRequest request, HttpListenerResponse response)
        {
            _sessions.SignOut(StrictCookie.Read(request, SessionCookie));
            StrictCookie.Clear(response, SessionCookie);
            var back = _oidc.Logout(request);
            if (back == null) { PrimaryPage(request, response, HttpStatusCode.OK, null, "You have signed out."); return; }
            NoStore(response);
            response.StatusCode = (int)HttpStatusCode.SeeOther;
            response.RedirectLocation = back;
        }

        private void Portal(HttpListenerRequest request, HttpListenerResponse response)
        {
            var session = _sessions.Portal(StrictCookie.Read(request, SessionCookie));
            if (session == null) { PrimaryPage(request, response, HttpStatusCode.OK, "Sign in first."); return; }
            var rows = new StringBuilder();
            foreach (var claim in session.Claims)
                rows.Append("<tr><td>").Append(WebUtility.HtmlEncode(claim.Type)).Append("</td><td class=\"claimValue\">")
                    .Append(WebUtility.HtmlEncode(claim.Value)).Append("</td></tr>");
            var recovery = session.RecoveryCodesLeft is int left
                ? "<p id=\"recoveryNotice\" role=\"status\">You signed in with a recovery code: " +
                  (left == 0 ? "none are left" : left == 1 ? "1 is left" : left + " are left") + ". Ask your help desk for new ones.</p>"
                : "";
            Write(response, HttpStatusCode.OK, HostPage("Signed in",
                "<h1 id=\"portalTitle\">You are signed in.</h1>" + recovery +
                "<p>These are the claims AD FS would issue to the application:</p>" +
                "<table id=\"claims\"><thead><tr><th scope=\"col\">Claim type</th><th scope=\"col\">Value</th></tr></thead><tbody>" + rows + "</tbody></table>" +
                "<p class=\"submitMargin\"><a id=\"signOut\" href=\"" + OtpPresentation.SignOutUrl + "\">Sign out</a></p>"));
        }

        /// <summary>AD FS's sign-out (wa=wsignout1.0): ends the portal session and starts over with the user name.</summary>
        private void SignOut(HttpListenerRequest request, HttpListenerResponse response)
        {
            _sessions.SignOut(StrictCookie.Read(request, SessionCookie));
            StrictCookie.Clear(response, SessionCookie);
            PrimaryPage(request, response, HttpStatusCode.OK, null, "You have signed out. Sign in again, as yourself or as someone else.");
        }

        private void WritePresentation(HttpListenerResponse response, IAdapterPresentation presentation, string token, DemoAuthenticationContext context, int lcid, string upn)
        {
            var title = presentation.GetPageTitle(lcid);
            var html = "";
            var preRender = "";
            if (presentation is IAdapterPresentationForm form)
            {
                // AD FS fills these placeholders; the token stands in for AD FS's protected context.
                html = form.GetFormHtml(lcid).Replace("%AuthMethod%", AuthMethodName).Replace("%Context%", token);
                preRender = form.GetFormPreRenderHtml(lcid) ?? "";
            }
            // The last post of a sign-in for an application is redirected to it, which form-action must allow (browsers apply it to redirects).
            var application = _oidc.Pending(context.AuthorizationToken)?.Origin;
            Write(response, HttpStatusCode.OK, AdfsPage.Render(HtmlLang(lcid), title, html, preRender, upn.Length == 0 ? null : upn), ContentSecurityPolicy.AllowingFormsTo(application));
        }

        private void PrimaryPage(HttpListenerRequest request, HttpListenerResponse response, HttpStatusCode status, string? error, string? notice = null, string? authorization = null)
        {
            var token = _loginToken.Issue(request, response);
            var invalid = error == null ? "" : " aria-invalid=\"true\" aria-describedby=\"errorText\"";
            Write(response, status, HostPage("Sign in",
                "<h1>Sign in</h1>" +
                (notice == null ? "" : "<p id=\"notice\" role=\"status\">" + WebUtility.HtmlEncode(notice) + "</p>") +
                "<form method=\"post\" id=\"loginForm\" action=\"" + SignInPath + "\" novalidate=\"novalidate\">" +
                "<input type=\"hidden\" name=\"" + LoginFormToken.Field + "\" value=\"" + WebUtility.HtmlEncode(token) + "\"/>" +
                (authorization == null ? "" : "<input type=\"hidden\" name=\"" + AuthorizationField + "\" value=\"" + WebUtility.HtmlEncode(authorization) + "\"/>") +
                (error == null ? "" : "<div id=\"error\" class=\"fieldMargin error\"><span id=\"errorText\" role=\"alert\">" + WebUtility.HtmlEncode(error) + "</span></div>") +
                "<p>Sign in with your organisational account.</p>" +
                "<div class=\"fieldMargin\"><label for=\"userNameInput\">User name</label>" +
                "<input id=\"userNameInput\" name=\"UserName\" type=\"email\" class=\"text fullWidth\" autocomplete=\"username\" spellcheck=\"false\" placeholder=\"someone@example.com\" autofocus=\"autofocus\"" + invalid + "/></div>" +
                "<p class=\"smallText\">Primary authentication is simulated: no password is asked or checked.</p>" +
                "<div id=\"submissionArea\" class=\"submitMargin\"><input id=\"submitButton\" type=\"submit\" class=\"submit\" value=\"Next\"/></div></form>"));
        }

        /// <summary>A page in the host's own words, which are English.</summary>
        internal static string HostPage(string title, string html) => AdfsPage.Render("en", title, html);

        /// <summary>The server culture's LCID as AD FS accepts it (checked on every sign-in request before this is used).</summary>
        private int ServerLcid => AdfsLanguage.Choose(Array.Empty<string>(), _options.ServerCulture, _adapter.Metadata.AvailableLcids) ?? PageText.English;

        /// <summary>The cultures a request asks for, in order: ?lcid= (a test's shortcut), then the browser's Accept-Language.</summary>
        private static IEnumerable<string> RequestedCultures(HttpListenerRequest request)
        {
            if (int.TryParse(request.QueryString["lcid"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var forced))
            {
                string? name = null;
                try { name = CultureInfo.GetCultureInfo(forced).Name; }
                catch (ArgumentException) { /* an LCID no culture has: as if not asked */ }
                if (!string.IsNullOrEmpty(name)) yield return name!;
            }
            foreach (var name in AdfsLanguage.FromAcceptLanguage(request.UserLanguages)) yield return name;
        }

        /// <summary>The page's language as AD FS renders it: the LCID's culture name (the adapter's fragment states its own).</summary>
        public static string HtmlLang(int lcid)
        {
            try
            {
                var name = CultureInfo.GetCultureInfo(lcid).Name;
                return name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '-') ? name : "en";
            }
            catch (ArgumentException) { return "en"; }
        }

        private static void NoStore(HttpListenerResponse response)
        {
            // Sign-in pages carry secrets (the QR code, the key) and one-time state: never kept by browsers or proxies.
            response.Headers["Cache-Control"] = "no-store";
            response.Headers["Pragma"] = "no-cache";
        }

        private static void TryWrite(HttpListenerResponse response, HttpStatusCode status, string html)
        {
            try { Write(response, status, html); }
            catch (Exception) { /* the client went away, or headers were already sent */ }
        }

        /// <param name="policy">The page's Content-Security-Policy, when it is not <see cref="ContentSecurityPolicy.Header"/>.</param>
        internal static void Write(HttpListenerResponse response, HttpStatusCode status, string html, string? policy = null)
        {
            var bytes = Encoding.UTF8.GetBytes(html);
            response.StatusCode = (int)status;
            response.ContentType = "text/html; charset=utf-8";
            NoStore(response);
            response.Headers["X-Frame-Options"] = "DENY";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers["Content-Security-Policy"] = policy ?? ContentSecurityPolicy.Header;
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes, 0, bytes.Length);
        }
    }
}
