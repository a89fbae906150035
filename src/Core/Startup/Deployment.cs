using System;
using System.IO;
using System.Linq;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;

namespace SecureMFA.Core.Startup
{
    /// <summary>
    /// One server's deployment as every host opens it: the configuration, the user store it names, the device registry
    /// beside the users (opened on first use: only the WEB API and the device cmdlets need it) and the secret protector.
    /// The AD FS adapter and the WEB API go through <see cref="Start"/> (events 5550 to 5553); the cmdlets, the UPN
    /// completer and the demo host through <see cref="Open"/>. Disposing closes whatever it opened.
    /// </summary>
    public sealed class Deployment : IDisposable
    {
        private readonly IEventSink? _events;
        private readonly object _gate = new object();
        private IDeviceRegistry? _devices;
        private IRolloutRecords? _rollout;
        private string _schema = "schema not checked";
        private bool _disposed;

        private Deployment(ProviderConfiguration config, IOtpUserStore store, ISecretProtector protector, IEventSink? events)
        {
            Config = config;
            Store = store;
            Protector = protector;
            _events = events;
        }

        public ProviderConfiguration Config { get; }
        public IOtpUserStore Store { get; }

        /// <summary>Built at open; the key itself is derived on first use or by <see cref="Prepare"/> (deliberately slow).</summary>
        public ISecretProtector Protector { get; }

        /// <summary>The WEB API's device registry in the same store, opened on first use.</summary>
        public IDeviceRegistry Devices
        {
            get
            {
                lock (_gate)
                {
                    if (_disposed) throw new ObjectDisposedException(nameof(Deployment));
                    return _devices ??= OtpUserStoreFactory.OpenDevices(Config, _events);
                }
            }
        }

        /// <summary>The WEB API's rollout records beside the devices (none in AD), opened on first use.</summary>
        public IRolloutRecords Rollout
        {
            get
            {
                lock (_gate)
                {
                    if (_disposed) throw new ObjectDisposedException(nameof(Deployment));
                    return _rollout ??= OtpUserStoreFactory.OpenRollout(Config);
                }
            }
        }

        /// <summary>
        /// Opens the store the configuration names and builds its protector; throws what the store throws (a
        /// <see cref="StoreUnavailableException"/>, or a driver that cannot even load), for the caller to report.
        /// </summary>
        /// <param name="events">AD mode: where a failover from the PDC emulator is reported; by default the platform's event destination.</param>
        public static Deployment Open(ProviderConfiguration config, IEventSink? events = null)
        {
            var store = OtpUserStoreFactory.Open(config, events);
            try { return new Deployment(config, store, SecretProtectors.For(config, store), events); }
            catch
            {
                store.Dispose();
                throw;
            }
        }

        /// <summary>
        /// A server's start-up: the configuration (event 5550, or 5551), the store (5553 when it cannot open), the schema
        /// and the key (a 5553 that does not stop the start: the store may come up later, and each request meets it on its
        /// own), then 5552 with <see cref="Describe"/>. Throws <see cref="DeploymentException"/>, after writing its event,
        /// when the server cannot run.
        /// </summary>
        public static Deployment Start(DeploymentStart start, IEventSink events)
        {
            events = EventSinks.Guarded(events);
            var config = ReadConfiguration(start, events);

            Deployment deployment;
            try { deployment = Open(config, events); }
            catch (Exception ex)
            {
                var reason = $"{start.Host} cannot open its store: {Reason(config, ex)}";
                events.Write(OtpEventId.ProviderFailed, EventLevel.Error, $"The {reason}");
                throw new DeploymentException($"the {reason}", ex, config);
            }

            try
            {
                deployment.CheckSchema();
                // Deriving the key is deliberately slow: once here, not in the first sign-in.
                deployment.Prepare();
            }
            catch (StoreUnavailableException ex)
            {
                events.Write(OtpEventId.ProviderFailed, EventLevel.Warning, $"The {start.Host} starts, but its store is not usable yet: {Reason(config, ex)}");
            }
            catch (Exception ex)
            {
                // Whatever else the checks throw (a store holding what it should not) is reported, not thrown: the hosts run
                // on, and each request meets the store on its own and answers as it can.
                events.Write(OtpEventId.ProviderFailed, EventLevel.Error, $"The {start.Host}'s start-up checks failed: {ex.GetType().Name}: {Reason(config, ex)}");
            }

            events.Write(OtpEventId.ProviderOk, EventLevel.Information, $"{start.Host} started ({deployment.Describe()}){start.Details?.Invoke(config)}.");
            return deployment;
        }

