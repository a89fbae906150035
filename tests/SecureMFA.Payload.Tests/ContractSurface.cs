using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// The public surface of one namespace of an assembly, read from its metadata (never loaded), as the lines of a
    /// contracts/ facts listing. One line per type and per member, sorted, in IL's spelling of signatures:
    /// <code>
    /// type [public abstract interface] N.IProofData
    ///   method [public abstract virtual newslot specialname] instance class [mscorlib]System.Collections.Generic.Dictionary`2&lt;string,object&gt; get_Properties()
    /// </code>
    /// Types of the subject assembly itself are written without an assembly; every other type says which assembly
    /// declares it, because the CLR binds a signature by type and assembly both.
    /// </summary>
    public static class ContractSurface
    {
        public static List<string> Read(string path, string @namespace)
        {
            using var pe = new PEReader(File.OpenRead(path));
            return Read(pe.GetMetadataReader(), @namespace);
        }

        public static List<string> Read(MetadataReader reader, string @namespace)
        {
            var names = new SignatureNames(reader, reader.GetString(reader.GetAssemblyDefinition().Name));
            var lines = new List<string>();
            foreach (var handle in reader.TypeDefinitions.Where(h => IsVisible(reader, h)).OrderBy(h => names.Of(h), StringComparer.Ordinal))
            {
                var type = reader.GetTypeDefinition(handle);
                if (Outermost(reader, type).Namespace is var ns && reader.GetString(ns) != @namespace) continue;
                lines.AddRange(TypeLines(reader, names, handle));
            }
            return lines;
        }

        private static IEnumerable<string> TypeLines(MetadataReader reader, SignatureNames names, TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            yield return $"type [{TypeFlags(type.Attributes)}] {names.Of(handle)}";
            if (!type.BaseType.IsNil) yield return $"  extends {names.OfEntity(type.BaseType)}";
            foreach (var implemented in type.GetInterfaceImplementations().Select(i => names.OfEntity(reader.GetInterfaceImplementation(i).Interface)).OrderBy(n => n, StringComparer.Ordinal))
                yield return $"  implements {implemented}";
            foreach (var attribute in type.GetCustomAttributes().Select(a => names.AttributeType(reader.GetCustomAttribute(a))).OrderBy(n => n, StringComparer.Ordinal))
                yield return $"  custom {attribute}";

            var members = new List<string>();
            foreach (var f in type.GetFields())
            {
                var field = reader.GetFieldDefinition(f);
                if (!IsVisibleMember((MethodAttributes)(field.Attributes & FieldAttributes.FieldAccessMask))) continue;
                var constant = field.GetDefaultValue().IsNil ? "" : " = " + ConstantText(reader, reader.GetConstant(field.GetDefaultValue()));
                members.Add($"  field [{FieldFlags(field.Attributes)}] {field.DecodeSignature(names, null)} {reader.GetString(field.Name)}{constant}");
            }
            foreach (var m in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(m);
                if (!IsVisibleMember(method.Attributes)) continue;
                members.Add($"  method [{MethodFlags(method.Attributes)}] {MethodText(reader, names, method)}");
            }
            foreach (var p in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(p);
                var accessors = property.GetAccessors();
                var visible = new[] { accessors.Getter, accessors.Setter }.Where(a => !a.IsNil && IsVisibleMember(reader.GetMethodDefinition(a).Attributes))
                    .Select(a => reader.GetString(reader.GetMethodDefinition(a).Name)).ToList();
                if (visible.Count == 0) continue;
                var signature = property.DecodeSignature(names, null);
                var indexes = signature.ParameterTypes.Length == 0 ? "" : $"[{string.Join(", ", signature.ParameterTypes)}]";
                members.Add($"  property {(signature.Header.IsInstance ? "instance " : "")}{signature.ReturnType} {reader.GetString(property.Name)}{indexes} {{ {string.Join(" ", visible)} }}");
            }
            foreach (var e in type.GetEvents())
            {
                var @event = reader.GetEventDefinition(e);
                var accessors = @event.GetAccessors();
                if (accessors.Adder.IsNil || !IsVisibleMember(reader.GetMethodDefinition(accessors.Adder).Attributes)) continue;
                members.Add($"  event {names.OfEntity(@event.Type)} {reader.GetString(@event.Name)}");
            }
            foreach (var line in members.OrderBy(l => l, StringComparer.Ordinal)) yield return line;
        }

        /// <summary>The type and member references one assembly makes into another, by name.</summary>
        public static List<string> ReferencesInto(string path, string assembly)
        {
            using var pe = new PEReader(File.OpenRead(path));
            var reader = pe.GetMetadataReader();
            var names = new SignatureNames(reader, assembly);
            var types = reader.TypeReferences.Where(h => names.ScopeOf(h) == assembly).Select(names.FullName);
            var members = reader.MemberReferences.Select(reader.GetMemberReference)
                .Where(m => m.Parent.Kind == HandleKind.TypeReference && names.ScopeOf((TypeReferenceHandle)m.Parent) == assembly)
                .Select(m => $"{names.FullName((TypeReferenceHandle)m.Parent)}::{reader.GetString(m.Name)}");
            return types.Concat(members).ToList();
        }

        /// <summary>What the CLR compares when it binds a call or an implementation to this method: hasthis, generic arity, return and parameter types, and the name.</summary>
        public static string BindingKey(MetadataReader reader, SignatureNames names, BlobHandle signature, string name)
        {
            var blob = reader.GetBlobReader(signature);
            var header = blob.ReadSignatureHeader();
            blob.Reset();
            if (header.Kind == SignatureKind.Field)
                return $"{new SignatureDecoder<string, object?>(names, reader, null).DecodeFieldSignature(ref blob)} {name}";
            var method = new SignatureDecoder<string, object?>(names, reader, null).DecodeMethodSignature(ref blob);
            return MethodKey(method, name);
        }

        public static string MethodKey(MethodSignature<string> method, string name)
        {
            var arity = method.GenericParameterCount == 0 ? "" : $"<{method.GenericParameterCount}>";
            var convention = method.Header.CallingConvention == SignatureCallingConvention.Default ? "" : method.Header.CallingConvention.ToString().ToLowerInvariant() + " ";
            return $"{(method.Header.IsInstance ? "instance " : "")}{convention}{method.ReturnType} {name}{arity}({string.Join(", ", method.ParameterTypes)})";
        }

        /// <summary>The binding key of a listing's method or field line: the text after the flags, without parameter names or a constant.</summary>
        public static string KeyOfListingLine(string line)
        {
            var rest = line.Substring(line.IndexOf("] ", StringComparison.Ordinal) + 2);
            var constant = rest.IndexOf(" = ", StringComparison.Ordinal);
            if (line.TrimStart().StartsWith("field ", StringComparison.Ordinal)) return constant < 0 ? rest : rest.Substring(0, constant);
            var open = rest.IndexOf('(');
            var parameters = rest.Substring(open + 1, rest.Length - open - 2);
            var types = parameters.Length == 0 ? Array.Empty<string>() : parameters.Split(", ").Select(p => p.Substring(0, p.LastIndexOf(' '))).ToArray();
            return $"{rest.Substring(0, open)}({string.Join(", ", types)})";
        }

        private static string MethodText(MetadataReader reader, SignatureNames names, MethodDefinition method)
        {
            var signature = method.DecodeSignature(names, null);
            var parameterNames = new string[signature.ParameterTypes.Length];
            foreach (var p in method.GetParameters())
            {
                var parameter = reader.GetParameter(p);
                if (parameter.SequenceNumber > 0 && parameter.SequenceNumber <= parameterNames.Length)
                    parameterNames[parameter.SequenceNumber - 1] = reader.GetString(parameter.Name);
            }
            var parameters = signature.ParameterTypes.Select((t, i) => $"{t} {(string.IsNullOrEmpty(parameterNames[i]) ? $"A_{i}" : parameterNames[i])}");
            var key = MethodKey(signature, reader.GetString(method.Name));
            return $"{key.Substring(0, key.IndexOf('(') + 1)}{string.Join(", ", parameters)})";
        }

        private static bool IsVisible(MetadataReader reader, TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            var visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility == TypeAttributes.Public) return true;
            var nestedVisible = visibility == TypeAttributes.NestedPublic || visibility == TypeAttributes.NestedFamily || visibility == TypeAttributes.NestedFamORAssem;
            return nestedVisible && IsVisible(reader, type.GetDeclaringType());
        }

        private static TypeDefinition Outermost(MetadataReader reader, TypeDefinition type)
        {
            while (type.IsNested) type = reader.GetTypeDefinition(type.GetDeclaringType());
            return type;
        }

        private static bool IsVisibleMember(MethodAttributes attributes)
        {
            var access = attributes & MethodAttributes.MemberAccessMask;
            return access == MethodAttributes.Public || access == MethodAttributes.Family || access == MethodAttributes.FamORAssem;
        }

        private static string Access(MethodAttributes access) => (access & MethodAttributes.MemberAccessMask) switch
        {
            MethodAttributes.Public => "public",
            MethodAttributes.Family => "family",
            MethodAttributes.FamORAssem => "famorassem",
            var other => other.ToString().ToLowerInvariant(),
        };

        // TypeAttributes.Serializable, spelt as a number: the named member is marked obsolete on .NET 10.
        private const TypeAttributes SerializableFlag = (TypeAttributes)0x2000;

        private static string TypeFlags(TypeAttributes a)
        {
            var flags = new List<string>();
            flags.Add((a & TypeAttributes.VisibilityMask) switch
            {
                TypeAttributes.Public => "public",
                TypeAttributes.NestedPublic => "nested public",
                TypeAttributes.NestedFamily => "nested family",
                _ => "nested famorassem",
            });
            if ((a & TypeAttributes.Abstract) != 0) flags.Add("abstract");
            if ((a & TypeAttributes.Sealed) != 0) flags.Add("sealed");
            if ((a & TypeAttributes.Interface) != 0) flags.Add("interface");
            if ((a & TypeAttributes.LayoutMask) == TypeAttributes.SequentialLayout) flags.Add("sequential");
            if ((a & TypeAttributes.LayoutMask) == TypeAttributes.ExplicitLayout) flags.Add("explicit");
            if ((a & SerializableFlag) != 0) flags.Add("serializable");
            return string.Join(" ", flags);
        }

        private static string FieldFlags(FieldAttributes a)
        {
            var flags = new List<string> { Access((MethodAttributes)(a & FieldAttributes.FieldAccessMask)) };
            if ((a & FieldAttributes.Static) != 0) flags.Add("static");
            if ((a & FieldAttributes.Literal) != 0) flags.Add("literal");
            if ((a & FieldAttributes.InitOnly) != 0) flags.Add("initonly");
            return string.Join(" ", flags);
        }

        private static string MethodFlags(MethodAttributes a)
        {
            var flags = new List<string> { Access(a) };
            if ((a & MethodAttributes.Static) != 0) flags.Add("static");
            if ((a & MethodAttributes.Abstract) != 0) flags.Add("abstract");
            if ((a & MethodAttributes.Virtual) != 0) flags.Add("virtual");
            if ((a & MethodAttributes.Final) != 0) flags.Add("final");
            if ((a & MethodAttributes.NewSlot) != 0) flags.Add("newslot");
            if ((a & MethodAttributes.SpecialName) != 0) flags.Add("specialname");
            return string.Join(" ", flags);
        }

        private static string ConstantText(MetadataReader reader, Constant constant)
        {
            var blob = reader.GetBlobReader(constant.Value);
            return constant.TypeCode switch
            {
                ConstantTypeCode.String => "\"" + blob.ReadUTF16(blob.Length) + "\"",
                ConstantTypeCode.NullReference => "null",
                _ => Convert.ToString(blob.ReadConstant(constant.TypeCode), System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
        }
    }

    /// <summary>Type names in IL's spelling, for signatures decoded by System.Reflection.Metadata.</summary>
    public sealed class SignatureNames : ISignatureTypeProvider<string, object?>
    {
        private readonly MetadataReader _reader;
        private readonly string _subject;

        /// <param name="subject">The assembly whose types are written without an assembly name (the one the listing describes).</param>
        public SignatureNames(MetadataReader reader, string subject)
        {
            _reader = reader;
            _subject = subject;
        }

        /// <summary>The assembly that declares a type reference, or null for this module's own types.</summary>
        public string? ScopeOf(TypeReferenceHandle handle)
        {
            var reference = _reader.GetTypeReference(handle);
            return reference.ResolutionScope.Kind switch
            {
                HandleKind.AssemblyReference => _reader.GetString(_reader.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name),
                HandleKind.TypeReference => ScopeOf((TypeReferenceHandle)reference.ResolutionScope),
                _ => null,
            };
        }

        /// <summary>The full name without an assembly: Namespace.Type, nested types as Outer/Inner.</summary>
        public string FullName(TypeReferenceHandle handle)
        {
            var reference = _reader.GetTypeReference(handle);
            var name = _reader.GetString(reference.Name);
            if (reference.ResolutionScope.Kind == HandleKind.TypeReference) return FullName((TypeReferenceHandle)reference.ResolutionScope) + "/" + name;
            var ns = _reader.GetString(reference.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string Of(TypeDefinitionHandle handle)
        {
            var type = _reader.GetTypeDefinition(handle);
            var name = _reader.GetString(type.Name);
            if (type.IsNested) return Of(type.GetDeclaringType()) + "/" + name;
            var ns = _reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string Of(TypeReferenceHandle handle)
        {
            var scope = ScopeOf(handle);
            return scope == null || scope == _subject ? FullName(handle) : $"[{scope}]{FullName(handle)}";
        }

        public string OfEntity(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => Of((TypeDefinitionHandle)handle),
            HandleKind.TypeReference => Of((TypeReferenceHandle)handle),
            HandleKind.TypeSpecification => _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
            _ => throw new BadImageFormatException($"not a type: {handle.Kind}"),
        };

        public string AttributeType(CustomAttribute attribute) => attribute.Constructor.Kind switch
        {
            HandleKind.MethodDefinition => Of(_reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()),
            _ => OfEntity(_reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent),
        };

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Boolean => "bool",
            PrimitiveTypeCode.Char => "char",
            PrimitiveTypeCode.SByte => "int8",
            PrimitiveTypeCode.Byte => "uint8",
            PrimitiveTypeCode.Int16 => "int16",
            PrimitiveTypeCode.UInt16 => "uint16",
            PrimitiveTypeCode.Int32 => "int32",
            PrimitiveTypeCode.UInt32 => "uint32",
            PrimitiveTypeCode.Int64 => "int64",
            PrimitiveTypeCode.UInt64 => "uint64",
            PrimitiveTypeCode.Single => "float32",
            PrimitiveTypeCode.Double => "float64",
            PrimitiveTypeCode.String => "string",
            PrimitiveTypeCode.Object => "object",
            PrimitiveTypeCode.IntPtr => "native int",
            PrimitiveTypeCode.UIntPtr => "native uint",
            PrimitiveTypeCode.TypedReference => "typedref",
            PrimitiveTypeCode.Void => "void",
            _ => typeCode.ToString(),
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => Kind(rawTypeKind) + Of(handle);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => Kind(rawTypeKind) + Of(handle);
        public string GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, context);

        private static string Kind(byte rawTypeKind) => (SignatureTypeKind)rawTypeKind == SignatureTypeKind.ValueType ? "valuetype " : "class ";

        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => $"{elementType}[{new string(',', shape.Rank - 1)}]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType + " pinned";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";
        public string GetGenericTypeParameter(object? context, int index) => $"!{index}";
        public string GetGenericMethodParameter(object? context, int index) => $"!!{index}";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => $"{unmodifiedType} {(isRequired ? "modreq" : "modopt")}({modifier.Replace("class ", "")})";
        public string GetFunctionPointerType(MethodSignature<string> signature) => $"method {ContractSurface.MethodKey(signature, "*")}";
    }
}
