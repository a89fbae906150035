using System;
using System.Net;

namespace SecureMFA.WinOtp.Api
{
    /// <summary>
    /// The WEB API's endpoint: origin plus base path, e.g. https://awebapi.adatum.labnet/api/securemfaotp.
    /// HTTPS only: the signatures protect integrity, TLS protects the code and the user name, and registration
    /// (unsigned) hands over the device key. Plain http is accepted for loopback addresses only (tests, the
    /// logon simulator against a local API).
    /// </summary>
    public sealed class ApiEndpoint
    {
        private readonly string _base;

        private ApiEndpoint(Uri baseUri)
        {
            BaseUri = baseUri;
            _base = baseUri.AbsoluteUri.TrimEnd('/');
        }

        public Uri BaseUri { get; }

        /// <summary>"/v1/otp/verify" becomes {endpoint}/v1/otp/verify.</summary>
        public Uri Resolve(string relativePath) => new Uri(_base + relativePath, UriKind.Absolute);

        /// <summary>The endpoint without a trailing slash.</summary>
        public override string ToString() => _base;

        public static ApiEndpoint Parse(string? text, string settingName = "api_endpoint")
        {
            if (!TryParse(text, out var endpoint, out var error, settingName)) throw new FormatException(error);
            return endpoint!;
        }

        public static bool TryParse(string? text, out ApiEndpoint? endpoint, out string? error, string settingName = "api_endpoint")
        {
            endpoint = null;
            error = null;
            var value = (text ?? "").Trim();
            if (value.Length == 0)
            {
                error = $"{settingName} is not set: give the WEB API endpoint, e.g. https://awebapi.adatum.labnet/api/securemfaotp.";
                return false;
            }
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                error = $"{settingName}: '{value}' is not an http(s) URL.";
                return false;
            }
            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                error = $"{settingName}: '{value}' must not carry a query, a fragment or a user name.";
                return false;
            }
            if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            {
                error = $"{settingName}: '{value}' uses http://; the WEB API must be reached over https:// (http:// is accepted only for 127.0.0.1, ::1 or localhost, for tests).";
                return false;
            }
            var trimmed = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            endpoint = new ApiEndpoint(new Uri(trimmed, UriKind.Absolute));
            return true;
        }

        public static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            return IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
        }
    }
}
