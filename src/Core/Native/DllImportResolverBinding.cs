#if !NETFRAMEWORK
using System;
using System.Reflection;
using System.Runtime.InteropServices;

namespace SecureMFA.Core.Native
{
    /// <summary>
    /// .NET: loads the file by full path and answers the importing assembly's DllImport of that name with it. Loading
    /// first is not enough on Linux: the library has no SONAME, so a later dlopen("libe_sqlite3.so") does not find it.
    /// </summary>
    internal static class DllImportResolverBinding
    {
        public static void Bind(string libraryName, string fullPath, Assembly importingAssembly)
        {
            var handle = NativeLibrary.Load(fullPath);
            try
            {
                NativeLibrary.SetDllImportResolver(importingAssembly, (name, _, _) => name == libraryName ? handle : IntPtr.Zero);
            }
            catch (InvalidOperationException)
            {
                // The host set its own resolver for SQLitePCLRaw first: it decides, and the library loaded above
                // is still found by name on Windows. A failure then surfaces when the provider first calls SQLite.
            }
        }
    }
}
#endif
