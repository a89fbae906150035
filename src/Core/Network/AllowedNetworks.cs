using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace SecureMFA.Core.Network
{
    /// <summary>
    /// The networks from which the enrolment QR code may be shown (ui_allow_qr_display_from_networks):
    /// "lower/upper;lower/upper;". An empty list allows every address.
    /// </summary>
    public sealed class AllowedNetworks
    {
        public static readonly AllowedNetworks Everywhere = new AllowedNetworks(Array.Empty<IpAddressRange>());

        private AllowedNetworks(IReadOnlyList<IpAddressRange> ranges) => Ranges = ranges;

        public IReadOnlyList<IpAddressRange> Ranges { get; }

        public bool AllowsEverywhere => Ranges.Count == 0;

        /// <summary>Parses the whole list; the exception lists every malformed entry.</summary>
        public static AllowedNetworks Parse(string? text)
        {
            var ranges = new List<IpAddressRange>();
            var errors = new List<string>();
            foreach (var entry in (text ?? "").Split(';').Select(e => e.Trim()).Where(e => e.Length > 0))
            {
                try { ranges.Add(IpAddressRange.Parse(entry)); }
                catch (FormatException ex) { errors.Add(ex.Message); }
            }
            if (errors.Count > 0) throw new FormatException(string.Join("; ", errors));
            return new AllowedNetworks(ranges);
        }

        public bool Allows(IPAddress? address) =>
            AllowsEverywhere || (address != null && Ranges.Any(r => r.Contains(address)));
    }
}
