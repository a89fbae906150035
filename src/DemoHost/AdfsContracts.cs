using System.Collections.Generic;
using System.IO;
using Microsoft.IdentityServer.Web.Authentication.External;

namespace SecureMFA.DemoHost
{
    /// <summary>What AD FS hands the adapter: the registered configuration file as a stream.</summary>
    public sealed class DemoConfigData : IAuthenticationMethodConfigData
    {
        public DemoConfigData(Stream? data) => Data = data!;
        public Stream Data { get; }
    }

    /// <summary>The per-sign-in context AD FS keeps between BeginAuthentication and TryEndAuthentication.</summary>
    public sealed class DemoAuthenticationContext : IAuthenticationContext
    {
        public DemoAuthenticationContext(string activityId, string contextId, int lcid) => (ActivityId, ContextId, Lcid) = (activityId, contextId, lcid);

        public string ActivityId { get; }
        public string ContextId { get; }
        public int Lcid { get; }
        public Dictionary<string, object> Data { get; } = new Dictionary<string, object>();

        /// <summary>The host's own, not AD FS's interface: the OpenID Connect authorization this sign-in answers, if it came from one.</summary>
        public string? AuthorizationToken { get; set; }
    }

    /// <summary>The posted form fields, as AD FS passes them to TryEndAuthentication.</summary>
    public sealed class DemoProofData : IProofData
    {
        public DemoProofData(Dictionary<string, object> properties) => Properties = properties;
        public Dictionary<string, object> Properties { get; }
    }
}
