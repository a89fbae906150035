using System.Collections.Generic;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>What a browser does against the demo host: open the login form, post the UPN, then post on the adapter's forms.</summary>
    public static class DemoHostDriver
    {
        /// <summary>The login form's CSRF token, as a browser gets it with the form (its cookie lands in the client's cookie jar).</summary>
        public static async Task<string> LoginFormToken(this RunningDemoHost host)
        {
            var html = await host.Client.GetStringAsync("/");
            return Regex.Match(html, "name=\"csrf\" value=\"([^\"]*)\"").Groups[1].Value;
        }

        public static async Task<SignInPage> StartSignIn(this RunningDemoHost host, string upn, IDictionary<string, string>? headers = null, int? lcid = null)
        {
            var token = await host.LoginFormToken();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/adfs/ls/" + (lcid.HasValue ? "?lcid=" + lcid : ""))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = upn, ["csrf"] = token }),
            };
            if (headers != null) foreach (var header in headers) request.Headers.Add(header.Key, header.Value);
            return await Send(host, request);
        }

        public static Task<SignInPage> SubmitCode(this RunningDemoHost host, SignInPage page, string code, IDictionary<string, string>? headers = null) =>
            host.Submit(page, new Dictionary<string, string> { ["otpCode"] = code }, headers);

        public static Task<SignInPage> SubmitRecoveryCode(this RunningDemoHost host, SignInPage page, string code) =>
            host.Submit(page, new Dictionary<string, string> { ["recoveryCode"] = code });

        /// <summary>One of the page's secondary buttons: smfaAction = retry, recovery, code or continue.</summary>
        public static Task<SignInPage> Press(this RunningDemoHost host, SignInPage page, string action) =>
            host.Submit(page, new Dictionary<string, string> { ["smfaAction"] = action });

        public static async Task<SignInPage> Submit(this RunningDemoHost host, SignInPage page, IDictionary<string, string> fields, IDictionary<string, string>? headers = null)
        {
            var form = new Dictionary<string, string>(fields) { ["AuthMethod"] = page.AuthMethod!, ["Context"] = page.Context! };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/adfs/ls/") { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("User-Agent", "SecureMFA-Tests/1.0");
            if (headers != null) foreach (var header in headers) request.Headers.Add(header.Key, header.Value);
            return await Send(host, request);
        }

        private static async Task<SignInPage> Send(RunningDemoHost host, HttpRequestMessage request)
        {
            var response = await host.Client.SendAsync(request);
            return new SignInPage(response, await response.Content.ReadAsStringAsync());
        }
    }
}
