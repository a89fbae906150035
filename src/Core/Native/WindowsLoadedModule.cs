#if NETFRAMEWORK
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace SecureMFA.Core.Native
{
    /// <summary>
    /// .NET Framework on Windows: LoadLibraryEx by full path. A later DllImport("e_sqlite3") asks Windows for
    /// "e_sqlite3.dll" without a path, and Windows returns the module of that name already loaded in the process.
    /// The module stays loaded for the life of the process, as a DllImport'ed library would.
    /// </summary>
    internal static class WindowsLoadedModule
    {
        // Dependencies from the DLL's own folder, then the system's default folders: never the current folder or PATH.
        private const uint LoadLibrarySearchDllLoadDir = 0x00000100;
        private const uint LoadLibrarySearchDefaultDirs = 0x00001000;

        public static void Load(string fullPath)
        {
            if (LoadLibraryExW(fullPath, IntPtr.Zero, LoadLibrarySearchDllLoadDir | LoadLibrarySearchDefaultDirs) == IntPtr.Zero)
                throw new Win32Exception(Marshal.GetLastWin32Error());
        }

        [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryExW(string lpLibFileName, IntPtr hFile, uint dwFlags);
    }
}
#endif
