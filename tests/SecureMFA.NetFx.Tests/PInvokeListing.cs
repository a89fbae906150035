using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SecureMFA.NetFx.Tests
{
    /// <summary>contracts/win32/pinvoke.txt, read into functions, structs and constants (format in the file's header).</summary>
    public sealed class PInvokeListing
    {
        public sealed record Function(string Library, string EntryPoint, string Header, string Convention, string Returns, IReadOnlyList<string> Parameters);
        public sealed record Struct(string CName, string ManagedType, string Header, IReadOnlyList<string> Fields);
        public sealed record Constant(string ManagedField, string CName, string Value, string Header);

        public List<Function> Functions { get; } = new List<Function>();
        public List<Struct> Structs { get; } = new List<Struct>();
        public List<Constant> Constants { get; } = new List<Constant>();
        public bool NoComImports { get; private set; }

        public Function? Find(string library, string entryPoint) =>
            Functions.FirstOrDefault(f => string.Equals(f.Library, library, StringComparison.OrdinalIgnoreCase) && f.EntryPoint == entryPoint);

        public static PInvokeListing Read(string path)
        {
            var listing = new PInvokeListing();
            string[]? head = null;
            var body = new List<string[]>();
            void Flush()
            {
                if (head == null) return;
                string One(string key) => body.Single(b => b[0] == key)[1];
                switch (head[0])
                {
                    case "function":
                        listing.Functions.Add(new Function(head[1], head[2], One("header"), One("convention"), One("returns"),
                            body.Where(b => b[0] == "param").Select(b => b[2]).ToList()));
                        break;
                    case "struct":
                        listing.Structs.Add(new Struct(head[1], head[2], One("header"), body.Where(b => b[0] == "field").Select(b => b[2]).ToList()));
                        break;
                }
                head = null;
                body.Clear();
            }
            foreach (var raw in File.ReadAllLines(path))
            {
                if (raw.TrimStart().StartsWith("#", StringComparison.Ordinal) || raw.Trim().Length == 0) continue;
                var fields = raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (raw.StartsWith(" ", StringComparison.Ordinal))
                {
                    if (head == null) throw new FormatException("indented line outside a block: " + raw);
                    body.Add(fields);
                    continue;
                }
                Flush();
                switch (fields[0])
                {
                    case "function" when fields.Length == 3:
                    case "struct" when fields.Length == 3:
                        head = fields;
                        break;
                    case "constant" when fields.Length == 5:
                        listing.Constants.Add(new Constant(fields[1], fields[2], fields[3], fields[4]));
                        break;
                    case "com-imports" when fields.Length == 2 && fields[1] == "none":
                        listing.NoComImports = true;
                        break;
                    default:
                        throw new FormatException("not a listing line: " + raw);
                }
            }
            Flush();
            return listing;
        }
    }
}
