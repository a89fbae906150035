using System;
using System.Diagnostics;
using System.IO;
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
using SecureMFA.WinOtp.Tests.Fakes;

namespace SecureMFA.WinOtp.Tests
{
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
            throw new InvalidOperationException("The WEB API did not become healthy at " + Endpoint + "/v1/health. Its output:\n" + _log);
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
