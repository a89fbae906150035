using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.IdentityServer.Web.Authentication.External;

namespace SecureMFA.AdfsGacHost
{
    /// <summary>The registered configuration, handed over as AD FS hands it: a stream.</summary>
    internal sealed class ConfigData : IAuthenticationMethodConfigData
    {
        public ConfigData(Stream data) => Data = data;
        public Stream Data { get; }
    }

    /// <summary>What AD FS keeps for one sign-in between BeginAuthentication and TryEndAuthentication.</summary>
    internal sealed class AuthenticationContext : IAuthenticationContext
    {
        public string ActivityId { get; } = Guid.NewGuid().ToString();
        public string ContextId { get; } = Guid.NewGuid().ToString();
        public int Lcid => 1033;
        public Dictionary<string, object> Data { get; } = new Dictionary<string, object>();
    }

    /// <summary>The posted form, as AD FS passes it to TryEndAuthentication.</summary>
    internal sealed class ProofData : IProofData
    {
        public ProofData(string field, string value) => Properties = new Dictionary<string, object> { [field] = value };
        public Dictionary<string, object> Properties { get; }
    }
}
