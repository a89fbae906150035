using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Xunit;

namespace SecureMFA.NetFx.Tests
{
    /// <summary>
    /// Every [DllImport] in the shipped net472 assemblies is declared as the SDK header declares the function
    /// (contracts/win32/pinvoke.txt): library, entry point, calling convention, each parameter's and the return's size,
    /// pointer-ness and character set; the structs they pass field by field; the constants they pass by value; and no
    /// COM import outside the credential-provider interfaces. Read from metadata: nothing here calls Windows.
    /// </summary>
    public class PInvokeContractTests
    {
        private const string CredentialProviderInterfaces = "SecureMFA.WinOtp.CredentialProvider.Interop";
        private static readonly PInvokeListing Listing = PInvokeListing.Read(ShippedNetFx.Contract("pinvoke.txt"));
        private static readonly IReadOnlyDictionary<string, string> StructNames = Listing.Structs.ToDictionary(s => s.ManagedType, s => s.CName);

        public static IEnumerable<object[]> Shipped() => ShippedNetFx.Assemblies.Select(a => new object[] { a.Folder, a.Assembly });

        [Theory]
        [MemberData(nameof(Shipped))]
        public void EveryImportMatchesItsHeaderDeclaration(string folder, string assembly)
        {
            var problems = ImportProblems(ShippedNetFx.PathOf(folder, assembly), out _);
            Assert.True(problems.Count == 0, assembly + ":\n" + string.Join("\n", problems));
        }

        [Fact]
        public void EveryAddTypeImportInTheModulesMatchesItsHeaderDeclaration()
        {
            Assert.NotEmpty(ModuleScriptImports.Assemblies);
            foreach (var (script, assembly) in ModuleScriptImports.Assemblies)
            {
                var problems = ImportProblems(assembly, out var imports);
                Assert.NotEmpty(imports);
                Assert.True(problems.Count == 0, script + ":\n" + string.Join("\n", problems));
            }
        }

        [Fact]
        public void EveryListedFunctionIsDeclaredSomewhere()
        {
            var declared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var path in ShippedNetFx.Assemblies.Select(a => ShippedNetFx.PathOf(a.Folder, a.Assembly)).Concat(ModuleScriptImports.Assemblies.Select(a => a.Assembly)))
            {
                ImportProblems(path, out var imports);
                declared.UnionWith(imports);
            }
            var stale = Listing.Functions.Select(f => f.Library + "!" + f.EntryPoint).Where(f => !declared.Contains(f)).ToList();
            Assert.True(stale.Count == 0, "listed but declared nowhere (remove from the listing): " + string.Join(", ", stale));
            Assert.Contains("bcrypt.dll!BCryptDeriveKeyPBKDF2", declared);
        }

