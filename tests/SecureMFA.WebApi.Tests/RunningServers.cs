using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Core.Events;
using SecureMFA.DemoHost;
using SecureMFA.WebApi.Hosting;
using SecureMFA.Testing;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>What these tests do with the API on a socket (<see cref="RunningWebApi"/>): a client, a registered device.</summary>
    public static class RunningWebApiClients
    {
        public static HttpClient Http(this RunningWebApi api) => new HttpClient { BaseAddress = api.Origin };

        public static Task<SignedClient> NewDevice(this RunningWebApi api, HttpClient? http = null, string machine = "PC1") =>
            SignedClient.Register(http ?? api.Http(), api.BasePath, ApiDeployment.Bootstrap, () => DateTimeOffset.UtcNow, machine);
    }

    /// <summary>The AD FS side: the demo host drives the real adapter over HTTP on the same configuration file and store.</summary>
    public sealed class RunningAdfs : IDisposable
    {
        private readonly DemoServer _server;
        private readonly HttpClient _http;

        public RunningAdfs(ApiDeployment deployment)
        {
            _server = DemoServer.Start(new DemoServerOptions
            {
                Port = FreePorts.Next(), ConfigPath = deployment.ConfigPath, DataFolder = deployment.Folder, Events = Events,
            });
            _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.BaseAddress };
        }

        public RecordedEvents Events { get; } = new RecordedEvents();

        /// <summary>Primary sign-in as <paramref name="upn"/>, then the code on the adapter's page: what AD FS answered.</summary>
        public async Task<AdfsOutcome> SignIn(string upn, string code)
        {
            // As a browser: the login form first, for its CSRF token (its cookie stays in the client's cookie jar).
            var form = await _http.GetStringAsync("/");
            var csrf = Regex.Match(form, "name=\"csrf\" value=\"([^\"]*)\"").Groups[1].Value;
            var page = await Post(new Dictionary<string, string> { ["UserName"] = upn, ["csrf"] = csrf });
            var context = Field(page, "Context");
            if (context == null) return new AdfsOutcome(false, Error(page), page);
            var answer = await _http.PostAsync("/adfs/ls/", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["AuthMethod"] = Field(page, "AuthMethod")!, ["Context"] = context, ["otpCode"] = code,
            }));
            var html = await answer.Content.ReadAsStringAsync();
            return new AdfsOutcome(answer.StatusCode == HttpStatusCode.SeeOther, Error(html), html);
        }

        private async Task<string> Post(Dictionary<string, string> fields)
        {
            using var response = await _http.PostAsync("/adfs/ls/", new FormUrlEncodedContent(fields));
            return await response.Content.ReadAsStringAsync();
        }

        private static string? Field(string html, string name) =>
            Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

        private static string? Error(string html) =>
            Regex.Match(html, "<span id=\"errorText\"[^>]*>([^<]*)</span>") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

        public void Dispose()
        {
            _http.Dispose();
            _server.Dispose();
        }
    }

    /// <summary>Whether AD FS issued the claim, and the page's message otherwise.</summary>
    public sealed record AdfsOutcome(bool SignedIn, string? Message, string Html);
}
