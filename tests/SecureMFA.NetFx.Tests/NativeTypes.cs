using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Metadata;

namespace SecureMFA.NetFx.Tests
{
    /// <summary>
    /// How a managed parameter, return value or field marshals (its "shape"), and which shapes each C type of the
    /// listing allows. Shapes: int32, uint32, int16, uint16, int64, uint64, pointer (IntPtr), win32-bool (4-byte BOOL),
    /// byte-bool, utf16-string / ansi-string, utf16-chars / ansi-chars (char[]), utf16-buffer / ansi-buffer
    /// (StringBuilder), byte-array, struct:NAME, "ref X" for a pointer to X, void.
    /// </summary>
    public static class NativeTypes
    {
        private const byte NativeBool = 0x02, NativeI1 = 0x03, NativeU1 = 0x04, NativeLPStr = 0x14, NativeLPWStr = 0x15, NativeVariantBool = 0x25;

        public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
        {
            ["void"] = new[] { "void" },
            ["int"] = new[] { "int32" },
            ["NTSTATUS"] = new[] { "int32" },
            ["HRESULT"] = new[] { "int32" },
            ["DWORD"] = new[] { "uint32", "int32" },
            ["ULONG"] = new[] { "uint32", "int32" },
            ["WORD"] = new[] { "uint16", "int16" },
            // winnt.h: typedef WORD LANGID.
            ["LANGID"] = new[] { "uint16" },
            ["ULONGLONG"] = new[] { "uint64", "int64" },
            ["WINBOOL"] = new[] { "win32-bool", "int32" },
            ["HANDLE"] = new[] { "pointer" },
            ["HMODULE"] = new[] { "pointer" },
            ["LPVOID"] = new[] { "pointer" },
            ["LPBYTE"] = new[] { "pointer" },
            ["LPSECURITY_ATTRIBUTES"] = new[] { "pointer" },
            ["BCRYPT_ALG_HANDLE"] = new[] { "pointer" },
            ["void*"] = new[] { "pointer" },
            ["char*"] = new[] { "pointer" },
            ["MonoImage*"] = new[] { "pointer" },
            ["PHANDLE"] = new[] { "ref pointer" },
            ["LPVOID*"] = new[] { "ref pointer" },
            ["BCRYPT_ALG_HANDLE*"] = new[] { "ref pointer" },
            ["DWORD*"] = new[] { "ref uint32", "ref int32" },
            ["CRED_PROTECTION_TYPE*"] = new[] { "ref int32", "ref uint32" },
            ["PUCHAR"] = new[] { "byte-array", "pointer" },
            ["LPCWSTR"] = new[] { "utf16-string", "utf16-chars" },
            ["IAssemblyCache**"] = new[] { "ref interface:IAssemblyCache" },
            // fusion.h's IAssemblyCache methods (contracts/win32/fusion.txt): structs and out-interfaces passed as pointers.
            ["ULONG*"] = new[] { "ref uint32", "ref int32" },
            ["PVOID"] = new[] { "pointer" },
            ["LPCFUSION_INSTALL_REFERENCE"] = new[] { "pointer" },
            ["ASSEMBLY_INFO*"] = new[] { "pointer" },
            ["IAssemblyCacheItem**"] = new[] { "ref pointer" },
            ["IUnknown**"] = new[] { "ref pointer" },
            ["LPWSTR"] = new[] { "utf16-chars", "utf16-buffer" },
            ["const-char*"] = new[] { "ansi-string" },
            ["LPSTARTUPINFOW"] = new[] { "ref struct:STARTUPINFOW" },
            // lmaccess.h, lmapibuf.h, secext.h, realtimeapiset.h, wtsapi32.h (who must use a code).
            ["NET_API_STATUS"] = new[] { "uint32", "int32" },
            ["LPBYTE*"] = new[] { "ref pointer" },
            ["LPDWORD"] = new[] { "ref uint32", "ref int32" },
            ["BOOLEAN"] = new[] { "byte-bool" },
            ["EXTENDED_NAME_FORMAT"] = new[] { "int32" },
            ["PULONG"] = new[] { "ref uint32", "ref int32" },
            ["PULONGLONG"] = new[] { "ref uint64", "ref int64" },
            ["WTS_INFO_CLASS"] = new[] { "int32" },
            ["LPWSTR*"] = new[] { "ref pointer" },
            ["LPPROCESS_INFORMATION"] = new[] { "ref struct:PROCESS_INFORMATION" },
        };

