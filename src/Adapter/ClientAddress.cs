using System;
using System.Collections.Specialized;
using System.Net;
using SecureMFA.Core.Network;

namespace SecureMFA.Adapter
{
    /// <summary>
    /// The user's address, which decides whether the enrolment QR code may be shown. Behind a Web Application
    /// Proxy the TCP peer is the proxy and AD FS passes the client in X-MS-Forwarded-Client-IP (with X-MS-Proxy).
    /// That header is believed only when the TCP peer is one of ui_trusted_proxies — anyone else could write it —
    /// and then only its right-most entry, the address the proxy itself saw: entries to its left come from the
    /// client or proxies before it and prove nothing.
    /// </summary>
    public static class ClientAddress
    {
        public const string ProxyHeader = "X-MS-Proxy";
        public const string ForwardedClientHeader = "X-MS-Forwarded-Client-IP";

        /// <returns>The client's address; null when a trusted proxy forwarded an address that cannot be read.</returns>
        public static IPAddress? From(NameValueCollection headers, IPEndPoint? remoteEndPoint, Func<IPAddress, bool> isTrustedProxy)
        {
            var peer = remoteEndPoint?.Address;
            if (peer == null || !isTrustedProxy(peer)) return peer;
            if (string.IsNullOrEmpty(headers[ProxyHeader])) return peer;

            var forwarded = headers[ForwardedClientHeader];
            if (string.IsNullOrEmpty(forwarded)) return peer;
            var entries = forwarded!.Split(',');
            var rightMost = entries[entries.Length - 1].Trim();
            return StrictIpAddress.TryParse(StripPort(rightMost), out var client) ? client : null;
        }

        /// <summary>"1.2.3.4:5678" and "[::1]:5678" carry a port; a bare IPv6 address does not.</summary>
        private static string StripPort(string value)
        {
            if (value.StartsWith("[", StringComparison.Ordinal))
            {
                var end = value.IndexOf(']');
                return end > 0 ? value.Substring(1, end - 1) : value;
            }
            var colon = value.IndexOf(':');
            return colon > 0 && value.IndexOf(':', colon + 1) < 0 ? value.Substring(0, colon) : value;
        }
    }
}
