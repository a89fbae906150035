using System.Collections.Generic;
using System.IO;
using SecureMFA.Core.Stores;

namespace SecureMFA.Core.Native
{
    /// <summary>
    /// Loads the native SQLite library by full path, for this operating system and architecture, from the first of
    /// <see cref="NativeSqliteFolders"/> that holds it, and binds SQLitePCLRaw's DllImport("e_sqlite3") to that very
    /// file. Nothing depends on the process's own folder or search path: AD FS loads Core from the GAC and PowerShell
    /// loads the module from wherever it lives, and neither searches there for native libraries.
    /// </summary>
    public static class NativeSqliteLibrary
    {
        /// <summary>The library name SQLitePCLRaw.provider.e_sqlite3 imports.</summary>
        public const string LibraryName = "e_sqlite3";

        private static readonly object Gate = new object();
        private static string? _loadedFrom;

        /// <summary>Full path of the library loaded in this process, or null before the first SQLite store is opened.</summary>
        public static string? LoadedFrom
        {
            get { lock (Gate) return _loadedFrom; }
        }

        /// <summary>
        /// Loads and binds the library once per process and returns its full path. A failure is not remembered, so a
        /// later call (after the files were installed) tries again.
        /// </summary>
        /// <exception cref="StoreUnavailableException">No folder holds the library, or it cannot be loaded.</exception>
        public static string EnsureLoaded()
        {
            lock (Gate)
            {
                if (_loadedFrom != null) return _loadedFrom;
                var rid = NativeRuntimeId.Current;
                var path = Locate(rid, NativeSqliteFolders.ForThisProcess(rid));
                NativeLibraryBinding.Bind(LibraryName, path, typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly);
                return _loadedFrom = path;
            }
        }

        /// <summary>The library file in the first folder that holds it; the error names every folder tried, in order.</summary>
        /// <exception cref="StoreUnavailableException">No folder holds the library.</exception>
        public static string Locate(string rid, IReadOnlyList<NativeFolder> folders)
        {
            var file = NativeSqliteFolders.FileName(rid);
            foreach (var folder in folders)
            {
                var path = Path.Combine(folder.Path, file);
                if (File.Exists(path)) return path;
            }
            throw new StoreUnavailableException(
                $"The SQLite store needs the native library {file} for {rid}, and none of these folders holds it (searched in this order): " +
                (folders.Count == 0 ? "(none)" : string.Join("; ", folders)) +
                $". Install-SecureMfaOtpProvider installs it to %ProgramFiles%\\{NativeSqliteFolders.InstalledProductFolder}\\native\\<rid>; " +
                $"the module ships it in native\\<rid>; {NativeSqliteFolders.OverrideVariable} names another parent folder.");
        }
    }
}
