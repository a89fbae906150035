using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace SecureMFA.Core.Enrollment
{
    /// <summary>totp_api_otpauth_advanced_params: extra "&amp;key=value" pairs appended to the Key URI (for example &amp;image=…).</summary>
    public static class OtpAuthAdvancedParameters
    {
        private static readonly Regex Pair = new Regex(@"^&[A-Za-z][A-Za-z0-9_.\-]*=[A-Za-z0-9_.\-~%]*$", RegexOptions.CultureInvariant);
        private static readonly string[] Reserved = { "secret", "issuer", "algorithm", "digits", "period" };

        /// <summary>Returns null when valid, otherwise what is wrong.</summary>
        public static string? Validate(string text)
        {
            if (text.Length == 0) return null;
            if (text[0] != '&') return "must be &key=value pairs, starting with '&'";
            foreach (var pair in text.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries).Select(p => "&" + p))
            {
                if (!Pair.IsMatch(pair)) return $"\"{pair}\" is not &key=value with a percent-encoded value";
                var key = pair.Substring(1, pair.IndexOf('=') - 1);
                if (Reserved.Contains(key, StringComparer.OrdinalIgnoreCase)) return $"\"{key}\" is set by the product and cannot be overridden";
            }
            return null;
        }
    }
}
