using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SecureMFA.Core.Configuration;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.Enrollment
{
    /// <summary>
    /// The Key URI an authenticator app reads from the QR code:
    /// otpauth://totp/ISSUER:ACCOUNT?secret=…&amp;issuer=…[&amp;algorithm=…&amp;digits=…&amp;period=…][advanced]
    /// </summary>
    public static class OtpAuthUri
    {
        public static string Build(string issuer, string upn, string secretBase32, TotpParameters parameters,
            bool removeUserPrefix = false, string advancedParameters = "")
        {
            var account = removeUserPrefix ? DomainOf(upn) : upn;
            var label = account.Length == 0 ? Escape(issuer) : Escape(issuer) + ":" + Escape(account);
            var uri = new StringBuilder("otpauth://totp/").Append(label)
                .Append("?secret=").Append(secretBase32)
                .Append("&issuer=").Append(Escape(issuer));

            // The product writes algorithm, digits and period from the parameters the user really enrols with:
            // when they differ from the apps' defaults, or when the advanced parameters name them (the original
            // product's sample has "&algorithm=SHA1"). Either way each appears once, with the true value.
            var extra = OtpAuthAdvancedParameters.Pairs(advancedParameters);
            bool Named(string name) => extra.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
            if (parameters.Algorithm != TotpParameters.Default.Algorithm || Named("algorithm")) uri.Append("&algorithm=").Append(parameters.Algorithm);
            if (parameters.Digits != TotpParameters.Default.Digits || Named("digits")) uri.Append("&digits=").Append(parameters.Digits);
            if (parameters.PeriodSeconds != TotpParameters.Default.PeriodSeconds || Named("period")) uri.Append("&period=").Append(parameters.PeriodSeconds);

            var written = new HashSet<string>(OtpAuthAdvancedParameters.Reserved.Concat(OtpAuthAdvancedParameters.ProductParameters), StringComparer.OrdinalIgnoreCase);
            foreach (var pair in extra)
                if (written.Add(pair.Key)) uri.Append('&').Append(pair.Key).Append('=').Append(pair.Value);
            return uri.ToString();
        }

        /// <summary>The Key URI as the configuration asks for it (issuer, user prefix, advanced parameters).</summary>
        public static string For(ProviderConfiguration config, string upn, string secretBase32, TotpParameters parameters) =>
            Build(config.Company, upn, secretBase32, parameters, config.RemoveUserPrefix, config.OtpAuthAdvancedParameters);

        /// <summary>With totp_remove_user_prefix the app shows only the domain, never the user's name.</summary>
        private static string DomainOf(string upn)
        {
            var at = upn.LastIndexOf('@');
            return at >= 0 ? upn.Substring(at + 1) : "";
        }

        // RFC 3986 unreserved characters stay, everything else is percent-encoded (spaces as %20).
        private static string Escape(string value) => Uri.EscapeDataString(value);
    }
}
