using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SecureMFA.NetFx.Tests
{
    /// <summary>contracts/netfx/fips-algorithms.txt: "kind | subject | reference source | fact" per line.</summary>
    public sealed class FipsListing
    {
        private FipsListing(ILookup<string, string> subjects) => Subjects = subjects;

        public ILookup<string, string> Subjects { get; }

        public ISet<string> Of(string kind) => new HashSet<string>(Subjects[kind], kind == "throws-name" ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

        public static FipsListing Read(string path)
        {
            var entries = new List<(string Kind, string Subject)>();
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                var fields = line.Split('|').Select(f => f.Trim()).ToArray();
                if (fields.Length != 4 || fields.Any(f => f.Length == 0)) throw new FormatException("not 'kind | subject | source | fact': " + line);
                if (!new[] { "throws-type", "throws-member", "throws-name", "name-factory", "safe-type" }.Contains(fields[0])) throw new FormatException("unknown kind: " + line);
                entries.Add((fields[0], fields[1]));
            }
            return new FipsListing(entries.ToLookup(e => e.Kind, e => e.Subject));
        }
    }
}
