using System.Collections.Generic;
using System.Linq;
using Microsoft.IdentityServer.Web.Authentication.External;

namespace SecureMFA.Adapter
{
    /// <summary>What AD FS shows and asks for: names per language, the UPN claim, the OTP authentication method.</summary>
    public sealed class AdapterMetadata : IAuthenticationAdapterMetadata
    {
        public const string OtpAuthenticationMethod = "http://schemas.microsoft.com/ws/2012/12/authmethod/otp";
        public const string UpnClaimType = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";

        public string AdminName => "SecureMFA OTP";
        public string[] AuthenticationMethods => new[] { OtpAuthenticationMethod };

        /// <summary>Exactly the languages shipped: advertising one without its text breaks AD FS themes.</summary>
        public int[] AvailableLcids => PageText.Languages.Keys.ToArray();

        public Dictionary<int, string> FriendlyNames => PageText.Languages.ToDictionary(l => l.Key, l => l.Value.FriendlyName);
        public Dictionary<int, string> Descriptions => PageText.Languages.ToDictionary(l => l.Key, l => l.Value.Description);
        public string[] IdentityClaims => new[] { UpnClaimType };
        public bool RequiresIdentity => true;
    }
}
