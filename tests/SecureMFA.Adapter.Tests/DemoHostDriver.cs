using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>What a browser does against the demo host: post the UPN, then post codes on the adapter's form.</summary>
    public static class DemoHostDriver
    {
        public static async Task<SignInPage> StartSignIn(this RunningDemoHost host, string upn, IDictionary<string, string>? headers = null, int? lcid = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/adfs/ls/" + (lcid.HasValue ? "?lcid=" + lcid : ""))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = upn }),
            };
            if (headers != null) foreach (var header in headers) request.Headers.Add(header.Key, header.Value);
            return await Send(host, request);
        }

        public static async Task<SignInPage> SubmitCode(this RunningDemoHost host, SignInPage page, string code, IDictionary<string, string>? headers = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/adfs/ls/")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["AuthMethod"] = page.AuthMethod!,
                    ["Context"] = page.Context!,
                    ["otpCode"] = code,
                }),
            };
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
