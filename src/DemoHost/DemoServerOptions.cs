using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Otp.Time;

namespace SecureMFA.DemoHost
{
    /// <summary>How the demo host runs (from the command line, or set by tests), and the configuration file it loads.</summary>
    public sealed class DemoServerOptions
    {
        public int Port { get; set; } = 5080;
        public string? ConfigPath { get; set; }
        public string DataFolder { get; set; } = ".data";
        public IClock Clock { get; set; } = SystemClock.Instance;
        public IEventSink Events { get; set; } = TextEventSink.StandardError();

        /// <summary>The largest form body read; larger ones get 413.</summary>
        public int MaxBodyBytes { get; set; } = FormBody.DefaultMaxBytes;

        /// <summary>How long a client may take to send its form body; then the connection is dropped.</summary>
        public TimeSpan BodyTimeLimit { get; set; } = FormBody.DefaultTimeLimit;

        /// <summary>Sign-ins in progress (and portal sessions) kept at most; the oldest make room.</summary>
        public int SessionCapacity { get; set; } = SignInSessions.DefaultCapacity;

        /// <summary>The AD FS server's own culture: AD FS falls back to it when no browser culture is acceptable.</summary>
        public CultureInfo ServerCulture { get; set; } = CultureInfo.GetCultureInfo("en-US");

        /// <summary>Users created by typing a new UPN and not yet confirmed, kept at most; each is removed after 15 minutes unconfirmed.</summary>
        public int PendingEnrolmentCapacity { get; set; } = PendingEnrolments.DefaultCapacity;

        /// <summary>The applications the OpenID Connect provider serves (AD FS's application groups): the web portal on 127.0.0.1:5070, and those given with --oidc-client.</summary>
        public List<OidcClient> OidcClients { get; } = new List<OidcClient> { OidcClient.DemoPortal };
    }

    /// <summary>
    /// The configuration the demo host registers with the adapter: the file given with --config, or the embedded default
    /// shared with the WEB API (SQLite under the data folder, encryption on, generated passphrase, owner-only files).
    /// </summary>
    public static class DemoConfiguration
    {
        public static string Load(string? configPath, string dataFolder)
        {
            if (configPath == null) return EmbeddedDefault.Create(dataFolder, out _);
            if (!File.Exists(configPath)) throw new FileNotFoundException($"--config: the file \"{configPath}\" does not exist.");
            return File.ReadAllText(configPath, Encoding.UTF8);
        }
    }
}
