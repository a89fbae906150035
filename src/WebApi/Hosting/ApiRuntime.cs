using System;
using System.IO;
using System.Linq;
using System.Text;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Otp.Time;

namespace SecureMFA.WebApi.Hosting
{
    /// <summary>
    /// What every request shares: the configuration (the adapter's SecureMfaOtpProvider.json), the user store, the
    /// device registry and the secret protector, opened once at start-up through Core's factories.
    /// </summary>
    public sealed class ApiRuntime : IDisposable
    {
        private ApiRuntime(ProviderConfiguration config, IOtpUserStore store, IDeviceRegistry devices, ISecretProtector protector, IEventSink events, IClock clock)
        {
            Config = config;
            Store = store;
            Devices = devices;
            Protector = protector;
            Events = events;
            Clock = clock;
        }

        public ProviderConfiguration Config { get; }
        public IOtpUserStore Store { get; }
        public IDeviceRegistry Devices { get; }
        public ISecretProtector Protector { get; }
        public IEventSink Events { get; }
        public IClock Clock { get; }

        /// <summary>
        /// Reads the configuration (<paramref name="configPath"/>, or the embedded default under <paramref name="dataFolder"/>),
        /// refuses to run without data_encryption, opens the store and derives the key. Throws <see cref="ApiStartupException"/>
        /// after writing event 5551 (configuration) or 5553 (store) when it cannot run.
        /// </summary>
        public static ApiRuntime Start(string? configPath, string dataFolder, IEventSink events, IClock clock, TextWriter console)
        {
            events = EventSinks.Guarded(events);
            var config = Load(configPath, dataFolder, events, console);

            IOtpUserStore store;
            IDeviceRegistry devices;
            ISecretProtector protector;
            try
            {
                store = OtpUserStoreFactory.Open(config, events);
                devices = DeviceRegistryFactory.Open(config, events);
                protector = SecretProtectors.For(config, store);
            }
            catch (Exception ex) when (ex is StoreUnavailableException || ex is ArgumentException || ex is IOException)
            {
                events.Write(OtpEventId.ProviderFailed, EventLevel.Error, "The SecureMFA WEB API cannot open its store: " + ex.Message);
                throw new ApiStartupException("the store cannot be opened: " + ex.Message, ex);
            }

            var runtime = new ApiRuntime(config, store, devices, protector, events, clock);
            try
            {
                runtime.CheckStoreSchema();
                // Deriving the key is deliberately slow: once here, not in the first request.
                (protector as EncryptedSecretProtector)?.Prepare();
            }
            catch (StoreUnavailableException ex)
            {
                // Not fatal: the store may come up later; requests answer 503 store_unavailable meanwhile, health too.
                events.Write(OtpEventId.ProviderFailed, EventLevel.Warning, "The SecureMFA WEB API started, but its store is not usable yet: " + ex.Message);
            }

            events.Write(OtpEventId.ProviderOk, EventLevel.Information,
                $"SecureMFA WEB API started: {config.AuthMode} store, base path {config.ApiBasePath}, registration " +
                (config.ApiHeadersValue.Length == 0 ? "closed" : "open") + $", offline packages up to {config.ApiOfflineMaxDays} day(s).");
            return runtime;
        }

        /// <summary>
        /// Throws <see cref="StoreUnavailableException"/> when the store does not answer or lacks the schema this build
        /// needs (SQL Server, SQLite, AD); at start-up and for the health endpoint.
        /// </summary>
        public void CheckStoreSchema()
        {
            (Store as SqlOtpUserStore)?.CheckSchema();
            (Store as LdapOtpUserStore)?.CheckSchema();
        }

        private static ProviderConfiguration Load(string? configPath, string dataFolder, IEventSink events, TextWriter console)
        {
            ConfigurationResult result;
            string source;
            try
            {
                if (configPath != null)
                {
                    source = configPath;
                    if (!File.Exists(configPath)) throw new ConfigurationException($"--config: the file \"{configPath}\" does not exist.");
                    result = ConfigurationLoader.Parse(File.ReadAllText(configPath, Encoding.UTF8));
                }
                else
                {
                    var json = EmbeddedDefault.Create(dataFolder, out var newBootstrap);
                    source = "the embedded default in " + Path.GetFullPath(dataFolder);
                    result = ConfigurationLoader.Parse(json);
                    console.WriteLine($"SecureMFA WEB API: no --config, using {source} (SQLite, encryption on).");
                    console.WriteLine(newBootstrap != null
                        ? $"  Bootstrap value for device registration (api_headers_value), shown this once; it is kept in {Path.Combine(dataFolder, EmbeddedDefault.BootstrapFile)}: {newBootstrap}"
                        : $"  The bootstrap value for device registration (api_headers_value) is in {Path.Combine(dataFolder, EmbeddedDefault.BootstrapFile)}.");
                }
            }
            catch (Exception ex) when (ex is ConfigurationException || ex is IOException || ex is UnauthorizedAccessException)
            {
                events.Write(OtpEventId.ConfigurationFailed, EventLevel.Error, "The SecureMFA WEB API configuration cannot be read: " + ex.Message);
                throw new ApiStartupException(ex.Message, ex);
            }

            var config = result.Configuration;
            if (config == null)
            {
                var errors = string.Join("; ", result.Errors);
                events.Write(OtpEventId.ConfigurationFailed, EventLevel.Error, $"The configuration in {source} is invalid: {errors}");
                throw new ApiStartupException($"the configuration in {source} is invalid: {errors}");
            }
            if (!config.DataEncryption)
            {
                const string message = "data_encryption must be true for the WEB API: device keys are stored encrypted with the data_encryption_passphrase. " +
                                       "Set data_encryption to true (and a passphrase) in the configuration the AD FS adapter uses, then convert the secrets with ConvertTo-xOTP_EncryptedSecret.";
                events.Write(OtpEventId.ConfigurationFailed, EventLevel.Error, message);
                throw new ApiStartupException(message);
            }
            var warnings = result.Warnings.Select(w => w.ToString()).ToList();
            events.Write(OtpEventId.ConfigurationOk, warnings.Count == 0 ? EventLevel.Information : EventLevel.Warning,
                $"Configuration loaded from {source}: auth_mode {config.AuthMode}, lockout after {config.Lockout.MaxFailures} failure(s) for {config.Lockout.Duration.TotalMinutes} minute(s)." +
                (warnings.Count == 0 ? "" : " Warnings: " + string.Join("; ", warnings)));
            return config;
        }

        public void Dispose()
        {
            (Store as IDisposable)?.Dispose();
            (Devices as IDisposable)?.Dispose();
        }
    }
}
