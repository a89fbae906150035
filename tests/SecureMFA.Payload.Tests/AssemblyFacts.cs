using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SecureMFA.Payload.Tests
{
    /// <summary>What one assembly file says about itself, read from its metadata without loading it.</summary>
    public sealed class AssemblyFacts
    {
        private AssemblyFacts(string path, AssemblyName name, IReadOnlyList<AssemblyName> references, bool signed, byte[] publicKey, IReadOnlyDictionary<string, string> attributes)
        {
            Path = path;
            Name = name;
            References = references;
            StrongNameSigned = signed;
            PublicKey = publicKey;
            Attributes = attributes;
        }

        public string Path { get; }
        public AssemblyName Name { get; }
        public IReadOnlyList<AssemblyName> References { get; }

        /// <summary>The CLI header says the file carries a strong-name signature (not delay- or public-signed only).</summary>
        public bool StrongNameSigned { get; }
        public byte[] PublicKey { get; }

        /// <summary>AssemblyFileVersionAttribute and AssemblyInformationalVersionAttribute, by short type name, where present.</summary>
        public IReadOnlyDictionary<string, string> Attributes { get; }

        public string Token => TokenOf(Name);
        public string? FileVersion => Attributes.TryGetValue(nameof(AssemblyFileVersionAttribute), out var v) ? v : null;
        public string? InformationalVersion => Attributes.TryGetValue(nameof(AssemblyInformationalVersionAttribute), out var v) ? v : null;

        public static string TokenOf(AssemblyName name) => Convert.ToHexString(name.GetPublicKeyToken() ?? Array.Empty<byte>()).ToLowerInvariant();

        public static AssemblyFacts Read(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var reader = pe.GetMetadataReader();
            var definition = reader.GetAssemblyDefinition();
            var references = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToList();
            var signed = (pe.PEHeaders.CorHeader!.Flags & CorFlags.StrongNameSigned) != 0;
            var attributes = new Dictionary<string, string>();
            foreach (var handle in definition.GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
                var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (constructor.Parent.Kind != HandleKind.TypeReference) continue;
                var type = reader.GetString(reader.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name);
                if (type != nameof(AssemblyFileVersionAttribute) && type != nameof(AssemblyInformationalVersionAttribute)) continue;
                var blob = reader.GetBlobReader(attribute.Value);
                if (blob.Length < 4 || blob.ReadUInt16() != 1) continue;
                attributes[type] = blob.ReadSerializedString() ?? "";
            }
            return new AssemblyFacts(path, definition.GetAssemblyName(), references, signed, reader.GetBlobBytes(definition.PublicKey), attributes);
        }
    }
}
