using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// The file LogonUI loads (the net472 build): PE32+ for AMD64, IL only, strong-named with the project key,
    /// the COM attributes on the classes LogonUI creates, and references LogonUI's CLR can resolve: the .NET
    /// Framework, SecureMFA.WinOtp.Core and SecureMFA.Otp, nothing else.
    /// </summary>
    public class ShippedAssemblyTests
    {
        public static string Net472Folder => RepositoryPaths.Output("src/WinOtp/CredentialProvider", "net472");

        private static string Shipped => Path.Combine(Net472Folder, "SecureMFA.WinOtp.CredentialProvider.dll");

        private static readonly string[] FrameworkTokens = { "b77a5c561934e089", "b03f5f7f11d50a3a", "31bf3856ad364e35" };

        [Fact]
        public void ItIsPe32PlusForAmd64AndIlOnly()
        {
            using var pe = new PEReader(File.OpenRead(Shipped));
            Assert.Equal(Machine.Amd64, pe.PEHeaders.CoffHeader.Machine);
            Assert.Equal(PEMagic.PE32Plus, pe.PEHeaders.PEHeader!.Magic);
            var flags = pe.PEHeaders.CorHeader!.Flags;
            Assert.True(flags.HasFlag(CorFlags.ILOnly));
            Assert.False(flags.HasFlag(CorFlags.Requires32Bit));
            Assert.True(flags.HasFlag(CorFlags.StrongNameSigned));
        }

        [Fact]
        public void ItIsStrongNamedWithTheKeyOfWinOtpCore()
        {
            var shipped = AssemblyName.GetAssemblyName(Shipped);
            var core = AssemblyName.GetAssemblyName(Path.Combine(Net472Folder, "SecureMFA.WinOtp.Core.dll"));
            Assert.Equal(8, shipped.GetPublicKeyToken()!.Length);
            Assert.Equal(Convert.ToHexString(core.GetPublicKeyToken()!), Convert.ToHexString(shipped.GetPublicKeyToken()!));
            Assert.Equal(core.Version, shipped.Version);
        }

        [Fact]
        public void ItReferencesOnlyTheFrameworkWinOtpCoreAndSecureMfaOtp()
        {
            using var pe = new PEReader(File.OpenRead(Shipped));
            var metadata = pe.GetMetadataReader();
            var ownToken = Convert.ToHexString(AssemblyName.GetAssemblyName(Shipped).GetPublicKeyToken()!).ToLowerInvariant();
            var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h)).Select(r => (Name: metadata.GetString(r.Name), Token: Convert.ToHexString(metadata.GetBlobBytes(r.PublicKeyOrToken)).ToLowerInvariant())).ToList();
            Assert.Contains(references, r => r.Name == "SecureMFA.WinOtp.Core" && r.Token == ownToken);
            Assert.Contains(references, r => r.Name == "mscorlib");
            foreach (var reference in references)
            {
                var ours = (reference.Name == "SecureMFA.WinOtp.Core" || reference.Name == "SecureMFA.Otp") && reference.Token == ownToken;
                var framework = FrameworkTokens.Contains(reference.Token) && (reference.Name == "mscorlib" || reference.Name.StartsWith("System", StringComparison.Ordinal));
                Assert.True(ours || framework, "LogonUI could not resolve " + reference.Name + " (" + reference.Token + ")");
            }
            Assert.DoesNotContain(references, r => r.Name == "netstandard" || r.Name == "System.Runtime");
        }

        [Theory]
        [InlineData("SecureMFA.WinOtp.CredentialProvider.Com.WinOtpCredentialProvider", "a1495740-3c4b-4cd0-b4df-eb470152b4ef")]
        [InlineData("SecureMFA.WinOtp.CredentialProvider.Com.WinOtpCredentialProviderFilter", "e9f156f9-07dd-48fa-a3cd-48595381d707")]
        public void TheClassesLogonUiCreatesAreComVisibleWithTheirClsidAndNoClassInterface(string typeName, string clsid)
        {
            using var pe = new PEReader(File.OpenRead(Shipped));
            var metadata = pe.GetMetadataReader();
            var type = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
                .Single(t => metadata.GetString(t.Namespace) + "." + metadata.GetString(t.Name) == typeName);
            Assert.True(type.Attributes.HasFlag(TypeAttributes.Public) && type.Attributes.HasFlag(TypeAttributes.Sealed));
            var attributes = type.GetCustomAttributes().Select(metadata.GetCustomAttribute).ToDictionary(a => AttributeName(metadata, a), a => a.DecodeValue(new StringTypeProvider()).FixedArguments);
            Assert.Equal(true, attributes["System.Runtime.InteropServices.ComVisibleAttribute"].Single().Value);
            Assert.Equal(clsid, attributes["System.Runtime.InteropServices.GuidAttribute"].Single().Value);
            Assert.Equal(0, attributes["System.Runtime.InteropServices.ClassInterfaceAttribute"].Single().Value); // ClassInterfaceType.None
            // COM creates it through its public parameterless constructor.
            Assert.Contains(type.GetMethods().Select(metadata.GetMethodDefinition), m => metadata.GetString(m.Name) == ".ctor" && m.Attributes.HasFlag(MethodAttributes.Public)
                && m.DecodeSignature(new StringTypeProvider(), null).ParameterTypes.Length == 0);
        }

        [Fact]
        public void TheAssemblyItselfIsNotComVisibleOnlyItsChosenClasses()
        {
            using var pe = new PEReader(File.OpenRead(Shipped));
            var metadata = pe.GetMetadataReader();
            var assembly = metadata.GetAssemblyDefinition().GetCustomAttributes().Select(metadata.GetCustomAttribute)
                .Single(a => AttributeName(metadata, a) == "System.Runtime.InteropServices.ComVisibleAttribute");
            Assert.Equal(false, assembly.DecodeValue(new StringTypeProvider()).FixedArguments.Single().Value);
        }

        private static string AttributeName(MetadataReader metadata, CustomAttribute attribute)
        {
            var constructor = attribute.Constructor;
            if (constructor.Kind == HandleKind.MemberReference)
            {
                var parent = metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                var type = metadata.GetTypeReference((TypeReferenceHandle)parent);
                return metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name);
            }
            var definition = metadata.GetTypeDefinition(metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType());
            return metadata.GetString(definition.Namespace) + "." + metadata.GetString(definition.Name);
        }

        /// <summary>Just enough of a type provider to decode the COM attributes' arguments (string, bool, an Int32 enum).</summary>
        private sealed class StringTypeProvider : ICustomAttributeTypeProvider<string>, ISignatureTypeProvider<string, object?>
        {
            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
            public string GetSystemType() => "System.Type";
            public string GetSZArrayType(string elementType) => elementType + "[]";
            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);
            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);
            public string GetTypeFromSerializedName(string name) => name;
            public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;
            public bool IsSystemType(string type) => type == "System.Type";
            public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
            public string GetByReferenceType(string elementType) => elementType + "&";
            public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;
            public string GetGenericMethodParameter(object? context, int index) => "!!" + index;
            public string GetGenericTypeParameter(object? context, int index) => "!" + index;
            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
            public string GetPinnedType(string elementType) => elementType;
            public string GetPointerType(string elementType) => elementType + "*";
            public string GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) => "spec";
        }
    }
}
