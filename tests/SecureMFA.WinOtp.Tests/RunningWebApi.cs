using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Startup;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Totp;
using SecureMFA.Testing;
using SecureMFA.WebApi.Hosting;
using SecureMFA.WinOtp.Tests.Fakes;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// The real WEB API (src/WebApi's application on Kestrel) on a free 127.0.0.1 port, over a fresh SQLite store holding
    /// alice with the RFC 6238 key, on the test's clock: the client shares it, so a new TOTP step is a clock move, not a wait.
    /// </summary>
    public sealed class RunningWebApi : IAsyncDisposable
    {
        public const string Bootstrap = "e2e-bootstrap-5d41402abc4b2a76";
        private readonly WebApplication _app;
        private readonly VariableClock _clock;

        private RunningWebApi(WebApplication app, VariableClock clock, string endpoint)
        {
            _app = app;
            _clock = clock;
            Endpoint = endpoint;
        }

        public string Endpoint { get; }

        public static async Task<RunningWebApi> Start(string folder, VariableClock clock)
        {
            Directory.CreateDirectory(folder);
            var database = Path.Combine(folder, "SecureMfaOtp.db").Replace("\\", "/");
            var config = Path.Combine(folder, "SecureMfaOtpProvider.json");
            File.WriteAllText(config, "{ \"company\": \"Adatum\", \"auth_mode\": \"SQLITE\", \"sqlite_path\": \"" + database + "\", \"data_encryption\": \"true\", \"data_encryption_passphrase\": \"End-To-End-Passphrase-7\"," +
                " \"api_headers_value\": \"" + Bootstrap + "\", \"api_offline_max_days\": \"30\" }");

            // Alice, confirmed or not, with the RFC 6238 test key, through Core's store as the cmdlets create users.
            var configuration = ConfigurationLoader.LoadFile(config);
            using (var deployment = Deployment.Open(configuration))
                deployment.Store.Create(new NewOtpUser(WinOtpHarness.Upn, deployment.Protector.Protect(WinOtpHarness.Upn, WinOtpHarness.Secret), TotpParameters.Default));

            var origin = $"http://127.0.0.1:{FreePorts.Next()}";
            var app = ApiApplication.Build(new[] { "--config", config, "--urls", origin }, services => services.AddSingleton<TimeProvider>(clock));
            await app.StartAsync();
            return new RunningWebApi(app, clock, origin + "/api/securemfaotp");
        }

        public string Code() => TestCodes.At(WinOtpHarness.Secret, TestCodes.Step(_clock.UtcNow));

        public string WrongCode() => ((int.Parse(Code()) + 500000) % 1000000).ToString("000000");

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
