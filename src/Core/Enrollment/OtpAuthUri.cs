using System;
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
            if (parameters.Algorithm != TotpParameters.Default.Algorithm) uri.Append("&algorithm=").Append(parameters.Algorithm);
            if (parameters.Digits != TotpParameters.Default.Digits) uri.Append("&digits=").Append(parameters.Digits);
            if (parameters.PeriodSeconds != TotpParameters.Default.PeriodSeconds) uri.Append("&period=").Append(parameters.PeriodSeconds);
            return uri.Append(advancedParameters).ToString();
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
