using System;
using Microsoft.Extensions.Configuration;

namespace SecureMFA.WebPortal
{
    /// <summary>
    /// What the portal needs to sign users in: the identity provider (AD FS's https://host/adfs, or the demo host's),
    /// the application group's client id and secret, and the scopes. Read from configuration (appsettings.json,
    /// environment variables such as Oidc__ClientSecret, the command line); the secret is never logged or shown.
    /// </summary>
    public sealed class PortalSettings
    {
        public const string Section = "Oidc";
        /// <summary>The demo host's published secret for its default portal client: never good against anything but this machine.</summary>
        public const string DemoSecret = "demo-portal-secret-for-127.0.0.1-only";
        public const string DefaultScope = "openid profile allatclaims";
        /// <summary>AD FS puts an application's issuance claims (allatclaims) into the id token only for form_post.</summary>
        public const string DefaultResponseMode = "form_post";

        private PortalSettings(Uri authority, string clientId, string clientSecret, string[] scopes, string responseMode, string? resource) =>
            (Authority, ClientId, ClientSecret, Scopes, ResponseMode, Resource) = (authority, clientId, clientSecret, scopes, responseMode, resource);

        public Uri Authority { get; }
        public string ClientId { get; }
        public string ClientSecret { get; }
        public string[] Scopes { get; }
        /// <summary>How the code comes back: form_post (a cross-site POST) or query (a redirect).</summary>
        public string ResponseMode { get; }
        /// <summary>AD FS's resource parameter (a Web API's identifier in the application group), or null for none.</summary>
        public string? Resource { get; }

        /// <summary>An identity provider on this machine (the demo host) may be plain http; any other must be https.</summary>
        public bool AuthorityIsLoopback => Authority.IsLoopback;

        public static PortalSettings From(IConfiguration configuration)
        {
            var section = configuration.GetSection(Section);
            string Required(string name, string what) =>
                section[name] is { Length: > 0 } value ? value.Trim()
                : throw new PortalSettingsException($"{Section}:{name} is not set: {what}. Set it in appsettings.json, " +
                    $"as the environment variable {Section}__{name}, or on the command line as --{Section}:{name}=VALUE.");

            var authorityText = Required("Authority", "the identity provider, for AD FS https://adfs.example.com/adfs");
            if (!Uri.TryCreate(authorityText, UriKind.Absolute, out var authority) || (authority.Scheme != "https" && authority.Scheme != "http"))
                throw new PortalSettingsException($"{Section}:Authority \"{authorityText}\" is not an http(s) URL such as https://adfs.example.com/adfs.");
            if (authority.Scheme != "https" && !authority.IsLoopback)
                throw new PortalSettingsException($"{Section}:Authority \"{authorityText}\" must use https: only an identity provider on this machine (127.0.0.1) may use http.");
            var clientId = Required("ClientId", "the client identifier of the application group's server application");
            var secret = Required("ClientSecret", "the secret AD FS generated for the server application");
            if (secret == DemoSecret && !authority.IsLoopback)
                throw new PortalSettingsException($"{Section}:ClientSecret is the demo host's published secret, which is no secret: set the one AD FS generated for {authorityText}.");
            var scopes = (section["Scope"] is { Length: > 0 } scope ? scope : DefaultScope).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (Array.IndexOf(scopes, "openid") < 0)
                throw new PortalSettingsException($"{Section}:Scope \"{string.Join(" ", scopes)}\" must include openid.");
            var responseMode = section["ResponseMode"] is { Length: > 0 } mode ? mode.Trim() : DefaultResponseMode;
            if (responseMode != "form_post" && responseMode != "query")
                throw new PortalSettingsException($"{Section}:ResponseMode \"{responseMode}\" is neither form_post nor query.");
            var resource = section["Resource"] is { Length: > 0 } named ? named.Trim() : null;
            return new PortalSettings(authority, clientId, secret, scopes, responseMode, resource);
        }
    }

    /// <summary>A setting missing or wrong: the message names it, and the portal does not start.</summary>
    public sealed class PortalSettingsException : Exception
    {
        public PortalSettingsException(string message) : base(message) { }
    }
}
