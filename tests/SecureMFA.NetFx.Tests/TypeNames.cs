using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace SecureMFA.NetFx.Tests
{
    /// <summary>
    /// Signatures as text, the way the contract listings spell them: primitives by their IL names (int32, uint32,
    /// intptr, string, bool), other types by full name with '+' for nesting, "ref T", "T[]", "T*".
    /// </summary>
    public sealed class TypeNames : ISignatureTypeProvider<string, object?>
    {
        public static readonly TypeNames Instance = new TypeNames();

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Boolean => "bool",
            PrimitiveTypeCode.Byte => "byte",
            PrimitiveTypeCode.SByte => "sbyte",
            PrimitiveTypeCode.Char => "char",
            PrimitiveTypeCode.Int16 => "int16",
            PrimitiveTypeCode.UInt16 => "uint16",
            PrimitiveTypeCode.Int32 => "int32",
            PrimitiveTypeCode.UInt32 => "uint32",
            PrimitiveTypeCode.Int64 => "int64",
            PrimitiveTypeCode.UInt64 => "uint64",
            PrimitiveTypeCode.IntPtr => "intptr",
            PrimitiveTypeCode.UIntPtr => "uintptr",
            PrimitiveTypeCode.String => "string",
            PrimitiveTypeCode.Object => "object",
            PrimitiveTypeCode.Void => "void",
            _ => typeCode.ToString().ToLowerInvariant(),
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => FullName(reader, handle);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => FullName(reader, handle);
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
        public string GetByReferenceType(string elementType) => "ref " + elementType;
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public static string FullName(MetadataReader reader, TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            var name = reader.GetString(type.Name);
            var declaring = type.GetDeclaringType();
            if (!declaring.IsNil) return FullName(reader, declaring) + "+" + name;
            var ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public static string FullName(MetadataReader reader, TypeReferenceHandle handle)
        {
            var type = reader.GetTypeReference(handle);
            var name = reader.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference) return FullName(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
            var ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        /// <summary>"Type::Name(parameter types)" of a method a call site names, or null for a field reference.</summary>
        public static string? Member(MetadataReader reader, EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.MemberReference:
                {
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    if (member.GetKind() != MemberReferenceKind.Method) return null;
                    var parent = member.Parent.Kind switch
                    {
                        HandleKind.TypeReference => FullName(reader, (TypeReferenceHandle)member.Parent),
                        HandleKind.TypeDefinition => FullName(reader, (TypeDefinitionHandle)member.Parent),
                        HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(Instance, null),
                        _ => "?",
                    };
                    var signature = member.DecodeMethodSignature(Instance, null);
                    return parent + "::" + reader.GetString(member.Name) + "(" + string.Join(",", signature.ParameterTypes) + ")";
                }
                case HandleKind.MethodDefinition:
                {
                    var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    var signature = method.DecodeSignature(Instance, null);
                    return FullName(reader, method.GetDeclaringType()) + "::" + reader.GetString(method.Name) + "(" + string.Join(",", signature.ParameterTypes) + ")";
                }
                case HandleKind.MethodSpecification:
                    return Member(reader, reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
                default:
                    return null;
            }
        }

        public static string[] TypeReferences(MetadataReader reader) =>
            reader.TypeReferences.Select(h => FullName(reader, h)).ToArray();
    }
}
