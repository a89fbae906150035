#if !NETFRAMEWORK
using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// PowerShell 7: loads the assemblies this module ships and nothing else provides from the module's own bin/net10.0,
    /// the build for the running operating system first (runtimes/&lt;rid&gt;/lib), and answers those builds' native imports
    /// from runtimes/&lt;os&gt;-&lt;arch&gt;/native.
    /// Why: Microsoft.Data.SqlClient (MSSQL mode) and System.DirectoryServices.Protocols (AD mode) have one build per
    /// operating system, and their portable build only throws PlatformNotSupportedException. An application's deps.json
    /// picks the right build; PowerShell reads only its own deps.json, never a module's, and .NET's fallback for a module
    /// looks only beside the assembly that asks (Assembly.LoadFrom's). So the module ships the real builds under runtimes/
    /// and no portable copy beside SecureMFA.Core.dll (so none can be picked, whichever handler runs first), and this
    /// resolver loads them. It answers the load context's Resolving event, which .NET raises only for an assembly that
    /// neither the host (.NET, PowerShell and what PowerShell carries) nor an earlier handler provided: a copy PowerShell
    /// carries still wins, as it must, since a load context holds one assembly per name (PowerShell 7.6 carries
    /// System.DirectoryServices.Protocols itself, but no Microsoft.Data.SqlClient).
    /// </summary>
    internal sealed class ModuleDependencyResolver
    {
        private static readonly object Gate = new object();
        private static ModuleDependencyResolver? _registered;

        private readonly string _folder;
        private readonly string[] _osBuildFolders;
        private readonly string _nativeFolder;

        private ModuleDependencyResolver(string folder)
        {
            _folder = folder;
            var runtimeIds = OsRuntimeIds();
            _osBuildFolders = Array.ConvertAll(runtimeIds, rid => Path.Combine(folder, "runtimes", rid, "lib"));
            var architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            _nativeFolder = Path.Combine(folder, "runtimes", runtimeIds[0] + "-" + architecture, "native");
        }

        /// <summary>Starts answering the load context that loaded this module, once per process; every later call does nothing.</summary>
        public static void Register()
        {
            lock (Gate)
            {
                if (_registered != null) return;
                var self = typeof(ModuleDependencyResolver).Assembly;
                // Loaded from bytes, the module has no folder of its own to load anything from.
                if (self.Location.Length == 0) return;
                _registered = new ModuleDependencyResolver(Path.GetDirectoryName(self.Location)!);
                // PowerShell loads modules into the default context; a loader that isolates the module in a context of its
                // own gets the same answers there.
                (AssemblyLoadContext.GetLoadContext(self) ?? AssemblyLoadContext.Default).Resolving += _registered.Resolve;
            }
        }

        private Assembly? Resolve(AssemblyLoadContext context, AssemblyName requested)
        {
            // Satellite resource assemblies: the module ships none, and their culture folders are not ours to guess.
            if (requested.Name == null || !string.IsNullOrEmpty(requested.CultureName)) return null;
            foreach (var folder in _osBuildFolders)
            {
                var path = Path.Combine(folder, requested.Name + ".dll");
                if (!Satisfies(path, requested)) continue;
                var build = context.LoadFromAssemblyPath(path);
                AnswerNativeImports(build);
                return build;
            }
            // The portable assemblies beside this one, which the OS builds above depend on (SqlClient's logging, identity
            // and caching libraries): .NET's own fallback serves them only to an assembly loaded with Assembly.LoadFrom.
            var portable = Path.Combine(_folder, requested.Name + ".dll");
            return Satisfies(portable, requested) ? context.LoadFromAssemblyPath(portable) : null;
        }

        /// <summary>The file exists and holds the requested assembly, in the requested version or a later one (what .NET accepts).</summary>
        private static bool Satisfies(string path, AssemblyName requested)
        {
            if (!File.Exists(path)) return false;
            var found = AssemblyName.GetAssemblyName(path);
            return string.Equals(found.Name, requested.Name, StringComparison.OrdinalIgnoreCase)
                && (requested.Version == null || (found.Version != null && found.Version >= requested.Version));
        }

        /// <summary>
        /// Only on the OS builds: a portable assembly may have its own resolver set later by its owner (Core binds SQLite's
        /// native library that way), and an assembly takes one resolver only.
        /// </summary>
        private void AnswerNativeImports(Assembly build)
        {
            try { NativeLibrary.SetDllImportResolver(build, LoadNative); }
            catch (InvalidOperationException) { /* set already, by this resolver on another thread that loaded the same build */ }
        }

        /// <summary>
        /// A native library this module ships for this OS and architecture, by full path: on Windows SqlClient imports
        /// "Microsoft.Data.SqlClient.SNI.dll", which neither the assembly's own folder nor the process's search path holds.
        /// Any other name (the system's own libraries: kernel32, wldap32, libldap) is left to .NET's default search.
        /// </summary>
        private IntPtr LoadNative(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
        {
            var path = Path.Combine(_nativeFolder, libraryName);
            return File.Exists(path) ? NativeLibrary.Load(path) : IntPtr.Zero;
        }

        /// <summary>The runtimes/&lt;rid&gt; folders for this OS, most specific first, in the order of NuGet's runtime graph.</summary>
        private static string[] OsRuntimeIds()
        {
            if (OperatingSystem.IsWindows()) return new[] { "win" };
            if (OperatingSystem.IsLinux()) return new[] { "linux", "unix" };
            if (OperatingSystem.IsMacOS()) return new[] { "osx", "unix" };
            return new[] { "unix" };
        }
    }

    /// <summary>
    /// PowerShell 7 calls OnImport when it imports this assembly as a module, before any cmdlet runs: the moment to make the
    /// module's OS-specific dependencies loadable (<see cref="ModuleDependencyResolver"/>). Windows PowerShell 5.1 loads the
    /// net472 build, whose SQL and LDAP clients are part of .NET Framework, so that build has no such class.
    /// </summary>
    public sealed class ModuleDependencyInitializer : IModuleAssemblyInitializer
    {
        public void OnImport() => ModuleDependencyResolver.Register();
    }
}
#endif
