using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// An application registered with the demo host's OpenID Connect provider, as a web app ("server application") is
    /// in an AD FS application group: a client id, its secret, and the exact redirect URIs it may use. Nothing else is
    /// served a code: an unknown client or redirect URI gets an error page, never a redirect.
    /// </summary>
    public sealed class OidcClient
    {
        /// <summary>The web portal as `dotnet run --project src/WebPortal` starts it; its appsettings.json carries the same values.</summary>
        public const string PortalClientId = "securemfa-web-portal";
        /// <summary>Known to anyone who reads the repository: good for 127.0.0.1 only, which is all the default client accepts.</summary>
        public const string PortalDemoSecret = "demo-portal-secret-for-127.0.0.1-only";
        public const string PortalAddress = "http://127.0.0.1:5070";

        public static OidcClient DemoPortal { get; } = new OidcClient(PortalClientId, PortalDemoSecret,
            new[] { PortalAddress + "/signin-oidc" }, new[] { PortalAddress + "/signout-callback-oidc" });

        private readonly byte[] _secretHash;

        public OidcClient(string id, string secret, IReadOnlyList<string> redirectUris, IReadOnlyList<string> postLogoutRedirectUris)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("client_id is empty.", nameof(id));
            if (string.IsNullOrEmpty(secret)) throw new ArgumentException($"client \"{id}\": client_secret is empty.", nameof(secret));
            if (redirectUris.Count == 0) throw new ArgumentException($"client \"{id}\": at least one redirect_uri is needed.", nameof(redirectUris));
            foreach (var uri in redirectUris.Concat(postLogoutRedirectUris))
                if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != "https" && parsed.Scheme != "http") || parsed.Fragment.Length > 0)
                    throw new ArgumentException($"client \"{id}\": \"{uri}\" is not an absolute http(s) URI without a fragment.", nameof(redirectUris));
            (Id, RedirectUris, PostLogoutRedirectUris, _secretHash) = (id, redirectUris.ToArray(), postLogoutRedirectUris.ToArray(), Hash(secret));
        }

        public string Id { get; }
        public IReadOnlyList<string> RedirectUris { get; }
        public IReadOnlyList<string> PostLogoutRedirectUris { get; }

        /// <summary>Compared as hashes in constant time: how long the check takes says nothing about the secret.</summary>
        public bool SecretMatches(string? secret) => secret != null && CryptographicOperations.FixedTimeEquals(_secretHash, Hash(secret));

        /// <summary>Exact string comparison, as AD FS and RFC 6749 ask: no prefixes, no wildcards, no other ports.</summary>
        public bool Allows(string? redirectUri) => redirectUri != null && RedirectUris.Contains(redirectUri, StringComparer.Ordinal);

        public bool AllowsAfterLogout(string? redirectUri) => redirectUri != null && PostLogoutRedirectUris.Contains(redirectUri, StringComparer.Ordinal);

        /// <summary>
        /// A client from --oidc-client: "client_id=ID;client_secret=SECRET;redirect_uri=URI[;redirect_uri=URI…][;post_logout_redirect_uri=URI…]".
        /// </summary>
        public static OidcClient Parse(string spec)
        {
            string? id = null, secret = null;
            var redirects = new List<string>();
            var logouts = new List<string>();
            foreach (var part in spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = part.IndexOf('=');
                var name = equals < 0 ? part : part.Substring(0, equals);
                var value = equals < 0 ? "" : part.Substring(equals + 1);
                switch (name)
                {
                    case "client_id": id = value; break;
                    case "client_secret": secret = value; break;
                    case "redirect_uri": redirects.Add(value); break;
                    case "post_logout_redirect_uri": logouts.Add(value); break;
                    default: throw new ArgumentException($"--oidc-client: \"{name}\" is not one of client_id, client_secret, redirect_uri, post_logout_redirect_uri.");
                }
            }
            try { return new OidcClient(id ?? "", secret ?? "", redirects, logouts); }
            catch (ArgumentException ex) { throw new ArgumentException("--oidc-client: " + ex.Message.Split(" (Parameter")[0]); }
        }

        private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }
}
