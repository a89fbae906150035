using System;
using System.IO;
using System.Runtime.InteropServices;
using SecureMFA.Core.Native;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// Where the staged module keeps things (bin/&lt;framework&gt;/ with this assembly, adapter/, native/, sql/, ad-schema/),
    /// and where the installer puts things on the server (%ProgramData%\SecureMFA_OTP, %ProgramFiles%\SecureMFA OTP).
    /// </summary>
    public static class ModulePaths
    {
        /// <summary>The module folder: two levels above bin/&lt;framework&gt;/SecureMFA.Cmdlets.dll.</summary>
        public static string ModuleBase =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(ModulePaths).Assembly.Location)!, "..", ".."));

        /// <summary>The net472 adapter and every assembly it loads, as installed in the GAC.</summary>
        public static string AdapterFolder => Path.Combine(ModuleBase, "adapter");

        public const string AdapterAssemblyFile = "SecureMFA.Adapter.dll";
        public const string AdapterTypeName = "SecureMFA.Adapter.OtpAuthenticationAdapter";
        public const string AdapterMetadataTypeName = "SecureMFA.Adapter.AdapterMetadata";
        public const string ProviderName = "SecureMfaOtpProvider";

        public const string ConfigurationVariable = "SECUREMFA_OTP_CONFIGURATION";
        /// <summary>The same override Core's loader honours (<see cref="NativeSqliteFolders"/>): one contract, one name.</summary>
        public const string NativeFolderVariable = NativeSqliteFolders.OverrideVariable;

        /// <summary>
        /// The Windows runtime identifier of the native SQLite library AD FS needs: the operating system's architecture,
        /// because AD FS runs as a native (64-bit) service whatever the bitness of the PowerShell that installs it.
        /// </summary>
        public static string NativeRuntimeIdentifier
        {
            get
            {
                switch (RuntimeInformation.OSArchitecture)
                {
                    case Architecture.X86: return "win-x86";
                    case Architecture.Arm64: return "win-arm64";
                    case Architecture.Arm: return "win-arm";
                    default: return "win-x64";
                }
            }
        }

        /// <summary>The module's native libraries for one runtime: native/&lt;rid&gt;/ (e.g. native/win-x64/e_sqlite3.dll).</summary>
        public static string ModuleNativeFolder(string rid) => Path.Combine(ModuleBase, "native", rid);

        /// <summary>
        /// The fixed folder the adapter loads its native libraries from: %ProgramFiles%\SecureMFA OTP\native (the GAC cannot hold
        /// native files). SECUREMFA_OTP_NATIVE_DIR replaces this folder (tests).
        /// </summary>
        public static string NativeRoot
        {
            get
            {
                var overridden = Environment.GetEnvironmentVariable(NativeFolderVariable);
                return !string.IsNullOrEmpty(overridden) ? overridden! : Path.Combine(ProgramFiles, NativeSqliteFolders.InstalledProductFolder, "native");
            }
        }

        /// <summary>
        /// %ProgramData%\SecureMFA_OTP: the configuration copy and the record of what Install put on this server.
        /// The ProgramData environment variable is read first, so tests can point it at a temporary folder.
        /// </summary>
        public static string StateFolder => Path.Combine(FromEnvironment("ProgramData", Environment.SpecialFolder.CommonApplicationData), "SecureMFA_OTP");

        /// <summary>
        /// Where Install-SecureMfaOtpProvider keeps the registered configuration, and where support cmdlets look by default:
        /// %ProgramData%\SecureMFA_OTP\SecureMfaOtpProvider.json, or the path in SECUREMFA_OTP_CONFIGURATION.
        /// </summary>
        public static string DefaultConfigurationFile
        {
            get
            {
                var overridden = Environment.GetEnvironmentVariable(ConfigurationVariable);
                return !string.IsNullOrEmpty(overridden) ? overridden! : Path.Combine(StateFolder, "SecureMfaOtpProvider.json");
            }
        }

        /// <summary>
        /// The 64-bit Program Files folder, where the 64-bit AD FS service looks, even from a 32-bit PowerShell
        /// (whose %ProgramFiles% is "Program Files (x86)").
        /// </summary>
        private static string ProgramFiles
        {
            get
            {
                var native = Environment.GetEnvironmentVariable("ProgramW6432");
                var folder = !string.IsNullOrEmpty(native) ? native! : FromEnvironment("ProgramFiles", Environment.SpecialFolder.ProgramFiles);
                // Never fall back to a path relative to the current directory.
                if (string.IsNullOrEmpty(folder))
                    throw new InvalidOperationException($"This system has no Program Files folder: set {NativeFolderVariable} to the folder for the native libraries.");
                return folder;
            }
        }

        private static string FromEnvironment(string variable, Environment.SpecialFolder fallback)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            return !string.IsNullOrEmpty(value) ? value! : Environment.GetFolderPath(fallback);
        }
    }
}
