using System;
using SecureMFA.Core.Configuration;

namespace SecureMFA.Core.Startup
{
    /// <summary>What a host tells <see cref="Deployment.Start"/>: its name in events, where its configuration comes from, its own rules.</summary>
    public sealed class DeploymentStart
    {
        public DeploymentStart(string host, Func<ConfigurationResult> read) => (Host, Read) = (host, read);

        /// <summary>The host as events name it: "SecureMFA OTP provider", "SecureMFA WEB API".</summary>
        public string Host { get; }

        /// <summary>Reads and parses the configuration; may throw <see cref="ConfigurationException"/> or an I/O error (event 5551).</summary>
        public Func<ConfigurationResult> Read { get; }

        /// <summary>Where the configuration comes from, for events ("/etc/securemfa/SecureMfaOtpProvider.json"); null when there is nothing to say (AD FS's own store).</summary>
        public string? Source { get; set; }

        /// <summary>A rule of this host's on a valid configuration: the reason it cannot run with it (event 5551), or null.</summary>
        public Func<ProviderConfiguration, string?>? Refuse { get; set; }

        /// <summary>What event 5552 adds after the deployment's description (", base path /api"), or null.</summary>
        public Func<ProviderConfiguration, string>? Details { get; set; }
    }
}
