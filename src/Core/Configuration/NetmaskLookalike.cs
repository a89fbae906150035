using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

namespace SecureMFA.Core.Configuration
{
    /// <summary>
    /// Finds "lower/upper" entries whose upper address is really a netmask ("10.0.0.0/255.0.0.0"). That is a
    /// legal range — 10.0.0.0 up to 255.0.0.0, most of the IPv4 space — but hardly ever what was meant.
    /// Reads the text itself, so it does not depend on how AllowedNetworks parses it.
    /// </summary>
    public static class NetmaskLookalike
    {
        /// <summary>One message per suspicious entry, showing the range that was probably meant.</summary>
        public static IEnumerable<string> Find(string list)
        {
            foreach (var raw in (list ?? "").Split(';'))
            {
                var entry = raw.Trim();
                var parts = entry.Split('/');
                if (parts.Length != 2) continue;
                if (!IPAddress.TryParse(parts[0].Trim(), out var lower) || !IPAddress.TryParse(parts[1].Trim(), out var upper)) continue;
                if (lower.AddressFamily != AddressFamily.InterNetwork || upper.AddressFamily != AddressFamily.InterNetwork) continue;
                var mask = ToUInt(upper);
                var low = ToUInt(lower);
                if (!IsNetmask(mask) || mask == low) continue;
                var network = ToAddress(low & mask);
                var broadcast = ToAddress(low | ~mask);
                yield return $"\"{entry}\" is the range {lower} up to {upper}, not {lower} with netmask {upper}; " +
                             $"for that network write {network}/{broadcast}";
            }
        }

        // A netmask: the first octet set, then ones followed by zeros (255.0.0.0 … 255.255.255.254).
        // 255.255.255.255 is left alone: "0.0.0.0/255.255.255.255" is a deliberate "every IPv4 address".
        private static bool IsNetmask(uint value) =>
            value != uint.MaxValue && (value & 0xFF000000u) == 0xFF000000u && (~value & (~value + 1)) == 0;

        private static uint ToUInt(IPAddress address)
        {
            var b = address.GetAddressBytes();
            return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
        }

        private static IPAddress ToAddress(uint value) =>
            new IPAddress(new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value });
    }
}
