using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// contracts/credentialprovider/credentialprovider.txt, read: the facts of credentialprovider.idl (mingw-w64) that
    /// the Interop declarations must match. The file's header says where each fact came from and what a line means.
    /// </summary>
    public sealed class HeaderFacts
    {
        public sealed record Parameter(string Direction, string CType, string Name, string? SizeIs);
        public sealed record Slot(string Interface, int Index, string Method, IReadOnlyList<Parameter> Parameters);
        public sealed record Interface(string Name, Guid Iid, string Base);
        public sealed record Field(string Struct, string Arch, int Offset, string CType, string Name);
        public sealed record Layout(string Struct, string Arch, int Size, int Align);

        public List<Interface> Interfaces { get; } = new List<Interface>();
        public List<Slot> Slots { get; } = new List<Slot>();
        public Dictionary<string, Dictionary<string, long>> Enums { get; } = new Dictionary<string, Dictionary<string, long>>();
        public List<Layout> Layouts { get; } = new List<Layout>();
        public List<Field> Fields { get; } = new List<Field>();
        public Dictionary<string, Guid> Clsids { get; } = new Dictionary<string, Guid>();
        public Dictionary<string, long> Constants { get; } = new Dictionary<string, long>();

        public static string Path => RepositoryPaths.Of("contracts/credentialprovider/credentialprovider.txt");

        public static HeaderFacts Load() => Parse(File.ReadAllLines(Path));

        public static HeaderFacts Parse(IEnumerable<string> lines)
        {
            var facts = new HeaderFacts();
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                var words = line.Split(' ');
                switch (words[0])
                {
                    case "interface":
                        Expect(words.Length == 6 && words[2] == "iid" && words[4] == "base", line);
                        facts.Interfaces.Add(new Interface(words[1], new Guid(words[3]), words[5]));
                        break;
                    case "slot":
                        facts.Slots.Add(ParseSlot(line));
                        break;
                    case "enum":
                        Expect(words.Length == 4, line);
                        if (!facts.Enums.TryGetValue(words[1], out var members)) facts.Enums[words[1]] = members = new Dictionary<string, long>();
                        members.Add(words[2], Number(words[3]));
                        break;
                    case "struct":
                        Expect(words.Length == 7 && words[3] == "size" && words[5] == "align", line);
                        facts.Layouts.Add(new Layout(words[1], words[2], int.Parse(words[4], CultureInfo.InvariantCulture), int.Parse(words[6], CultureInfo.InvariantCulture)));
                        break;
                    case "field":
                        Expect(words.Length >= 6, line);
                        facts.Fields.Add(new Field(words[1], words[2], int.Parse(words[3], CultureInfo.InvariantCulture), string.Join(" ", words.Skip(4).Take(words.Length - 5)), words[words.Length - 1]));
                        break;
                    case "clsid":
                        Expect(words.Length == 3, line);
                        facts.Clsids.Add(words[1], new Guid(words[2]));
                        break;
                    case "const":
                        Expect(words.Length == 3, line);
                        facts.Constants.Add(words[1], Number(words[2]));
                        break;
                    default:
                        throw new FormatException("Unknown line in the header facts: " + line);
                }
            }
            return facts;
        }

        /// <summary>The whole vtable after IUnknown's three slots, bases first: what a [ComImport] declaration must repeat.</summary>
        public IReadOnlyList<Slot> VtableOf(string name)
        {
            var own = Interfaces.Single(i => i.Name == name);
            var inherited = own.Base == "IUnknown" ? new List<Slot>() : VtableOf(own.Base).ToList();
            inherited.AddRange(Slots.Where(s => s.Interface == name).OrderBy(s => s.Index));
            return inherited;
        }

        private static Slot ParseSlot(string line)
        {
            // slot <interface> <index> <method> (<direction> <C type> <name> [size_is(x)], ...)
            var open = line.IndexOf('(');
            Expect(open > 0 && line.EndsWith(")", StringComparison.Ordinal), line);
            var head = line.Substring(0, open).Trim().Split(' ');
            Expect(head.Length == 4, line);
            var list = line.Substring(open + 1, line.Length - open - 2).Trim();
            var parameters = list.Length == 0 ? new List<Parameter>() : list.Split(',').Select(p => p.Trim()).Aggregate(new List<string>(), (acc, part) =>
            {
                // "in,out WINBOOL* x" was split at its comma: join the direction back.
                if (acc.Count > 0 && acc[acc.Count - 1] == "in") acc[acc.Count - 1] = "in," + part;
                else acc.Add(part);
                return acc;
            }).Select(ParseParameter).ToList();
            return new Slot(head[1], int.Parse(head[2], CultureInfo.InvariantCulture), head[3], parameters);
        }

        private static Parameter ParseParameter(string text)
        {
            string? sizeIs = null;
            var bracket = text.IndexOf("[size_is(", StringComparison.Ordinal);
            if (bracket >= 0)
            {
                sizeIs = text.Substring(bracket + 9, text.IndexOf(')', bracket) - bracket - 9);
                text = text.Substring(0, bracket).Trim();
            }
            var words = text.Split(' ');
            Expect(words.Length >= 3, text);
            return new Parameter(words[0], string.Join(" ", words.Skip(1).Take(words.Length - 2)), words[words.Length - 1], sizeIs);
        }

        private static long Number(string text) =>
            text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? long.Parse(text.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) : long.Parse(text, CultureInfo.InvariantCulture);

        private static void Expect(bool condition, string line)
        {
            if (!condition) throw new FormatException("Malformed line in the header facts: " + line);
        }
    }
}
