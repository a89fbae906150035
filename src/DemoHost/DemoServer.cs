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
using SecureMFA.Core.Events;

namespace SecureMFA.DemoHost
{
    public sealed class DemoServerOptions
    {
        public int Port { get; set; } = 5080;
        public string? ConfigPath { get; set; }
        public string DataFolder { get; set; } = ".data";
        public Func<DateTime> Clock { get; set; } = () => DateTime.UtcNow;
        public IEventSink Events { get; set; } = TextEventSink.StandardError();
    }

    /// <summary>
    /// The AD FS sign-in, locally: a simulated primary page asks for the UPN, then the real adapter runs
    /// through the AD FS interfaces with real HttpListenerRequests, the AuthMethod and Context form
    /// fields, a context kept between requests, and a portal page showing the issued claims.
    /// </summary>
    public sealed class DemoServer : IDisposable
    {
        public const string AuthMethodName = "SecureMfaOtpProvider";
        public const string SignInPath = "/adfs/ls/";
        private const string PasswordAuthenticationMethod = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
        private readonly HttpListener _listener = new HttpListener();
        private readonly SignInSessions _sessions = new SignInSessions();
        private readonly OtpAuthenticationAdapter _adapter;
        private Task? _loop;

        private DemoServer(DemoServerOptions options)
        {
            _adapter = new OtpAuthenticationAdapter(options.Events, options.Clock);
            BaseAddress = new Uri($"http://127.0.0.1:{options.Port}/");
        }

        public Uri BaseAddress { get; }

        public static DemoServer Start(DemoServerOptions options)
        {
            var server = new DemoServer(options);
            var json = DemoConfiguration.Load(options.ConfigPath, options.DataFolder);
            server._adapter.OnAuthenticationPipelineLoad(new DemoConfigData(new MemoryStream(Encoding.UTF8.GetBytes(json))));
            server._listener.Prefixes.Add(server.BaseAddress.ToString());
            server._listener.Start();
            server._loop = Task.Run(server.AcceptLoop);
            return server;
        }

        public void Dispose()
        {
            _listener.Close();
            try { _loop?.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { /* listener closed */ }
            _adapter.OnAuthenticationPipelineUnload();
        }

        private async Task AcceptLoop()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
                catch (Exception) when (!_listener.IsListening) { return; }
                catch (HttpListenerException) { continue; }
                _ = Task.Run(() => Handle(context));
            }
        }

        private void Handle(HttpListenerContext http)
        {
            var request = http.Request;
            var response = http.Response;
            try
            {
                var path = request.Url!.AbsolutePath;
                var lcid = Lcid(request);
                if (request.HttpMethod == "GET" && path == "/") Write(response, 200, PrimaryPage(null));
                else if (request.HttpMethod == "POST" && path == SignInPath) SignIn(request, response, lcid);
                else if (request.HttpMethod == "GET" && path == "/portal") Portal(request, response);
                else Write(response, 404, AdfsPage.Render("Not found", "<p>Not found.</p>"));
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine("demo host: " + ex);
                try { Write(response, 500, AdfsPage.Render("Error", "<p>The demo host failed: " + WebUtility.HtmlEncode(ex.Message) + "</p>")); }
                catch (Exception) { /* the client went away */ }
            }
            finally
            {
                try { response.Close(); } catch (Exception) { /* the client went away */ }
            }
        }

