using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Com;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// Our Interop declarations against the facts of the real header (<see cref="HeaderFacts"/>, from mingw-w64's
    /// credentialprovider.idl): each interface's IID, base and vtable (method order, parameter types and how they are
    /// marshalled), each enumeration's members and values, each structure's size and field offsets on x64 (the
    /// runtime's own layout) and x86 (computed from the declared field types). Any difference fails.
    /// </summary>
    public class HeaderContractTests
    {
        private static readonly HeaderFacts Facts = HeaderFacts.Load();
        private static readonly Assembly Shell = typeof(ICredentialProvider).Assembly;

        private static readonly Dictionary<string, Type> EnumTypes = new Dictionary<string, Type>
        {
            ["CREDENTIAL_PROVIDER_USAGE_SCENARIO"] = typeof(CredentialProviderUsageScenario),
            ["CREDENTIAL_PROVIDER_FIELD_TYPE"] = typeof(CredentialProviderFieldType),
            ["CREDENTIAL_PROVIDER_FIELD_STATE"] = typeof(CredentialProviderFieldState),
            ["CREDENTIAL_PROVIDER_FIELD_INTERACTIVE_STATE"] = typeof(CredentialProviderFieldInteractiveState),
            ["CREDENTIAL_PROVIDER_GET_SERIALIZATION_RESPONSE"] = typeof(CredentialProviderGetSerializationResponse),
            ["CREDENTIAL_PROVIDER_STATUS_ICON"] = typeof(CredentialProviderStatusIcon),
            ["CREDENTIAL_PROVIDER_CREDENTIAL_FIELD_OPTIONS"] = typeof(CredentialProviderCredentialFieldOptions),
        };

        private static readonly Dictionary<string, Type> StructTypes = new Dictionary<string, Type>
        {
            ["CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR"] = typeof(FieldDescriptor),
            ["CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION"] = typeof(CredentialSerialization),
        };

        /// <summary>The C scalar types and the .NET types of the same size and meaning.</summary>
        private static readonly Dictionary<string, Type> Scalars = new Dictionary<string, Type>
        {
            ["DWORD"] = typeof(uint), ["ULONG"] = typeof(uint), ["WINBOOL"] = typeof(int), ["NTSTATUS"] = typeof(int),
            ["UINT_PTR"] = typeof(UIntPtr), ["HBITMAP"] = typeof(IntPtr), ["HWND"] = typeof(IntPtr), ["GUID"] = typeof(Guid),
            ["LPWSTR"] = typeof(IntPtr), ["byte*"] = typeof(IntPtr),
        };

        /// <summary>
        /// Declared on purpose without methods: the shell only hands LogonUI's user array on and never calls it, so no
        /// slot of it can be called wrongly. Its IID and base are still checked.
        /// </summary>
        private static readonly string[] Opaque = { nameof(ICredentialProviderUserArray) };

        public static TheoryData<string> InterfaceNames()
        {
            var data = new TheoryData<string>();
            foreach (var name in HeaderFacts.Load().Interfaces.Select(i => i.Name)) data.Add(name);
            return data;
        }

        [Theory]
        [MemberData(nameof(InterfaceNames))]
        public void EachInterfaceHasTheHeadersIidBaseAndVtable(string name)
        {
            var fact = Facts.Interfaces.Single(i => i.Name == name);
            var type = Shell.GetType(typeof(ICredentialProvider).Namespace + "." + name);
            Assert.True(type != null, name + " is in the header facts but not declared in Interop");
            Assert.True(type!.IsInterface && type.IsImport, name + " is a [ComImport] interface");
            Assert.Equal(ComInterfaceType.InterfaceIsIUnknown, type.GetCustomAttribute<InterfaceTypeAttribute>()?.Value);
            Assert.Equal(fact.Iid, type.GUID);
            Assert.Equal(BaseChain(name).OrderBy(b => b), type.GetInterfaces().Select(i => i.Name).OrderBy(b => b));

            // The CLR lays a [ComImport] interface's vtable out from its own methods in metadata order, after IUnknown's three.
            var declared = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(m => m.MetadataToken).ToArray();
            var vtable = Facts.VtableOf(name);
            if (Opaque.Contains(name))
            {
                Assert.Empty(declared);
                return;
            }
            Assert.Equal(vtable.Select(s => s.Index), Enumerable.Range(3, vtable.Count));
            Assert.Equal(vtable.Select(s => s.Method), declared.Select(m => m.Name));
            for (var i = 0; i < vtable.Count; i++)
            {
                var method = declared[i];
                Assert.True(method.GetMethodImplementationFlags().HasFlag(MethodImplAttributes.PreserveSig), name + "." + method.Name + " returns its HRESULT itself ([PreserveSig])");
                Assert.Equal(typeof(int), method.ReturnType);
                var expected = vtable[i].Parameters.Select(p => Expected(p, vtable[i].Parameters)).ToArray();
                var actual = method.GetParameters().Select(Describe).ToArray();
                Assert.True(expected.SequenceEqual(actual), name + "." + method.Name + " (slot " + vtable[i].Index + "): header (" + string.Join(", ", expected) + ") but declared (" + string.Join(", ", actual) + ")");
            }
        }

        [Fact]
        public void EveryComInterfaceInInteropIsInTheHeaderFacts()
        {
            var declared = Shell.GetTypes().Where(t => t.IsInterface && t.IsImport && t.Namespace == typeof(ICredentialProvider).Namespace).Select(t => t.Name);
            Assert.Empty(declared.Except(Facts.Interfaces.Select(i => i.Name)));
        }

        [Theory]
        [InlineData("CREDENTIAL_PROVIDER_USAGE_SCENARIO")]
        [InlineData("CREDENTIAL_PROVIDER_FIELD_TYPE")]
        [InlineData("CREDENTIAL_PROVIDER_FIELD_STATE")]
        [InlineData("CREDENTIAL_PROVIDER_FIELD_INTERACTIVE_STATE")]
        [InlineData("CREDENTIAL_PROVIDER_GET_SERIALIZATION_RESPONSE")]
        [InlineData("CREDENTIAL_PROVIDER_STATUS_ICON")]
        [InlineData("CREDENTIAL_PROVIDER_CREDENTIAL_FIELD_OPTIONS")]
        public void EachEnumerationHasTheHeadersMembersAndValues(string name)
        {
            var type = EnumTypes[name];
            Assert.Equal(4, Marshal.SizeOf(Enum.GetUnderlyingType(type)));
            // CPFS_DISPLAY_IN_SELECTED_TILE is DisplayInSelectedTile: the prefix dropped, the words run together.
            var header = Facts.Enums[name].ToDictionary(m => m.Key.Substring(m.Key.IndexOf('_') + 1).Replace("_", "").ToUpperInvariant(), m => m.Value);
            var ours = Enum.GetNames(type).ToDictionary(n => n.ToUpperInvariant(), n => Convert.ToInt64(Enum.Parse(type, n)));
            Assert.Equal(header.OrderBy(m => m.Key), ours.OrderBy(m => m.Key));
        }

        [Theory]
        [InlineData("CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR")]
        [InlineData("CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION")]
        public void EachStructureHasTheHeadersLayoutOnX64AndX86(string name)
        {
            var type = StructTypes[name];
            var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).OrderBy(f => f.MetadataToken).ToArray();
            Assert.Equal(LayoutKind.Sequential, type.StructLayoutAttribute!.Value);
            foreach (var arch in new[] { "x64", "x86" })
            {
                var header = Facts.Fields.Where(f => f.Struct == name && f.Arch == arch).ToArray();
                var layout = Facts.Layouts.Single(l => l.Struct == name && l.Arch == arch);
                Assert.Equal(header.Select(f => ManagedType(f.CType)), fields.Select(f => f.FieldType));
                var computed = CLayout(fields.Select(f => f.FieldType), arch == "x64" ? 8 : 4);
                Assert.Equal(header.Select(f => f.Offset), computed.Offsets);
                Assert.Equal((layout.Size, layout.Align), (computed.Size, computed.Align));
            }
            // The runtime's own marshalled layout (these tests run as a 64-bit process) is the x64 one.
            Assert.Equal(8, IntPtr.Size);
            Assert.Equal(Facts.Layouts.Single(l => l.Struct == name && l.Arch == "x64").Size, Marshal.SizeOf(type));
            Assert.Equal(Facts.Fields.Where(f => f.Struct == name && f.Arch == "x64").Select(f => f.Offset), fields.Select(f => (int)Marshal.OffsetOf(type, f.Name)));
        }

        [Fact]
        public void TheWrappedProviderAndTheNoDefaultAnswerAreTheHeaders()
        {
            var password = Shell.GetType("SecureMFA.WinOtp.CredentialProvider.Interop.ProviderIds")!.GetField("PasswordProvider", BindingFlags.Static | BindingFlags.Public)!;
            Assert.Equal(Facts.Clsids["PasswordCredentialProvider"], (Guid)password.GetValue(null)!);
            var noDefault = typeof(WinOtpCredentialProvider).GetField("NoDefault", BindingFlags.Static | BindingFlags.NonPublic)!;
            Assert.Equal(Facts.Constants["CREDENTIAL_PROVIDER_NO_DEFAULT"], (long)(uint)noDefault.GetValue(null)!);
        }

        [Fact]
        public void TheClassesLogonUiCallsImplementWhatItAsksFor()
        {
            Assert.True(typeof(ICredentialProviderCredential2).IsAssignableFrom(typeof(WinOtpCredential)));
            Assert.True(typeof(ICredentialProviderCredentialWithFieldOptions).IsAssignableFrom(typeof(WinOtpCredential)));
            Assert.True(typeof(ICredentialProviderSetUserArray).IsAssignableFrom(typeof(WinOtpCredentialProvider)));
            Assert.True(typeof(ICredentialProviderCredentialEvents2).IsAssignableFrom(typeof(WrappedCredentialEvents)));
        }

        [Fact]
        public void TheClassesLogonUiCreatesCarryTheRegisteredClsids()
        {
            Assert.Equal(new Guid("a1495740-3c4b-4cd0-b4df-eb470152b4ef"), typeof(WinOtpCredentialProvider).GUID);
            Assert.Equal(new Guid("e9f156f9-07dd-48fa-a3cd-48595381d707"), typeof(WinOtpCredentialProviderFilter).GUID);
            Assert.Equal(WinOtpCredentialProvider.Clsid, typeof(WinOtpCredentialProvider).GUID.ToString());
            Assert.Equal(WinOtpCredentialProviderFilter.Clsid, typeof(WinOtpCredentialProviderFilter).GUID.ToString());
        }

        [Fact]
        public void TheFactsFileParsesAsTheTestsExpect()
        {
            // The reader itself: a slot with an in,out array sized by another parameter.
            var facts = HeaderFacts.Parse(new[] { "interface IX iid 00000000-0000-0000-0000-000000000001 base IUnknown", "slot IX 3 F (in GUID* a [size_is(n)], in,out WINBOOL* b [size_is(n)], in DWORD n)" });
            var slot = Assert.Single(facts.Slots);
            Assert.Equal(new[] { ("in", "GUID*", "a", "n"), ("in,out", "WINBOOL*", "b", "n"), ("in", "DWORD", "n", (string?)null) },
                slot.Parameters.Select(p => (p.Direction, p.CType, p.Name, p.SizeIs)).ToArray());
        }

        /// <summary>How a parameter of this C type must be declared, in the words of <see cref="Describe"/>.</summary>
        private static string Expected(HeaderFacts.Parameter p, IReadOnlyList<HeaderFacts.Parameter> all)
        {
            var type = p.CType;
            if (p.SizeIs != null)
            {
                // A counted array: marshalled as a C array whose length is the named parameter.
                var size = all.Select((x, i) => (x, i)).Single(x => x.x.Name == p.SizeIs).i;
                return ManagedType(type.TrimEnd('*')).Name + "[] " + p.Direction + " LPArray size=" + size;
            }
            if (p.Direction == "in")
            {
                if (type == "LPCWSTR") return "String LPWStr";
                if (type.StartsWith("const ", StringComparison.Ordinal)) return StructTypes[type.Substring(6).TrimEnd('*')].Name + "& in";
                if (type.EndsWith("*", StringComparison.Ordinal)) return InterfaceType(type.TrimEnd('*')) + " Interface";
                return ManagedType(type).Name;
            }
            Assert.Equal("out", p.Direction);
            if (type == "LPWSTR*") return "String& out LPWStr";
            // The shell reads and frees the descriptor block itself (Tile.FieldDescriptorMemory): a pointer, not a marshalled struct.
            if (type == "CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR**") return "IntPtr& out";
            if (type.EndsWith("**", StringComparison.Ordinal)) return InterfaceType(type.TrimEnd('*')) + "& out Interface";
            return ManagedType(type.TrimEnd('*')).Name + "& out";
        }

        /// <summary>A declared parameter: its type (&amp; when by reference), direction, and its [MarshalAs] if any.</summary>
        private static string Describe(ParameterInfo p)
        {
            var type = p.ParameterType;
            var parts = new List<string> { (type.IsByRef ? type.GetElementType()! : type).Name + (type.IsByRef ? "&" : "") };
            if (type.IsByRef || type.IsArray) parts.Add(p.IsIn && p.IsOut ? "in,out" : p.IsOut ? "out" : p.IsIn ? "in" : "ref");
            var marshal = p.GetCustomAttribute<MarshalAsAttribute>();
            if (marshal != null) parts.Add(marshal.Value + (marshal.Value == UnmanagedType.LPArray ? " size=" + marshal.SizeParamIndex : ""));
            return string.Join(" ", parts);
        }

        private static Type ManagedType(string cType) =>
            Scalars.TryGetValue(cType, out var scalar) ? scalar
            : EnumTypes.TryGetValue(cType, out var enumeration) ? enumeration
            : StructTypes.TryGetValue(cType, out var structure) ? structure
            : throw new Xunit.Sdk.XunitException("No .NET type is known for the C type " + cType + ": add it to the test's tables.");

        private static IEnumerable<string> BaseChain(string name)
        {
            var own = Facts.Interfaces.Single(i => i.Name == name);
            return own.Base == "IUnknown" ? Enumerable.Empty<string>() : new[] { own.Base }.Concat(BaseChain(own.Base));
        }

        private static string InterfaceType(string name)
        {
            Assert.True(Facts.Interfaces.Any(i => i.Name == name), name + " is passed as an interface but is not in the header facts");
            return name;
        }

        /// <summary>C's sequential layout with natural alignment: what MSVC and gcc give these structures.</summary>
        private static (int[] Offsets, int Size, int Align) CLayout(IEnumerable<Type> fields, int pointerSize)
        {
            var offsets = new List<int>();
            int at = 0, align = 1;
            foreach (var field in fields)
            {
                var (size, alignment) = field == typeof(IntPtr) || field == typeof(UIntPtr) ? (pointerSize, pointerSize)
                    : field == typeof(Guid) ? (16, 4)
                    : field == typeof(uint) || field == typeof(int) || field.IsEnum ? (4, 4)
                    : throw new Xunit.Sdk.XunitException("No C layout is known for " + field);
                at = (at + alignment - 1) / alignment * alignment;
                offsets.Add(at);
                at += size;
                align = Math.Max(align, alignment);
            }
            return (offsets.ToArray(), (at + align - 1) / align * align, align);
        }
    }
}
