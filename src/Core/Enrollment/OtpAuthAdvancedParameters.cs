using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using SecureMFA.Core.Configuration;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.Enrollment
{
    /// <summary>
    /// totp_api_otpauth_advanced_params: extra "&amp;key=value" pairs appended to the Key URI (for example &amp;image=…).
    /// The product writes secret and issuer itself; algorithm, digits and period it writes from its own TOTP
    /// settings, so a pair may repeat one of those only with the same value (the original product's sample
    /// carries "&amp;algorithm=SHA1").
    /// </summary>
    public static class OtpAuthAdvancedParameters
    {
        // \z, not $: $ also matches before a final line break, which would let "&image=x\n" through.
        private static readonly Regex Pair = new Regex(@"\A&[A-Za-z][A-Za-z0-9_.\-]*=[A-Za-z0-9_.\-~%]*\z", RegexOptions.CultureInvariant);

        /// <summary>Parameters only the product writes.</summary>
        public static readonly IReadOnlyList<string> Reserved = new[] { "secret", "issuer" };

        /// <summary>Parameters the product writes from its TOTP settings; a pair may repeat one with the same value.</summary>
        public static readonly IReadOnlyList<string> ProductParameters = new[] { "algorithm", "digits", "period" };

        /// <summary>Returns null when the text is well formed, otherwise what is wrong. Values are compared by <see cref="Disagreements"/>.</summary>
        public static string? Validate(string text)
        {
            if (text.Length == 0) return null;
            if (text[0] != '&') return "must be &key=value pairs, starting with '&'";
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in text.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries).Select(p => "&" + p))
            {
                if (!Pair.IsMatch(pair)) return $"\"{PrintableText.Of(pair)}\" is not &key=value with a percent-encoded value";
                var key = pair.Substring(1, pair.IndexOf('=') - 1);
                if (Reserved.Contains(key, StringComparer.OrdinalIgnoreCase)) return $"\"{key}\" is set by the product and cannot be overridden";
                if (!seen.Add(key)) return $"\"{key}\" is given twice; the otpauth URI carries each parameter once";
            }
            return null;
        }

        /// <summary>The pairs in order, as (name, value); assumes <see cref="Validate"/> passed or is lenient about anything else.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Pairs(string text)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var pair in (text ?? "").Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                pairs.Add(equals < 0
                    ? new KeyValuePair<string, string>(pair, "")
                    : new KeyValuePair<string, string>(pair.Substring(0, equals), pair.Substring(equals + 1)));
            }
            return pairs;
        }

        /// <summary>The value the product writes for algorithm, digits or period; null for any other parameter.</summary>
        public static string? ProductValue(string name, TotpParameters parameters)
        {
            switch (name.ToLowerInvariant())
            {
                case "algorithm": return parameters.Algorithm.ToString();
                case "digits": return parameters.Digits.ToString(CultureInfo.InvariantCulture);
                case "period": return parameters.PeriodSeconds.ToString(CultureInfo.InvariantCulture);
                default: return null;
            }
        }

        /// <summary>The pairs that repeat a product parameter with a different value, as (pair as written, product value).</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Disagreements(string text, TotpParameters parameters)
        {
            var found = new List<KeyValuePair<string, string>>();
            foreach (var pair in Pairs(text))
            {
                var product = ProductValue(pair.Key, parameters);
                if (product != null && !Agrees(pair.Key, pair.Value, product))
                    found.Add(new KeyValuePair<string, string>("&" + pair.Key + "=" + pair.Value, product));
            }
            return found;
        }

        private static bool Agrees(string name, string value, string product)
        {
            if (string.Equals(name, "algorithm", StringComparison.OrdinalIgnoreCase))
                return string.Equals(value, product, StringComparison.OrdinalIgnoreCase);
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) &&
                   number.ToString(CultureInfo.InvariantCulture) == product;
        }
    }
}
