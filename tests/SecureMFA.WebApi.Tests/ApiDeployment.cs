using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Security;
using SecureMFA.Core.Startup;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Identity;
using SecureMFA.Otp.Totp;
using SecureMFA.Testing;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>
    /// One deployment's SecureMfaOtpProvider.json in a fresh folder (SQLite, encryption on, a bootstrap value), and
    /// the store behind it as an administrator would reach it: users created with a known secret, devices listed.
    /// </summary>
    public sealed class ApiDeployment
    {
        public const string Bootstrap = "Test-Bootstrap-Value-0123456789";
        public const string Passphrase = "WebApi-Tests-Passphrase-1";
        private Deployment? _opened;
        private readonly Dictionary<string, byte[]> _keys = new Dictionary<string, byte[]>();

        public ApiDeployment(IDictionary<string, string>? settings = null)
        {
            Folder = Path.Combine(Path.GetTempPath(), "securemfa-webapi-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            var values = new Dictionary<string, string>
            {
                ["company"] = "Adatum",
                ["auth_mode"] = "SQLITE",
                ["sqlite_path"] = Path.Combine(Folder, "SecureMfaOtp.db"),
                ["data_encryption"] = "true",
                ["data_encryption_passphrase"] = Passphrase,
                ["ui_login_failures"] = "5",
                ["ui_lockout_minutes"] = "5",
                ["api_headers_value"] = Bootstrap,
                ["api_offline_max_days"] = "30",
            };
            foreach (var setting in settings ?? new Dictionary<string, string>()) values[setting.Key] = setting.Value;
            ConfigPath = Path.Combine(Folder, "SecureMfaOtpProvider.json");
            File.WriteAllText(ConfigPath, "{\n" + string.Join(",\n", values.Select(v => $"  \"{v.Key}\": {System.Text.Json.JsonSerializer.Serialize(v.Value)}")) + "\n}\n");
            Config = ConfigurationLoader.LoadFile(ConfigPath);
            // Before the API asks for it: every SQLite deployment of this test process shares one salt, so the key is derived once.
            if (Config.AuthMode == AuthMode.SQLITE) SharedTestSalt.SeedInto(Store);
        }

        public string Folder { get; }
        public string ConfigPath { get; }
        public ProviderConfiguration Config { get; }
        public string BasePath => Config.ApiBasePath;

        // Opened once (for AD, a bound connection each), on the store the API uses: every read sees what it wrote.
        public IOtpUserStore Store => Opened.Store;
        public IDeviceRegistry Devices => Opened.Devices;
        public ISecretProtector Protector
        {
            get
            {
                Opened.Prepare();
                return Opened.Protector;
            }
        }

        private Deployment Opened => _opened ??= Deployment.Open(Config);

        /// <summary>Creates an OTP user as New-xOTP_User does (not yet confirmed) and remembers the secret.</summary>
        public string NewUser(string? upn = null, TotpParameters? parameters = null, bool disabled = false)
        {
            upn ??= "u" + Guid.NewGuid().ToString("N").Substring(0, 10) + "@adatum.labnet";
            var key = SharedSecret.NewKey();
            if (!Store.Create(new NewOtpUser(upn, Protector.Protect(Upn.Normalize(upn), key), parameters ?? TotpParameters.Default, disabled)))
                throw new InvalidOperationException(upn + " exists");
            _keys[Upn.Normalize(upn)] = key;
            return upn;
        }

        public byte[] SecretOf(string upn) => _keys[Upn.Normalize(upn)];

        public string CodeAt(string upn, DateTimeOffset time) =>
            TotpGenerator.Compute(SecretOf(upn), Store.Find(upn)!.Parameters, time.UtcDateTime);
    }
}
