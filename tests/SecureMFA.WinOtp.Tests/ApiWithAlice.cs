using System.IO;
using System.Threading.Tasks;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Startup;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Totp;
using SecureMFA.Testing;
using SecureMFA.WinOtp.Tests.Fakes;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// The real WEB API (<see cref="RunningWebApi"/>) over a fresh SQLite store holding alice with the RFC 6238 key, on
    /// the test's clock, which the client shares.
    /// </summary>
    public static class ApiWithAlice
    {
        public const string Bootstrap = "e2e-bootstrap-5d41402abc4b2a76";

        public static Task<RunningWebApi> Start(string folder, VariableClock clock)
        {
            Directory.CreateDirectory(folder);
            var database = Path.Combine(folder, "SecureMfaOtp.db").Replace("\\", "/");
            var config = Path.Combine(folder, "SecureMfaOtpProvider.json");
            File.WriteAllText(config, $"{{ \"company\": \"Adatum\", \"auth_mode\": \"SQLITE\", \"sqlite_path\": \"{database}\", \"data_encryption\": \"true\", " +
                $"\"data_encryption_passphrase\": \"End-To-End-Passphrase-7\", \"api_headers_value\": \"{Bootstrap}\", \"api_offline_max_days\": \"30\" }}");

            // Alice, with the RFC 6238 test key, through Core's store as the cmdlets create users.
            using (var deployment = Deployment.Open(ConfigurationLoader.LoadFile(config)))
                deployment.Store.Create(new NewOtpUser(WinOtpHarness.Upn, deployment.Protector.Protect(WinOtpHarness.Upn, WinOtpHarness.Secret), TotpParameters.Default));
            return RunningWebApi.Start(config, clock);
        }

        /// <summary>Alice's code now, on the clock both sides read.</summary>
        public static string Code(VariableClock clock) => TestCodes.At(WinOtpHarness.Secret, TestCodes.Step(clock.UtcNow));

        public static string WrongCode(VariableClock clock) => ((int.Parse(Code(clock)) + 500000) % 1000000).ToString("000000");
    }
}
