#if NETFRAMEWORK
using System;
using System.Runtime.InteropServices;

namespace SecureMFA.Core.Native
{
    /// <summary>
    /// Mono (the .NET Framework build on Linux, as the GAC tests run it): dlopen by full path, so a file that cannot
    /// load is reported here, then a global dllmap entry sends every DllImport of the name to that file. Mono's own
    /// search would not find it: the library has no SONAME, so dlopen by name does not match the loaded copy.
    /// </summary>
    internal static class MonoDllMap
    {
        private const int RtldNow = 2;

        public static bool IsMono => Type.GetType("Mono.Runtime") != null;

        public static void Map(string libraryName, string fullPath)
        {
            if (dlopen(fullPath, RtldNow) == IntPtr.Zero)
                throw new DllNotFoundException(Marshal.PtrToStringAnsi(dlerror()) ?? "dlopen failed");
            mono_dllmap_insert(IntPtr.Zero, libraryName, null, fullPath, null);
        }

        [DllImport("libdl.so.2")]
        private static extern IntPtr dlopen([MarshalAs(UnmanagedType.LPStr)] string fileName, int flags);

        [DllImport("libdl.so.2")]
        private static extern IntPtr dlerror();

        // Mono's embedding API, exported by the mono executable itself. A null image makes the mapping global.
        [DllImport("__Internal")]
        private static extern void mono_dllmap_insert(IntPtr image, [MarshalAs(UnmanagedType.LPStr)] string dll,
            [MarshalAs(UnmanagedType.LPStr)] string? func, [MarshalAs(UnmanagedType.LPStr)] string tdll,
            [MarshalAs(UnmanagedType.LPStr)] string? tfunc);
    }
}
#endif
