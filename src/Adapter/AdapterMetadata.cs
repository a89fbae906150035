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

        /// <summary>
        /// The languages shipped, each also under its neutral culture (9 en, 12 fr, 7 de, 10 es, 19 nl): AD FS accepts a
        /// browser culture only if it or a parent culture is listed, so en-GB or de-AT find their language through the
        /// neutral one. Advertising a language without its text breaks AD FS themes, so nothing else is listed.
        /// </summary>
        public int[] AvailableLcids => Listed.Select(l => l.Key).ToArray();

        public Dictionary<int, string> FriendlyNames => Listed.ToDictionary(l => l.Key, l => l.Value.FriendlyName);
        public Dictionary<int, string> Descriptions => Listed.ToDictionary(l => l.Key, l => l.Value.Description);
        public string[] IdentityClaims => new[] { UpnClaimType };
        public bool RequiresIdentity => true;

        /// <summary>Each shipped language's LCID and its neutral culture's; a neutral LCID is its primary language id.</summary>
        private static IEnumerable<KeyValuePair<int, PageText>> Listed =>
            PageText.Languages.Concat(PageText.Languages.Select(l => new KeyValuePair<int, PageText>(PageText.PrimaryLanguage(l.Key), l.Value)));
    }
}
