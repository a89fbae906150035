using System;
using System.DirectoryServices.Protocols;
using System.Net;
using SecureMFA.Core.Configuration;

namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>
    /// How to reach the directory (ad_server, ad_port, ad_ssl, ad_user, ad_password, ad_search_base).
    /// With no ad_user the AD FS service account binds with Negotiate, the Windows norm; with one it is
    /// a simple bind, which is why LDAPS (ad_ssl) is the default.
    /// </summary>
    public sealed class LdapConnectionSettings
    {
        public string Server { get; set; } = "";
        public int Port { get; set; }
        public bool Ssl { get; set; } = true;
        public string User { get; set; } = "";
        public string Password { get; set; } = "";
        public string SearchBase { get; set; } = "";
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>
        /// A Negotiate bind (no ad_user) without TLS: the bind's own security layer is then all that protects OTP
        /// secrets and counters on the wire, so the session must be signed (integrity) and sealed (encryption).
        /// </summary>
        public bool RequiresSigningAndSealing => !Ssl && User.Length == 0;

        public static LdapConnectionSettings From(ProviderConfiguration config) => new LdapConnectionSettings
        {
            Server = config.AdServer,
            Port = config.AdPort,
            Ssl = config.AdSsl,
            User = config.AdUser,
            Password = config.AdPassword,
            SearchBase = config.AdSearchBase,
        };

        /// <summary>A bound connection to ad_server, or with none, to the domain controller the Windows locator picks.</summary>
        public LdapConnection Connect() =>
            Connect(Server.Length == 0 ? new LdapDirectoryIdentifier((string?)null, EffectivePort) : new LdapDirectoryIdentifier(Server, EffectivePort));

        /// <summary>
        /// A bound connection to one domain controller by its DNS host name (its server object's dNSHostName), with
        /// this port, TLS and account. The name is marked fully qualified, so Windows resolves it as a host (A record)
        /// rather than asking the locator for a domain of that name.
        /// </summary>
        public LdapConnection ConnectToDomainController(string hostName) =>
            Connect(new LdapDirectoryIdentifier(hostName, EffectivePort, fullyQualifiedDnsHostName: true, connectionless: false));

        private int EffectivePort => Port != 0 ? Port : Ssl ? 636 : 389;

        private LdapConnection Connect(LdapDirectoryIdentifier identifier)
        {
            var connection = User.Length == 0
                ? new LdapConnection(identifier) { AuthType = AuthType.Negotiate }
                : new LdapConnection(identifier, new NetworkCredential(User, Password), AuthType.Basic);
            try
            {
                connection.SessionOptions.ProtocolVersion = 3;
                connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
                if (Ssl) connection.SessionOptions.SecureSocketLayer = true;
                if (RequiresSigningAndSealing) RequireSigningAndSealing(connection);
                connection.Timeout = Timeout;
                connection.Bind();
                return connection;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Windows' LDAP client negotiates SASL integrity and confidentiality for the Negotiate bind and refuses a DC that
        /// will not provide them. OpenLDAP, which .NET uses elsewhere, has neither option (setting them fails) and its
        /// Negotiate bind is not supported here anyway: there the combination is refused rather than sent unprotected.
        /// </summary>
        private static void RequireSigningAndSealing(LdapConnection connection)
        {
            if (Environment.OSVersion.Platform != PlatformID.Win32NT)
                throw new StoreUnavailableException("ad_ssl is false and ad_user is empty: a Negotiate bind without TLS must be signed and sealed, which the LDAP client of this platform cannot require. Set ad_ssl to true.");
            connection.SessionOptions.Signing = true;
            connection.SessionOptions.Sealing = true;
        }
    }
}
