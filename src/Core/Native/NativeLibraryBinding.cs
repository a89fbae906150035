using System;
using System.Reflection;
using SecureMFA.Core.Stores;

namespace SecureMFA.Core.Native
{
    /// <summary>
    /// Makes a DllImport of one library name in one assembly resolve to a file loaded by full path. Each runtime has
    /// its own means: .NET's per-assembly DllImport resolver; on .NET Framework for Windows, a module already loaded
    /// is found again by its file name; Mono (the .NET Framework build on Linux, used by the GAC tests) maps the name.
    /// </summary>
    internal static class NativeLibraryBinding
    {
        /// <exception cref="StoreUnavailableException">The file cannot be loaded into this process.</exception>
        public static void Bind(string libraryName, string fullPath, Assembly importingAssembly)
        {
            try
            {
#if NETFRAMEWORK
                if (Environment.OSVersion.Platform == PlatformID.Win32NT) WindowsLoadedModule.Load(fullPath);
                else if (MonoDllMap.IsMono) MonoDllMap.Map(libraryName, fullPath);
                else throw new PlatformNotSupportedException("The .NET Framework build loads native libraries on Windows or on Mono only.");
#else
                DllImportResolverBinding.Bind(libraryName, fullPath, importingAssembly);
#endif
            }
            catch (Exception ex) when (!(ex is StoreUnavailableException))
            {
                throw new StoreUnavailableException($"The native SQLite library {fullPath} cannot be loaded: {ex.Message}", ex);
            }
        }
    }
}
