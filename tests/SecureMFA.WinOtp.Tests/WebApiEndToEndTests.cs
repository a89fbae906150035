using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Totp;
using SecureMFA.WinOtp.LogonSimulator;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// End to end against the real WEB API: the logon simulator (in process, with the production HTTP handler) against
    /// src/WebApi started on 127.0.0.1 over its SQLite store, as <see cref="RunningWebApi"/> sets it up.
    /// </summary>
    public sealed class WebApiEndToEndTests : IDisposable
    {
        private readonly string _state = Path.Combine(Path.GetTempPath(), "winotp-e2e", Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_state)) Directory.Delete(_state, true);
        }

        private async Task<(int Exit, string Output)> Simulate(string stdin, params string[] args)
        {
            var output = new StringWriter();
            var exit = await SimulatorApp.RunAsync(new[] { "--state", Path.Combine(_state, "pc"), "--machine", "PC1" }.Concat(args).ToArray(),
                new StringReader(stdin), output, new StringWriter(), false);
            return (exit, output.ToString());
        }

        private static string Answers(string code) => "alice\n" + WinOtpHarness.Password + "\n" + code + "\n";

        [Fact]
        public async Task OnlineAcceptThenTheSameCodeIsAReplay()
        {
            using var api = RunningWebApi.Start(Path.Combine(_state, "api"));
            var code = api.Code();
            var first = await Simulate(Answers(code), "--api", api.Endpoint, "--register", RunningWebApi.Bootstrap, "--offline-days", "7");
            Assert.EndsWith("RESULT Accepted" + Environment.NewLine, first.Output);
            var replay = await Simulate(Answers(code));
            Assert.EndsWith("RESULT Replay" + Environment.NewLine, replay.Output);
        }

        [Fact]
        public async Task WrongCodesLockTheUser()
        {
            using var api = RunningWebApi.Start(Path.Combine(_state, "api"));
            await Simulate("", "--api", api.Endpoint, "--register", RunningWebApi.Bootstrap);
            for (var i = 0; i < 5; i++) await Simulate(Answers(api.WrongCode()));
            var locked = await Simulate(Answers(api.Code()));
            Assert.EndsWith("RESULT Locked" + Environment.NewLine, locked.Output);
        }

        [Fact]
        public async Task WhenTheApiIsDownTheSimulatorSignsInOffline()
        {
            var api = RunningWebApi.Start(Path.Combine(_state, "api"));
            string nextCode;
            using (api)
            {
                var online = await Simulate(Answers(api.Code()), "--api", api.Endpoint, "--register", RunningWebApi.Bootstrap, "--offline-days", "7");
                Assert.EndsWith("RESULT Accepted" + Environment.NewLine, online.Output);
                await RunningWebApi.WaitForNextStep();
                nextCode = api.Code();
            }
            var offline = await Simulate(Answers(nextCode));
            Assert.EndsWith("RESULT AcceptedOffline" + Environment.NewLine, offline.Output);
        }

        [Fact]
        public async Task ASyncedUserSignsInOfflineAfterwards()
        {
            var api = RunningWebApi.Start(Path.Combine(_state, "api"));
            string nextCode;
            using (api)
            {
                await Simulate("", "--api", api.Endpoint, "--register", RunningWebApi.Bootstrap, "--offline-days", "7");
                var sync = await Simulate("alice\n" + api.Code() + "\n", "--sync");
                Assert.EndsWith("RESULT Synced" + Environment.NewLine, sync.Output);
                await RunningWebApi.WaitForNextStep();
                nextCode = api.Code();
            }
            Assert.EndsWith("RESULT AcceptedOffline" + Environment.NewLine, (await Simulate(Answers(nextCode))).Output);
        }
    }

    /// <summary>Skips while the WEB API is not in this tree; runs (and must pass) once it is.</summary>
    /// <summary>The real WEB API on a free 127.0.0.1 port, over a fresh SQLite store holding alice with the RFC 6238 key.</summary>
    public sealed class RunningWebApi : IDisposable
    {
        public const string Bootstrap = "e2e-bootstrap-5d41402abc4b2a76";
        private readonly Process _process;
        private readonly StringBuilder _log = new StringBuilder();

        private RunningWebApi(Process process, string endpoint)
        {
            _process = process;
            Endpoint = endpoint;
        }

        public string Endpoint { get; }

        public static RunningWebApi Start(string folder)
        {
            Directory.CreateDirectory(folder);
            var database = Path.Combine(folder, "SecureMfaOtp.db").Replace("\\", "/");
            var config = Path.Combine(folder, "SecureMfaOtpProvider.json");
            File.WriteAllText(config, "{ \"company\": \"Adatum\", \"auth_mode\": \"SQLITE\", \"sqlite_path\": \"" + database + "\", \"data_encryption\": \"true\", \"data_encryption_passphrase\": \"End-To-End-Passphrase-7\"," +
                " \"api_headers_value\": \"" + Bootstrap + "\", \"api_offline_max_days\": \"30\" }");

            // Alice, confirmed or not, with the RFC 6238 test key, through Core's store as the cmdlets create users.
            var configuration = ConfigurationLoader.LoadFile(config);
            var users = OtpUserStoreFactory.Open(configuration);
            try { users.Create(new NewOtpUser(WinOtpHarness.Upn, SecretProtectors.For(configuration, users).Protect(WinOtpHarness.Upn, WinOtpHarness.Secret), TotpParameters.Default)); }
            finally { (users as IDisposable)?.Dispose(); }

            var port = FreePort();
            var dll = Path.Combine(RepoPaths.Output("src/WebApi", "net10.0"), "SecureMFA.WebApi.dll");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
            foreach (var arg in new[] { dll, "--config", config, "--urls", "http://127.0.0.1:" + port }) info.ArgumentList.Add(arg);
            var api = new RunningWebApi(Process.Start(info)!, "http://127.0.0.1:" + port + "/api/securemfaotp");
            api._process.OutputDataReceived += (_, e) => { lock (api._log) api._log.AppendLine(e.Data); };
            api._process.ErrorDataReceived += (_, e) => { lock (api._log) api._log.AppendLine(e.Data); };
            api._process.BeginOutputReadLine();
            api._process.BeginErrorReadLine();
            api.WaitUntilHealthy();
            return api;
        }

        public string Code() => TestCodes.At(WinOtpHarness.Secret, TestCodes.Step(DateTime.UtcNow));

        public string WrongCode() => ((int.Parse(Code()) + 500000) % 1000000).ToString("000000");

        /// <summary>Real time: a fresh code exists only in the next 30-second step.</summary>
        public static Task WaitForNextStep() => Task.Delay(TimeSpan.FromSeconds(30 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30 + 1));

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(true);
            _process.WaitForExit();
            _process.Dispose();
        }

        private void WaitUntilHealthy()
        {
            using var http = new HttpClient();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited) break;
                try
                {
                    if (http.GetAsync(Endpoint + "/v1/health").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException) { }
                Thread.Sleep(250);
            }
            Dispose();
            throw new InvalidOperationException("The WEB API did not become healthy at " + Endpoint + "/v1/health. Check the assumptions listed on WebApiEndToEndTests. Its output:\n" + _log);
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
