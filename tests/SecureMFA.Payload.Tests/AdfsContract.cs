using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// The real Microsoft.IdentityServer.Web's External namespace, from contracts/adfs (a listing of facts read from
    /// Microsoft's assembly), and the checks the CLR makes against it when AD FS loads our adapter: every type reference
    /// names a type it declares, every member reference finds a member of that name and signature, every interface
    /// we implement has each of its methods implemented with its exact signature.
    /// </summary>
    public sealed class AdfsContract
    {
        public const string AssemblyName = "Microsoft.IdentityServer.Web";
        public const string Namespace = "Microsoft.IdentityServer.Web.Authentication.External";

        private readonly Dictionary<string, ListedType> _types;

        private AdfsContract(IReadOnlyList<string> lines, Dictionary<string, ListedType> types)
        {
            Lines = lines;
            _types = types;
        }

        public static string ListingPath => Path.Combine(StagedModule.RepoRoot, "contracts", "adfs", "Microsoft.IdentityServer.Web.External.txt");

        /// <summary>The listing's lines, without its header comments and blank lines.</summary>
        public IReadOnlyList<string> Lines { get; }

        public static AdfsContract Load() => Parse(File.ReadAllLines(ListingPath));

        public static AdfsContract Parse(IEnumerable<string> text)
        {
            var lines = text.Where(l => l.Trim().Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).ToList();
            var types = new Dictionary<string, ListedType>(StringComparer.Ordinal);
            ListedType? current = null;
            foreach (var line in lines)
            {
                var trimmed = line.Trim();
                if (line.StartsWith("type ", StringComparison.Ordinal))
                {
                    var flags = trimmed.Substring(6, trimmed.IndexOf(']') - 6).Split(' ');
                    current = new ListedType(trimmed.Substring(trimmed.IndexOf("] ", StringComparison.Ordinal) + 2), flags.Contains("interface"));
                    types.Add(current.Name, current);
                }
                else if (current == null) throw new FormatException($"a member before any type: {line}");
                else if (trimmed.StartsWith("extends ", StringComparison.Ordinal)) current.Extends = trimmed.Substring(8);
                else if (trimmed.StartsWith("implements ", StringComparison.Ordinal)) current.Implements.Add(trimmed.Substring(11));
                else if (trimmed.StartsWith("method ", StringComparison.Ordinal) || trimmed.StartsWith("field ", StringComparison.Ordinal))
                    current.Members.Add(ContractSurface.KeyOfListingLine(trimmed));
            }
            return new AdfsContract(lines, types);
        }

        /// <summary>Every line by which a built assembly's surface of the namespace differs from the listing.</summary>
        public List<string> DifferencesFrom(string assemblyPath)
        {
            var listed = Qualified(Lines);
            var declared = Qualified(ContractSurface.Read(assemblyPath, Namespace));
            var missing = listed.Except(declared).Select(l => "missing:      " + l);
            var extra = declared.Except(listed).Select(l => "not in AD FS: " + l);
            return missing.Concat(extra).ToList();
        }

        /// <summary>Each member line prefixed with its type, so that a difference says where it is.</summary>
        private static List<string> Qualified(IEnumerable<string> lines)
        {
            var type = "";
            var qualified = new List<string>();
            foreach (var line in lines)
            {
                if (line.StartsWith("type ", StringComparison.Ordinal)) type = line.Substring(line.IndexOf("] ", StringComparison.Ordinal) + 2);
                qualified.Add(line.StartsWith(" ", StringComparison.Ordinal) ? $"{type}: {line.Trim()}" : line);
            }
            return qualified;
        }

        /// <summary>What would fail to bind, in AD FS, among one assembly's references into Microsoft.IdentityServer.Web.</summary>
        public List<string> BindingProblems(string assemblyPath)
        {
            using var pe = new PEReader(File.OpenRead(assemblyPath));
            var reader = pe.GetMetadataReader();
            var names = new SignatureNames(reader, AssemblyName);
            var file = Path.GetFileName(assemblyPath);
            var problems = new List<string>();

            foreach (var handle in reader.TypeReferences.Where(h => names.ScopeOf(h) == AssemblyName))
                if (!_types.ContainsKey(names.FullName(handle)))
                    problems.Add($"{file}: type {names.FullName(handle)} is not declared by AD FS (TypeLoadException)");

            foreach (var handle in reader.MemberReferences)
            {
                var member = reader.GetMemberReference(handle);
                if (member.Parent.Kind != HandleKind.TypeReference || names.ScopeOf((TypeReferenceHandle)member.Parent) != AssemblyName) continue;
                var owner = names.FullName((TypeReferenceHandle)member.Parent);
                var key = ContractSurface.BindingKey(reader, names, member.Signature, reader.GetString(member.Name));
                if (_types.ContainsKey(owner) && !Finds(owner, key))
                    problems.Add($"{file}: {owner}::{key} does not bind (MissingMethodException/MissingFieldException){Candidates(owner, reader.GetString(member.Name))}");
            }

            foreach (var handle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(handle);
                foreach (var implemented in type.GetInterfaceImplementations().Select(i => reader.GetInterfaceImplementation(i).Interface))
                {
                    if (implemented.Kind != HandleKind.TypeReference || names.ScopeOf((TypeReferenceHandle)implemented) != AssemblyName) continue;
                    foreach (var (declaring, key) in InterfaceMethods(names.FullName((TypeReferenceHandle)implemented)))
                        if (!Implements(reader, names, handle, declaring, key))
                            problems.Add($"{file}: {names.Of(handle)} does not implement {declaring}::{key} (TypeLoadException when AD FS loads it)");
                }
            }
            return problems;
        }

        // A member reference binds to the type it names, or for a class to a base class: the CLR does not look
        // through an interface's base interfaces.
        private bool Finds(string owner, string key)
        {
            for (var type = owner; type != null && _types.TryGetValue(type, out var listed); type = listed.IsInterface ? null : listed.Extends)
                if (listed.Members.Contains(key)) return true;
            return false;
        }

        private string Candidates(string owner, string name)
        {
            var same = _types[owner].Members.Where(k => k.Contains($" {name}(", StringComparison.Ordinal)).ToList();
            return same.Count == 0 ? "; AD FS declares no member of that name there" : "; AD FS declares: " + string.Join(" | ", same);
        }

        /// <summary>The methods an implementation of this interface must provide: its own and those of every interface it extends.</summary>
        private IEnumerable<(string Declaring, string Key)> InterfaceMethods(string interfaceName)
        {
            var seen = new HashSet<string>();
            var pending = new Stack<string>(new[] { interfaceName });
            while (pending.Count > 0)
            {
                var name = pending.Pop();
                if (!seen.Add(name) || !_types.TryGetValue(name, out var listed)) continue;
                foreach (var key in listed.Members.Where(k => k.StartsWith("instance ", StringComparison.Ordinal))) yield return (name, key);
                foreach (var parent in listed.Implements) pending.Push(parent);
            }
        }

        // The CLR's rule: an explicit MethodImpl for that interface method, or a public virtual method of the same
        // name and signature on the class or a base class of it in this module.
        private static bool Implements(MetadataReader reader, SignatureNames names, TypeDefinitionHandle handle, string declaring, string key)
        {
            for (var current = handle; !current.IsNil;)
            {
                var type = reader.GetTypeDefinition(current);
                foreach (var m in type.GetMethods())
                {
                    var method = reader.GetMethodDefinition(m);
                    var isPublicVirtual = (method.Attributes & System.Reflection.MethodAttributes.Virtual) != 0 &&
                        (method.Attributes & System.Reflection.MethodAttributes.MemberAccessMask) == System.Reflection.MethodAttributes.Public;
                    if (isPublicVirtual && ContractSurface.BindingKey(reader, names, method.Signature, reader.GetString(method.Name)) == key) return true;
                }
                foreach (var i in type.GetMethodImplementations())
                {
                    var implementation = reader.GetMethodImplementation(i);
                    if (implementation.MethodDeclaration.Kind != HandleKind.MemberReference) continue;
                    var declaration = reader.GetMemberReference((MemberReferenceHandle)implementation.MethodDeclaration);
                    var name = reader.GetString(declaration.Name);
                    if (declaration.Parent.Kind == HandleKind.TypeReference && names.FullName((TypeReferenceHandle)declaration.Parent) == declaring &&
                        ContractSurface.BindingKey(reader, names, declaration.Signature, name) == key) return true;
                }
                current = type.BaseType.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)type.BaseType : default;
            }
            return false;
        }

        private sealed class ListedType
        {
            public ListedType(string name, bool isInterface)
            {
                Name = name;
                IsInterface = isInterface;
            }

            public string Name { get; }
            public bool IsInterface { get; }
            public string? Extends { get; set; }
            public List<string> Implements { get; } = new List<string>();

            /// <summary>Binding keys (ContractSurface.BindingKey) of its methods and fields.</summary>
            public HashSet<string> Members { get; } = new HashSet<string>(StringComparer.Ordinal);
        }
    }
}