        /// <summary>Throws <see cref="StoreUnavailableException"/> unless the store answers and has the schema this build needs (SQL Server, SQLite, AD).</summary>
        public void CheckSchema()
        {
            try
            {
                Store.CheckSchema();
                _schema = $"{SchemaName} schema current";
            }
            catch
            {
                _schema = $"{SchemaName} schema check failed, event 5553";
                throw;
            }
        }

        /// <summary>Derives the key now; asks the store for the deployment's salt, so it throws what the store throws.</summary>
        public void Prepare() => Protector.Prepare();

        /// <summary>
        /// The deployment in one phrase, for event 5552 and -Verbose: "AD store: PDC emulator dc1.adatum.com; data
        /// encryption on; AD schema current". Never names a password.
        /// </summary>
        public string Describe() =>
            WithoutSecrets(Config, $"{Store.Describe()}; data encryption {(Config.DataEncryption ? "on" : "off")}; {_schema}");

        /// <summary>No password or passphrase from the configuration leaves in a message, even where a driver quoted one.</summary>
        public static string WithoutSecrets(ProviderConfiguration config, string message)
        {
            foreach (var secret in new[] { config.SqlUserPassword, config.AdPassword, config.DataEncryptionPassphrase })
                if (!string.IsNullOrEmpty(secret)) message = message.Replace(secret, "********");
            return message;
        }

        public void Dispose()
        {
            IDeviceRegistry? devices;
            lock (_gate)
            {
                if (_disposed) return;
                _disposed = true;
                devices = _devices;
            }
            try { devices?.Dispose(); }
            finally { Store.Dispose(); }
        }

        private string SchemaName => Config.AuthMode switch
        {
            AuthMode.AD => "AD",
            AuthMode.MSSQL => "SQL Server",
            _ => "SQLite",
        };

        private static ProviderConfiguration ReadConfiguration(DeploymentStart start, IEventSink events)
        {
            var from = start.Source == null ? "" : $" in {start.Source}";
            ConfigurationResult result;
            try { result = start.Read(); }
            catch (ConfigurationException ex) when (ex.Issues.Count > 0)
            {
                throw ConfigurationFailed(events, $"the configuration{from} is invalid: {string.Join("; ", ex.Issues.Where(i => i.Severity == IssueSeverity.Error))}", ex);
            }
            catch (Exception ex) when (ex is ConfigurationException || ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                throw ConfigurationFailed(events, $"the configuration{from} could not be read: {ex.Message}", ex);
            }

            // One line per event: the problems are joined, each naming its key.
            var config = result.Configuration
                ?? throw ConfigurationFailed(events, $"the configuration{from} is invalid: {string.Join("; ", result.Errors)}", null);
            var refusal = start.Refuse?.Invoke(config);
            if (refusal != null) throw ConfigurationFailed(events, refusal, null);

            var warnings = result.Warnings.Select(w => w.ToString()).ToList();
            events.Write(OtpEventId.ConfigurationOk, warnings.Count == 0 ? EventLevel.Information : EventLevel.Warning,
                $"Configuration loaded{(start.Source == null ? "" : $" from {start.Source}")}: auth_mode {config.AuthMode}, data_encryption {config.DataEncryption}, " +
                $"lockout after {config.Lockout.MaxFailures} failure(s) for {config.Lockout.Duration.TotalMinutes} minute(s)." +
                (warnings.Count == 0 ? "" : $" Warnings: {string.Join("; ", warnings)}"));
            return config;
        }

        private static DeploymentException ConfigurationFailed(IEventSink events, string reason, Exception? cause)
        {
            // The event is a sentence; a reason that starts with a key (data_encryption) keeps the key's spelling.
            events.Write(OtpEventId.ConfigurationFailed, EventLevel.Error, reason.StartsWith("the ", StringComparison.Ordinal) ? $"T{reason.Substring(1)}" : reason);
            return new DeploymentException(reason, cause);
        }

        private static string Reason(ProviderConfiguration config, Exception ex) => WithoutSecrets(config, ex.Message);
    }

    /// <summary>
    /// A server that cannot start (event 5551 or 5553 already written). The message is the user-facing reason, the end of
    /// a sentence ("the configuration in ... is invalid: ..."), with no password or passphrase in it.
    /// </summary>
    public sealed class DeploymentException : Exception
    {
        public DeploymentException(string reason, Exception? cause = null, ProviderConfiguration? configuration = null) : base(reason, cause) =>
            Configuration = configuration;

        /// <summary>The configuration, when it was valid and the store is what failed: pages can still show its help desk.</summary>
        public ProviderConfiguration? Configuration { get; }
    }
}
