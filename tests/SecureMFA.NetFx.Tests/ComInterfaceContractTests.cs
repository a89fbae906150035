using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace SecureMFA.NetFx.Tests
{
    /// <summary>
    /// The COM interfaces the modules' Add-Type sources declare (fusion's IAssemblyCache, through which Install and
    /// Uninstall reach the GAC) match the header (contracts/win32/fusion.txt): IID, methods in vtable order, each
    /// parameter's shape, HRESULT returned as is. A method out of order calls the wrong slot, so the order is the contract.
    /// </summary>
    public class ComInterfaceContractTests
    {
        private sealed record ListedInterface(string Name, Guid Iid, List<(string Name, string[] Parameters)> Methods);

        [Fact]
        public void EveryModuleComInterfaceMatchesItsHeader()
        {
            var listed = Read(ShippedNetFx.Contract("fusion.txt"));
            var found = new HashSet<string>();
            var problems = new List<string>();
            foreach (var (script, assembly) in ModuleScriptImports.Assemblies)
                foreach (var (name, problem) in InterfaceProblems(assembly, listed))
                {
                    found.Add(name);
                    if (problem != null) problems.Add(script + ": " + problem);
                }
            problems.AddRange(listed.Keys.Where(n => !found.Contains(n)).Select(n => $"interface {n} is listed but declared nowhere"));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.Contains("IAssemblyCache", found);
        }

        /// <summary>The comparison can fail: the same interface with two slots swapped, a wrong IID and a BSTR string.</summary>
        [Fact]
        public void TheComparisonFindsAWrongDeclaration()
        {
            var listed = Read(ShippedNetFx.Contract("fusion.txt"));
            var problems = InterfaceProblems(typeof(WrongFusion.IAssemblyCache).Assembly.Location, listed)
                .Where(p => p.Name == "IAssemblyCache" && p.Problem != null && p.Problem.Contains(nameof(WrongFusion))).Select(p => p.Problem!).ToList();
            Assert.Contains(problems, p => p.Contains("IID 00000000-0000-0000-0000-000000000001, the header e707dcde"));
            Assert.Contains(problems, p => p.Contains("slot 1 is QueryAssemblyInfo, the header UninstallAssembly"));
            Assert.Contains(problems, p => p.Contains("InstallAssembly parameter 2 (LPCWSTR) is ansi-string"));
        }

        /// <summary>Each ComImport interface named in the listing, with what is wrong with it (or null).</summary>
        private static IEnumerable<(string Name, string? Problem)> InterfaceProblems(string path, IReadOnlyDictionary<string, ListedInterface> listing)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var reader = pe.GetMetadataReader();
            var results = new List<(string, string?)>();
            foreach (var handle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(handle);
                if ((type.Attributes & TypeAttributes.Import) == 0 || (type.Attributes & TypeAttributes.Interface) == 0) continue;
                var fullName = TypeNames.FullName(reader, handle);
                var name = reader.GetString(type.Name);
                if (!listing.TryGetValue(name, out var listed))
                {
                    results.Add((name, $"{fullName} is a COM import not in contracts/win32/fusion.txt"));
                    continue;
                }
                var problems = new List<string>();
                var iid = GuidOf(reader, type);
                if (iid != listed.Iid) problems.Add($"{fullName} IID {iid}, the header {listed.Iid}");
                var methods = type.GetMethods().Select(reader.GetMethodDefinition).ToList();
                if (methods.Count != listed.Methods.Count) problems.Add($"{fullName} has {methods.Count} methods, the header {listed.Methods.Count}");
                for (var slot = 0; slot < Math.Min(methods.Count, listed.Methods.Count); slot++)
                    problems.AddRange(MethodProblems(reader, methods[slot], listed.Methods[slot], $"{fullName} slot {slot + 1}"));
                results.Add((name, problems.Count == 0 ? null : string.Join("\n", problems)));
            }
            return results;
        }

        private static IEnumerable<string> MethodProblems(MetadataReader reader, MethodDefinition method, (string Name, string[] Parameters) listed, string where)
        {
            var name = reader.GetString(method.Name);
            if (name != listed.Name) { yield return $"{where} is {name}, the header {listed.Name}"; yield break; }
            if ((method.ImplAttributes & MethodImplAttributes.PreserveSig) == 0) yield return $"{where} {name} is not [PreserveSig] (the HRESULT would be thrown, not returned)";
            var signature = method.DecodeSignature(TypeNames.Instance, null);
            if (signature.ReturnType != "int32") yield return $"{where} {name} returns {signature.ReturnType}, the header HRESULT";
            if (signature.ParameterTypes.Length != listed.Parameters.Length) { yield return $"{where} {name} has {signature.ParameterTypes.Length} parameters, the header {listed.Parameters.Length}"; yield break; }
            var marshal = method.GetParameters().Select(reader.GetParameter).ToDictionary(p => p.SequenceNumber, p => NativeTypes.Marshal(reader, p.GetMarshallingDescriptor()));
            for (var i = 0; i < listed.Parameters.Length; i++)
            {
                // In a COM interface an unmarked string is a BSTR, never a C string: only an explicit LPWStr matches LPCWSTR.
                var shape = NativeTypes.Shape(signature.ParameterTypes[i], marshal.GetValueOrDefault(i + 1), unicode: false, new Dictionary<string, string>());
                if (!NativeTypes.Allowed.TryGetValue(listed.Parameters[i], out var allowed) || !allowed.Contains(shape))
                    yield return $"{where} {name} parameter {i + 1} ({listed.Parameters[i]}) is {shape}";
            }
        }

        private static Guid GuidOf(MetadataReader reader, TypeDefinition type)
        {
            foreach (var handle in type.GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (TypeNames.Member(reader, attribute.Constructor) is not string constructor || !constructor.StartsWith("System.Runtime.InteropServices.GuidAttribute", StringComparison.Ordinal)) continue;
                var value = reader.GetBlobReader(attribute.Value);
                value.ReadUInt16(); // prolog
                return Guid.Parse(value.ReadSerializedString()!);
            }
            return Guid.Empty;
        }

        private static IReadOnlyDictionary<string, ListedInterface> Read(string path)
        {
            var interfaces = new Dictionary<string, ListedInterface>();
            ListedInterface? current = null;
            foreach (var (raw, number) in File.ReadAllLines(path).Select((l, i) => (l, i + 1)))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words[0] == "interface" && words.Length == 3)
                    interfaces.Add(words[1], current = new ListedInterface(words[1], Guid.Parse(words[2]), new List<(string, string[])>()));
                else if (words[0] == "method" && words.Length >= 2 && current != null)
                    current.Methods.Add((words[1], words.Skip(2).ToArray()));
                else
                    throw new FormatException($"{path} line {number}: '{line}' is neither 'interface <name> <IID>' nor 'method <name> <C types>' under one");
            }
            return interfaces;
        }
    }
}

namespace SecureMFA.NetFx.Tests.WrongFusion
{
    using System.Runtime.InteropServices;

    /// <summary>Wrong on purpose, once per rule (see TheComparisonFindsAWrongDeclaration).</summary>
    [ComImport, Guid("00000000-0000-0000-0000-000000000001"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    internal interface IAssemblyCache
    {
        [PreserveSig] int QueryAssemblyInfo(uint flags, [MarshalAs(UnmanagedType.LPWStr)] string name, IntPtr info);
        [PreserveSig] int UninstallAssembly(uint flags, [MarshalAs(UnmanagedType.LPWStr)] string name, IntPtr reference, out uint disposition);
        [PreserveSig] int CreateAssemblyCacheItem(uint flags, IntPtr reserved, out IntPtr item, [MarshalAs(UnmanagedType.LPWStr)] string name);
        [PreserveSig] int CreateAssemblyScavenger(out IntPtr scavenger);
        [PreserveSig] int InstallAssembly(uint flags, [MarshalAs(UnmanagedType.LPStr)] string path, IntPtr reference);
    }
}
