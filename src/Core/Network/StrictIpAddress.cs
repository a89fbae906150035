using System.Net;
using System.Net.Sockets;

namespace SecureMFA.Core.Network
{
    /// <summary>
    /// IP addresses written the one canonical way people read them: IPv4 as four decimal octets 0–255 without
    /// leading zeros, IPv6 as RFC 4291 text without a zone. The framework's parser also takes legacy forms
    /// (127.1, 0x7f.1, 2130706433) and reads 010.0.0.1 as octal 8.0.0.1; an address that means something other
    /// than what it looks like has no place in an access rule or a forwarded-address header.
    /// </summary>
    public static class StrictIpAddress
    {
        public static bool TryParse(string? text, out IPAddress address)
        {
            address = IPAddress.None;
            if (string.IsNullOrEmpty(text)) return false;
            var valid = text!.IndexOf(':') >= 0 ? IsIPv6Text(text) : IsDottedQuad(text);
            if (!valid || !IPAddress.TryParse(text, out var parsed)) return false;
            if (parsed.AddressFamily != (text.IndexOf(':') >= 0 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork)) return false;
            address = parsed;
            return true;
        }

        private static bool IsDottedQuad(string text)
        {
            var octets = text.Split('.');
            if (octets.Length != 4) return false;
            foreach (var octet in octets)
            {
                if (octet.Length == 0 || octet.Length > 3 || (octet.Length > 1 && octet[0] == '0')) return false;
                var value = 0;
                foreach (var c in octet)
                {
                    if (c < '0' || c > '9') return false;
                    value = value * 10 + (c - '0');
                }
                if (value > 255) return false;
            }
            return true;
        }

        /// <summary>Hex digits, colons, and dots for an embedded IPv4 tail (whose octets must be strict too); no zone (%eth0).</summary>
        private static bool IsIPv6Text(string text)
        {
            foreach (var c in text)
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) return false;
            var lastColon = text.LastIndexOf(':');
            var tail = text.Substring(lastColon + 1);
            return tail.IndexOf('.') < 0 || IsDottedQuad(tail);
        }
    }
}