        [Fact]
        public void TheStructsAndConstantsMatchTheirHeaders()
        {
            var problems = new List<string>();
            var foundStructs = new HashSet<string>();
            var foundConstants = new HashSet<string>();
            foreach (var (folder, assembly) in ShippedNetFx.Assemblies)
            {
                using var pe = new PEReader(File.OpenRead(ShippedNetFx.PathOf(folder, assembly)));
                var reader = pe.GetMetadataReader();
                foreach (var handle in reader.TypeDefinitions)
                {
                    var type = reader.GetTypeDefinition(handle);
                    var name = TypeNames.FullName(reader, handle);
                    var listed = Listing.Structs.FirstOrDefault(s => s.ManagedType == name);
                    if (listed != null)
                    {
                        foundStructs.Add(name);
                        problems.AddRange(StructProblems(reader, type, listed));
                    }
                    foreach (var fieldHandle in type.GetFields())
                    {
                        var field = reader.GetFieldDefinition(fieldHandle);
                        var constant = Listing.Constants.FirstOrDefault(c => c.ManagedField == name + "." + reader.GetString(field.Name));
                        if (constant == null) continue;
                        foundConstants.Add(constant.ManagedField);
                        var value = ConstantValue(reader, field);
                        var expected = constant.Value.StartsWith("0x", StringComparison.Ordinal) || char.IsDigit(constant.Value[0])
                            ? (object)Convert.ToInt64(constant.Value, constant.Value.StartsWith("0x", StringComparison.Ordinal) ? 16 : 10)
                            : constant.Value;
                        if (!Equals(value, expected)) problems.Add($"{constant.ManagedField} is {value}, {constant.CName} is {constant.Value} ({constant.Header})");
                    }
                }
            }
            problems.AddRange(Listing.Structs.Where(s => !foundStructs.Contains(s.ManagedType)).Select(s => $"struct {s.ManagedType} not found"));
            problems.AddRange(Listing.Constants.Where(c => !foundConstants.Contains(c.ManagedField)).Select(c => $"constant {c.ManagedField} not found"));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(Shipped))]
        public void NoComImportOutsideTheCredentialProviderInterfaces(string folder, string assembly)
        {
            Assert.True(Listing.NoComImports);
            using var pe = new PEReader(File.OpenRead(ShippedNetFx.PathOf(folder, assembly)));
            var reader = pe.GetMetadataReader();
            var imports = reader.TypeDefinitions
                .Where(h => (reader.GetTypeDefinition(h).Attributes & TypeAttributes.Import) != 0)
                .Select(h => TypeNames.FullName(reader, h))
                .Where(n => !n.StartsWith(CredentialProviderInterfaces + ".", StringComparison.Ordinal))
                .ToList();
            Assert.True(imports.Count == 0, "COM imports not in the listing: " + string.Join(", ", imports));
        }

        /// <summary>The comparison can fail: <see cref="WrongDeclarations"/> gets each rule wrong once.</summary>
        [Fact]
        public void TheComparisonFindsWrongDeclarations()
        {
            var problems = ImportProblems(typeof(WrongDeclarations).Assembly.Location, out _).Where(p => p.Contains(nameof(WrongDeclarations))).ToList();
            Assert.Contains(problems, p => p.Contains("BCryptOpenAlgorithmProvider parameter 2 (LPCWSTR) is ansi-string"));
            Assert.Contains(problems, p => p.Contains("BCryptOpenAlgorithmProvider parameter 3 (LPCWSTR) is ansi-string"));
            Assert.Contains(problems, p => p.Contains("BCryptDeriveKeyPBKDF2 parameter 6 (ULONGLONG) is int32"));
            Assert.Contains(problems, p => p.Contains("CloseHandle returns byte-bool, the header WINBOOL"));
            Assert.Contains(problems, p => p.Contains("GetSystemMetrics has 2 parameters, the header 1"));
            Assert.Contains(problems, p => p.Contains("dlerror calling convention"));
            Assert.Contains(problems, p => p.Contains("kernel32.dll!NotInTheListing is not in contracts/win32/pinvoke.txt"));
            Assert.Equal(7, problems.Count);
        }

        private static List<string> ImportProblems(string path, out List<string> imports)
        {
            var problems = new List<string>();
            imports = new List<string>();
            using var pe = new PEReader(File.OpenRead(path));
            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.MethodDefinitions)
            {
                var method = reader.GetMethodDefinition(handle);
                if ((method.Attributes & MethodAttributes.PinvokeImpl) == 0) continue;
                var import = method.GetImport();
                var library = reader.GetString(reader.GetModuleReference(import.Module).Name);
                var entryPoint = reader.GetString(import.Name);
                var where = TypeNames.FullName(reader, method.GetDeclaringType()) + "." + reader.GetString(method.Name);
                imports.Add(library + "!" + entryPoint);
                var listed = Listing.Find(library, entryPoint);
                if (listed == null)
                {
                    problems.Add($"{where}: {library}!{entryPoint} is not in contracts/win32/pinvoke.txt (take it from the SDK header and list it)");
                    continue;
                }
                if (!NativeTypes.ConventionMatches(listed.Convention, import.Attributes))
                    problems.Add($"{where}: {entryPoint} calling convention {import.Attributes & MethodImportAttributes.CallingConventionMask}, the header {listed.Convention}");

                var signature = method.DecodeSignature(TypeNames.Instance, null);
                var unicode = NativeTypes.IsUnicode(import.Attributes);
                var marshal = new Dictionary<int, byte?>();
                foreach (var p in method.GetParameters())
                {
                    var parameter = reader.GetParameter(p);
                    marshal[parameter.SequenceNumber] = NativeTypes.Marshal(reader, parameter.GetMarshallingDescriptor());
                }
                if (signature.ParameterTypes.Length != listed.Parameters.Count)
                {
                    problems.Add($"{where}: {entryPoint} has {signature.ParameterTypes.Length} parameters, the header {listed.Parameters.Count}");
                    continue;
                }
                var returned = NativeTypes.Shape(signature.ReturnType, marshal.GetValueOrDefault(0), unicode, StructNames);
                if (!Allows(listed.Returns, returned)) problems.Add($"{where}: {entryPoint} returns {returned}, the header {listed.Returns}");
                for (var i = 0; i < listed.Parameters.Count; i++)
                {
                    var shape = NativeTypes.Shape(signature.ParameterTypes[i], marshal.GetValueOrDefault(i + 1), unicode, StructNames);
                    if (!Allows(listed.Parameters[i], shape))
                        problems.Add($"{where}: {entryPoint} parameter {i + 1} ({listed.Parameters[i]}) is {shape}");
                }
            }
            return problems;
        }

        private static IEnumerable<string> StructProblems(MetadataReader reader, TypeDefinition type, PInvokeListing.Struct listed)
        {
            if ((type.Attributes & TypeAttributes.LayoutMask) != TypeAttributes.SequentialLayout) yield return $"{listed.ManagedType} is not sequential";
            var unicode = NativeTypes.IsUnicode(type.Attributes);
            var fields = type.GetFields().Select(reader.GetFieldDefinition).Where(f => (f.Attributes & FieldAttributes.Static) == 0).ToList();
            if (fields.Count != listed.Fields.Count)
            {
                yield return $"{listed.ManagedType} has {fields.Count} fields, {listed.CName} {listed.Fields.Count} ({listed.Header})";
                yield break;
            }
            for (var i = 0; i < fields.Count; i++)
            {
                var shape = NativeTypes.Shape(fields[i].DecodeSignature(TypeNames.Instance, null), NativeTypes.Marshal(reader, fields[i].GetMarshallingDescriptor()), unicode, StructNames);
                if (!NativeTypes.AllowedInStruct.TryGetValue(listed.Fields[i], out var allowed) || !allowed.Contains(shape))
                    yield return $"{listed.ManagedType}.{reader.GetString(fields[i].Name)} is {shape}, field {i + 1} of {listed.CName} is {listed.Fields[i]}";
            }
        }

        private static bool Allows(string cType, string shape) => NativeTypes.Allowed.TryGetValue(cType, out var allowed) && allowed.Contains(shape);

        private static object? ConstantValue(MetadataReader reader, FieldDefinition field)
        {
            var handle = field.GetDefaultValue();
            if (handle.IsNil) return null;
            var constant = reader.GetConstant(handle);
            var blob = reader.GetBlobReader(constant.Value);
            return constant.TypeCode switch
            {
                ConstantTypeCode.Int32 => (long)blob.ReadInt32(),
                ConstantTypeCode.UInt32 => (long)blob.ReadUInt32(),
                ConstantTypeCode.Int64 => blob.ReadInt64(),
                ConstantTypeCode.Int16 => (long)blob.ReadInt16(),
                ConstantTypeCode.UInt16 => (long)blob.ReadUInt16(),
                ConstantTypeCode.String => blob.ReadUTF16(blob.Length),
                _ => constant.TypeCode.ToString(),
            };
        }
    }

    /// <summary>Never called: what <see cref="PInvokeContractTests.TheComparisonFindsWrongDeclarations"/> must refuse.</summary>
    internal static class WrongDeclarations
    {
        [DllImport("bcrypt.dll", CharSet = CharSet.Ansi)]
        internal static extern int BCryptOpenAlgorithmProvider(out IntPtr phAlgorithm, string pszAlgId, string? pszImplementation, uint dwFlags);

        [DllImport("bcrypt.dll")]
        internal static extern int BCryptDeriveKeyPBKDF2(IntPtr hPrf, byte[] pbPassword, uint cbPassword, byte[] pbSalt, uint cbSalt, int cIterations,
            byte[] pbDerivedKey, uint cbDerivedKey, uint dwFlags);

        [DllImport("kernel32.dll")]
        [return: MarshalAs(UnmanagedType.U1)]
        internal static extern bool CloseHandle(IntPtr handle);

        [DllImport("user32.dll")]
        internal static extern int GetSystemMetrics(int nIndex, int extra);

        [DllImport("libdl.so.2", CallingConvention = CallingConvention.StdCall)]
        internal static extern IntPtr dlerror();

        [DllImport("kernel32.dll")]
        internal static extern void NotInTheListing();
    }
}
