using System;
using System.IO;
using System.Text;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Security;
using SecureMFA.Core.Startup;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Time;

namespace SecureMFA.WebApi.Hosting
{
    /// <summary>
    /// What every request shares: the deployment (the adapter's SecureMfaOtpProvider.json, its user store, the device
    /// registry and the secret protector, started as every server starts), the event sink and the clock.
    /// </summary>
    public sealed class ApiRuntime : IDisposable
    {
        public const string Host = "SecureMFA WEB API";

        private readonly Deployment _deployment;

        private ApiRuntime(Deployment deployment, IEventSink events, IClock clock)
        {
            _deployment = deployment;
            Events = events;
            Clock = clock;
        }

        public ProviderConfiguration Config => _deployment.Config;
        public IOtpUserStore Store => _deployment.Store;
        public IDeviceRegistry Devices => _deployment.Devices;
        public IRolloutRecords Rollout => _deployment.Rollout;
        public ISecretProtector Protector => _deployment.Protector;
        public IEventSink Events { get; }
        public IClock Clock { get; }

        /// <summary>
        /// Reads the configuration (<paramref name="configPath"/>, or the embedded default under <paramref name="dataFolder"/>),
        /// refuses to run without data_encryption, opens the store and the device registry and derives the key. Throws
        /// <see cref="DeploymentException"/> after writing event 5551 (configuration) or 5553 (store) when it cannot run.
        /// </summary>
        public static ApiRuntime Start(string? configPath, string dataFolder, IEventSink events, IClock clock, TextWriter console)
        {
            events = EventSinks.Guarded(events);
            var start = new DeploymentStart(Host, () => Read(configPath, dataFolder, console))
            {
                Source = configPath ?? $"the embedded default in {Path.GetFullPath(dataFolder)}",
                Refuse = config => config.DataEncryption ? null
                    : "data_encryption must be true for the WEB API: device keys are stored encrypted with the data_encryption_passphrase. " +
                      "Set data_encryption to true (and a passphrase) in the configuration the AD FS adapter uses, then convert the secrets with ConvertTo-xOTP_EncryptedSecret.",
                Details = config => $": base path {config.ApiBasePath}, registration {(config.ApiHeadersValue.Length == 0 ? "closed" : "open")}, " +
                                    $"offline packages up to {config.ApiOfflineMaxDays} day(s)",
            };
            var deployment = Deployment.Start(start, events);
            try
            {
                // Opened now, like the users: a registry that cannot open stops the start instead of the first registration.
                _ = deployment.Devices;
            }
            catch (Exception ex)
            {
                deployment.Dispose();
                var reason = $"{Host} cannot open its device registry: {Deployment.WithoutSecrets(deployment.Config, ex.Message)}";
                events.Write(OtpEventId.ProviderFailed, EventLevel.Error, $"The {reason}");
                throw new DeploymentException($"the {reason}", ex);
            }
            return new ApiRuntime(deployment, events, clock);
        }

        /// <summary>
        /// Throws <see cref="StoreUnavailableException"/> when the store does not answer or lacks the schema this build
        /// needs (SQL Server, SQLite, AD); for the health endpoint.
        /// </summary>
        public void CheckStoreSchema() => _deployment.CheckSchema();

        private static ConfigurationResult Read(string? configPath, string dataFolder, TextWriter console)
        {
            if (configPath != null)
            {
                if (!File.Exists(configPath)) throw new ConfigurationException($"--config: the file \"{configPath}\" does not exist.");
                return ConfigurationLoader.Parse(File.ReadAllText(configPath, Encoding.UTF8));
            }
            var json = EmbeddedDefault.Create(dataFolder, out var newBootstrap);
            console.WriteLine($"SecureMFA WEB API: no --config, using the embedded default in {Path.GetFullPath(dataFolder)} (SQLite, encryption on).");
            console.WriteLine(newBootstrap != null
                ? $"  Bootstrap value for device registration (api_headers_value), shown this once; it is kept in {Path.Combine(dataFolder, EmbeddedDefault.BootstrapFile)}: {newBootstrap}"
                : $"  The bootstrap value for device registration (api_headers_value) is in {Path.Combine(dataFolder, EmbeddedDefault.BootstrapFile)}.");
            return ConfigurationLoader.Parse(json);
        }

        public void Dispose() => _deployment.Dispose();
    }
}
