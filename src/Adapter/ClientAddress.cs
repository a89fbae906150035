using System.Collections.Specialized;
using System.Net;

namespace SecureMFA.Adapter
{
    /// <summary>
    /// The user's address. Behind a Web Application Proxy (X-MS-Proxy present) the TCP peer is the proxy,
    /// and the client is the left-most address of X-MS-Forwarded-Client-IP.
    /// </summary>
    public static class ClientAddress
    {
        public const string ProxyHeader = "X-MS-Proxy";
        public const string ForwardedClientHeader = "X-MS-Forwarded-Client-IP";

        public static IPAddress? From(NameValueCollection headers, IPEndPoint? remoteEndPoint)
        {
            if (!string.IsNullOrEmpty(headers[ProxyHeader]))
            {
                var forwarded = headers[ForwardedClientHeader];
                if (!string.IsNullOrEmpty(forwarded))
                {
                    var first = forwarded!.Split(',')[0].Trim();
                    if (IPAddress.TryParse(StripPort(first), out var client)) return client;
                }
            }
            return remoteEndPoint?.Address;
        }

        /// <summary>"1.2.3.4:5678" and "[::1]:5678" carry a port; a bare IPv6 address does not.</summary>
        private static string StripPort(string value)
        {
            if (value.StartsWith("[", System.StringComparison.Ordinal))
            {
                var end = value.IndexOf(']');
                return end > 0 ? value.Substring(1, end - 1) : value;
            }
            var colon = value.IndexOf(':');
            return colon > 0 && value.IndexOf(':', colon + 1) < 0 ? value.Substring(0, colon) : value;
        }
    }
}