        /// <summary>In a struct, an LPWSTR field is a string marshalled as UTF-16 (the struct is passed in, never filled).</summary>
        public static readonly IReadOnlyDictionary<string, string[]> AllowedInStruct = new Dictionary<string, string[]>
        {
            ["DWORD"] = new[] { "uint32", "int32" },
            ["WORD"] = new[] { "uint16", "int16" },
            ["LPWSTR"] = new[] { "utf16-string" },
            ["LPBYTE"] = new[] { "pointer" },
            ["HANDLE"] = new[] { "pointer" },
        };

        /// <param name="managed">The type as <see cref="TypeNames"/> spells it.</param>
        /// <param name="marshal">The MarshalAs native type, or null.</param>
        /// <param name="unicode">The declaration's (or struct's) CharSet is Unicode; Ansi and None (Ansi on .NET Framework) are not.</param>
        /// <param name="structNames">Managed struct type → its C name, from the listing.</param>
        public static string Shape(string managed, byte? marshal, bool unicode, IReadOnlyDictionary<string, string> structNames)
        {
            if (managed.StartsWith("ref ", StringComparison.Ordinal)) return "ref " + Shape(managed.Substring(4), marshal, unicode, structNames);
            string Text(string kind) => (marshal == NativeLPWStr || (marshal == null && unicode) ? "utf16-" : marshal == NativeLPStr || marshal == null ? "ansi-" : "other-") + kind;
            switch (managed)
            {
                case "string": return Text("string");
                case "char[]": return Text("chars");
                case "System.Text.StringBuilder": return Text("buffer");
                case "bool": return marshal == null || marshal == NativeBool ? "win32-bool" : marshal == NativeI1 || marshal == NativeU1 ? "byte-bool" : marshal == NativeVariantBool ? "variant-bool" : "other-bool";
                case "intptr": case "uintptr": return "pointer";
                case "byte[]": return "byte-array";
                case "int32": case "uint32": case "int16": case "uint16": case "int64": case "uint64": case "void": return managed;
                default:
                    if (structNames.TryGetValue(managed, out var c)) return "struct:" + c;
                    // A COM interface (marshalled as its interface pointer) goes by its simple name, as the header names it.
                    var simple = managed.Substring(managed.LastIndexOf('.') + 1);
                    return simple.Length > 1 && simple[0] == 'I' && char.IsUpper(simple[1]) ? "interface:" + simple : "unlisted:" + managed;
            }
        }

        public static byte? Marshal(MetadataReader reader, BlobHandle descriptor) =>
            descriptor.IsNil ? null : reader.GetBlobReader(descriptor).ReadByte();

        public static bool IsUnicode(MethodImportAttributes attributes) => (attributes & MethodImportAttributes.CharSetMask) == MethodImportAttributes.CharSetUnicode;

        public static bool IsUnicode(TypeAttributes attributes) => (attributes & TypeAttributes.StringFormatMask) == TypeAttributes.UnicodeClass;

        public static bool ConventionMatches(string listed, MethodImportAttributes attributes)
        {
            var convention = attributes & MethodImportAttributes.CallingConventionMask;
            return listed switch
            {
                "winapi" => convention == MethodImportAttributes.CallingConventionWinApi || convention == MethodImportAttributes.CallingConventionStdCall,
                // WinApi is the platform's default, cdecl on the Linux these libraries exist on.
                "cdecl" => convention == MethodImportAttributes.CallingConventionCDecl || convention == MethodImportAttributes.CallingConventionWinApi,
                _ => false,
            };
        }
    }
}
