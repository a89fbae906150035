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

        public static LdapConnectionSettings From(ProviderConfiguration config) => new LdapConnectionSettings
        {
            Server = config.AdServer,
            Port = config.AdPort,
            Ssl = config.AdSsl,
            User = config.AdUser,
            Password = config.AdPassword,
            SearchBase = config.AdSearchBase,
        };

        public LdapConnection Connect()
        {
            var port = Port != 0 ? Port : Ssl ? 636 : 389;
            var identifier = Server.Length == 0 ? new LdapDirectoryIdentifier((string?)null, port) : new LdapDirectoryIdentifier(Server, port);
            var connection = User.Length == 0
                ? new LdapConnection(identifier) { AuthType = AuthType.Negotiate }
                : new LdapConnection(identifier, new NetworkCredential(User, Password), AuthType.Basic);
            connection.SessionOptions.ProtocolVersion = 3;
            connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
            if (Ssl) connection.SessionOptions.SecureSocketLayer = true;
            connection.Timeout = Timeout;
            connection.Bind();
            return connection;
        }
    }
}
