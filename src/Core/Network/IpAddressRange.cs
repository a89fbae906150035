using System;
using System.Net;
using System.Net.Sockets;

namespace SecureMFA.Core.Network
{
    /// <summary>An inclusive range of addresses of one family, written "lower/upper".</summary>
    public sealed class IpAddressRange
    {
        private readonly byte[] _lower;
        private readonly byte[] _upper;

        private IpAddressRange(IPAddress lower, IPAddress upper)
        {
            Lower = lower;
            Upper = upper;
            _lower = lower.GetAddressBytes();
            _upper = upper.GetAddressBytes();
        }

        public IPAddress Lower { get; }
        public IPAddress Upper { get; }

        /// <summary>Parses "lower/upper"; the error names what is wrong with the entry.</summary>
        public static IpAddressRange Parse(string entry)
        {
            var parts = entry.Split('/');
            if (parts.Length != 2) throw new FormatException($"\"{entry}\" is not of the form lower/upper");
            var lower = ParseAddress(parts[0].Trim(), entry);
            var upper = ParseAddress(parts[1].Trim(), entry);
            if (lower.AddressFamily != upper.AddressFamily)
                throw new FormatException($"\"{entry}\" mixes an IPv4 and an IPv6 address");
            if (Compare(lower.GetAddressBytes(), upper.GetAddressBytes()) > 0)
                throw new FormatException($"\"{entry}\" has its lower address above its upper address");
            return new IpAddressRange(lower, upper);
        }

        public bool Contains(IPAddress address)
        {
            if (address.IsIPv4MappedToIPv6 && Lower.AddressFamily == AddressFamily.InterNetwork)
                address = address.MapToIPv4();
            if (address.AddressFamily != Lower.AddressFamily) return false;
            var bytes = address.GetAddressBytes();
            return Compare(bytes, _lower) >= 0 && Compare(bytes, _upper) <= 0;
        }

        public override string ToString() => Lower + "/" + Upper;

        private static IPAddress ParseAddress(string text, string entry)
        {
            if (!StrictIpAddress.TryParse(text, out var address))
                throw new FormatException($"\"{entry}\": \"{text}\" is not an IPv4 or IPv6 address" +
                    (text.Split('.').Length == 4 && System.Array.Exists(text.Split('.'), o => o.Length > 1 && o[0] == '0')
                        ? " (an octet with a leading zero would be read as octal: write it without the zero)" : ""));
            return address;
        }

        private static int Compare(byte[] a, byte[] b)
        {
            for (var i = 0; i < a.Length; i++)
                if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
            return 0;
        }
    }
}
