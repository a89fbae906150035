using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Security;
using SecureMFA.Core.Startup;
using SecureMFA.DemoHost;
using SecureMFA.Testing;

namespace SecureMFA.Adapter.Tests
{
    /// <summary>A demo host on a free loopback port with its own data folder, clock and event recorder.</summary>
    public sealed class RunningDemoHost : IDisposable
    {
        private readonly DemoServer _server;

        /// <param name="configJson">A SecureMfaOtpProvider.json (%DATA% stands for the data folder), or null for the demo's generated one.</param>
        /// <param name="options">Changes to the server's options (limits, capacity) before it starts.</param>
        /// <param name="dataFolder">A data folder the demo host creates itself; by default a new one the test creates.</param>
        public RunningDemoHost(string? configJson = null, Action<DemoServerOptions>? options = null, string? dataFolder = null)
        {
            DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "securemfa-demo-tests", Guid.NewGuid().ToString("N"));
            if (dataFolder == null) Directory.CreateDirectory(DataFolder);
            string? configPath = null;
            if (configJson != null)
            {
                configPath = Path.Combine(Path.GetTempPath(), "securemfa-demo-tests", Guid.NewGuid().ToString("N") + ".json");
                Directory.CreateDirectory(Path.GetDirectoryName(configPath)!);
                File.WriteAllText(configPath, configJson.Replace("%DATA%", DataFolder.Replace("\\", "\\\\")));
            }
            if (dataFolder == null) ShareOneKey(configPath);
            var settings = new DemoServerOptions { Port = FreePorts.Next(), ConfigPath = configPath, DataFolder = DataFolder, Clock = Clock, Events = Events };
            options?.Invoke(settings);
            _server = DemoServer.Start(settings);
            Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.BaseAddress };
        }

        /// <summary>
        /// The demo's generated passphrase is this one, and a SQLite store in the data folder gets <see cref="SharedTestSalt"/>,
        /// before the host starts: every host of the test process then uses one key, derived once, not once per test.
        /// </summary>
        private void ShareOneKey(string? configPath)
        {
            if (configPath == null) OwnerOnlyFiles.ReadOrCreate(Path.Combine(DataFolder, EmbeddedDefault.PassphraseFile), () => SharedPassphrase, out _);
            var config = ConfigurationLoader.Parse(DemoConfiguration.Load(configPath, DataFolder)).Configuration;
            if (config is not { AuthMode: AuthMode.SQLITE, DataEncryption: true }
                || !Path.GetFullPath(config.SqlitePath).StartsWith(DataFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
            using var deployment = Deployment.Open(config);
            SharedTestSalt.SeedInto(deployment.Store);
        }

        private const string SharedPassphrase = "Demo-Host-Tests-Shared-Passphrase-1";

        /// <summary>Another browser: its own cookies.</summary>
        public HttpClient NewClient() => new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.BaseAddress };

        public string DataFolder { get; }
        public VariableClock Clock { get; } = new VariableClock();

        public DateTime Now { get => Clock.UtcNow; set => Clock.UtcNow = value; }
        public RecordedEvents Events { get; } = new RecordedEvents();
        public HttpClient Client { get; }
        public Uri BaseAddress => _server.BaseAddress;
        public string DatabasePath => Path.Combine(DataFolder, "SecureMfaOtp.db");

        public void Dispose()
        {
            Client.Dispose();
            _server.Dispose();
        }
    }

    /// <summary>One page the adapter returned, with the fields a browser would post back.</summary>
    public sealed class SignInPage
    {
        public SignInPage(HttpResponseMessage response, string html)
        {
            Response = response;
            Html = html;
        }

        public HttpResponseMessage Response { get; }
        public string Html { get; }
        public string? Context => Field("Context");
        public string? AuthMethod => Field("AuthMethod");
        public bool HasQrCode => Html.Contains("id=\"qrCode\"");
        public bool HasCodeInput => Html.Contains("id=\"otpCode\"");
        public string? ManualKey => Regex.Match(Html, "<code id=\"manualKey\">([^<]*)</code>") is { Success: true } m ? m.Groups[1].Value.Replace(" ", "") : null;
        public bool HasRecoveryInput => Html.Contains("id=\"recoveryCode\"");
        public string? ErrorText => Text("<span id=\"errorText\"[^>]*>(.*?)</span>");
        public string? HelpdeskText => Text("<p id=\"helpdesk\">(.*?)</p>");
        public string? HeadingText => Text("<h1[^>]*>(.*?)</h1>");
        public string? HtmlLang => Regex.Match(Html, "<html lang=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;
        public string? FragmentLang => Regex.Match(Html, "<div id=\"secureMfaOtp\" lang=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

        /// <summary>Whether the page has a form that posts smfaAction=<paramref name="action"/>.</summary>
        public bool Offers(string action) => Regex.IsMatch(Html, $"name=\"smfaAction\" value=\"{action}\"");

        /// <summary>The text of the first match, tags removed and entities decoded, as a screen reader would read it.</summary>
        private string? Text(string pattern) =>
            Regex.Match(Html, pattern, RegexOptions.Singleline) is { Success: true } m ? WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")) : null;
        public string? Title => Regex.Match(Html, "<title>([^<]*)</title>") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

        private string? Field(string name) =>
            Regex.Match(Html, $"name=\"{name}\" value=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;
    }
}