        private void SignIn(HttpListenerRequest request, HttpListenerResponse response, int lcid)
        {
            var fields = FormBody.Read(request);
            if (fields.TryGetValue("Context", out var token)) { EndAuthentication(request, response, lcid, fields, token); return; }

            var upn = fields.TryGetValue("UserName", out var typed) ? typed.Trim() : "";
            if (upn.Length == 0) { Write(response, 200, PrimaryPage("Type your user name (UPN).")); return; }
            var context = new DemoAuthenticationContext(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), lcid);
            var identity = new Claim(AdapterMetadata.UpnClaimType, upn);
            if (!_adapter.IsAvailableForUser(identity, context)) { Write(response, 200, PrimaryPage("OTP is not available for this user.")); return; }
            var presentation = _adapter.BeginAuthentication(identity, request, context);
            WritePresentation(response, presentation, _sessions.Start(context), lcid);
        }

        private void EndAuthentication(HttpListenerRequest request, HttpListenerResponse response, int lcid, Dictionary<string, string> fields, string token)
        {
            var context = _sessions.Find(token);
            if (context == null || !fields.TryGetValue("AuthMethod", out var method) || method != AuthMethodName)
            {
                Write(response, 200, PrimaryPage("Your sign-in expired or is not valid. Start again."));
                return;
            }
            var proof = new DemoProofData(fields.ToDictionary(f => f.Key, f => (object)f.Value));
            var presentation = _adapter.TryEndAuthentication(context, proof, request, out var claims);
            if (presentation == null && claims != null && claims.Length > 0)
            {
                var upn = context.Data.TryGetValue(OtpAuthenticationAdapter.UpnContextKey, out var value) ? value as string ?? "" : "";
                var issued = new[]
                {
                    new Claim(AdapterMetadata.UpnClaimType, upn),
                    new Claim(ClaimTypes.AuthenticationMethod, PasswordAuthenticationMethod),
                }.Concat(claims).ToArray();
                response.StatusCode = 303;
                response.RedirectLocation = "/portal?s=" + _sessions.Complete(token, issued);
                return;
            }
            WritePresentation(response, presentation ?? OtpPresentation.Unavailable(), token, lcid);
        }

        private void Portal(HttpListenerRequest request, HttpListenerResponse response)
        {
            var claims = _sessions.Claims(request.QueryString["s"]);
            if (claims == null) { Write(response, 200, PrimaryPage("Sign in first.")); return; }
            var rows = new StringBuilder();
            foreach (var claim in claims)
                rows.Append("<tr><td>").Append(WebUtility.HtmlEncode(claim.Type)).Append("</td><td class=\"claimValue\">")
                    .Append(WebUtility.HtmlEncode(claim.Value)).Append("</td></tr>");
            Write(response, 200, AdfsPage.Render("Signed in",
                "<div class=\"fieldMargin bigText\" id=\"portalTitle\">You are signed in.</div>" +
                "<p class=\"smallText\">These are the claims AD FS would issue to the application:</p>" +
                "<table id=\"claims\"><tr><th>Claim type</th><th>Value</th></tr>" + rows + "</table>" +
                "<p class=\"smallText\"><a href=\"/\">Sign in again</a></p>"));
        }

        private static void WritePresentation(HttpListenerResponse response, IAdapterPresentation presentation, string token, int lcid)
        {
            var title = presentation.GetPageTitle(lcid);
            if (presentation is IAdapterPresentationForm form)
            {
                // AD FS fills these placeholders; the token stands in for AD FS's protected context.
                var html = form.GetFormHtml(lcid).Replace("%AuthMethod%", AuthMethodName).Replace("%Context%", token);
                Write(response, 200, AdfsPage.Render(title, html, form.GetFormPreRenderHtml(lcid) ?? ""));
            }
            else
            {
                Write(response, 200, AdfsPage.Render(title, ""));
            }
        }

        private static string PrimaryPage(string? error) => AdfsPage.Render("Sign in",
            "<form method=\"post\" id=\"loginForm\" action=\"" + SignInPath + "\">" +
            (error == null ? "" : "<div id=\"error\" class=\"fieldMargin error smallText\"><span id=\"errorText\">" + WebUtility.HtmlEncode(error) + "</span></div>") +
            "<div class=\"fieldMargin bigText\">Sign in with your organisational account</div>" +
            "<div class=\"fieldMargin\"><input id=\"userNameInput\" name=\"UserName\" type=\"email\" class=\"text fullWidth\" placeholder=\"someone@example.com\" autofocus=\"autofocus\"/></div>" +
            "<div class=\"fieldMargin smallText\">Primary authentication is simulated: no password is asked or checked.</div>" +
            "<div id=\"submissionArea\" class=\"submitMargin\"><input id=\"submitButton\" type=\"submit\" class=\"submit\" value=\"Next\"/></div></form>");

        /// <summary>The LCID AD FS would pass: ?lcid=, else the browser's first Accept-Language, else English.</summary>
        private static int Lcid(HttpListenerRequest request)
        {
            if (int.TryParse(request.QueryString["lcid"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var forced)) return forced;
            var first = request.UserLanguages?.FirstOrDefault()?.Split(';')[0].Trim();
            if (string.IsNullOrEmpty(first)) return PageText.English;
            try { return CultureInfo.GetCultureInfo(first).LCID; }
            catch (CultureNotFoundException) { return PageText.English; }
        }

        private static void Write(HttpListenerResponse response, int status, string html)
        {
            var bytes = Encoding.UTF8.GetBytes(html);
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers["X-Frame-Options"] = "DENY";
            response.Headers["Content-Security-Policy"] = "default-src 'none'; img-src 'self' data: https:; style-src 'unsafe-inline'; form-action 'self'";
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes, 0, bytes.Length);
        }
    }
}
