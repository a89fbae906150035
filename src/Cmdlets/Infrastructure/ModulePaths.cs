using System;
using System.IO;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>Where the staged module keeps things: bin/&lt;framework&gt;/ (this assembly), adapter/, sql/, ad-schema/.</summary>
    public static class ModulePaths
    {
        /// <summary>The module folder: two levels above bin/&lt;framework&gt;/SecureMFA.Cmdlets.dll.</summary>
        public static string ModuleBase =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(ModulePaths).Assembly.Location)!, "..", ".."));

        /// <summary>The net472 adapter and every assembly it loads, as installed in the GAC.</summary>
        public static string AdapterFolder => Path.Combine(ModuleBase, "adapter");

        public const string AdapterAssemblyFile = "SecureMFA.Adapter.dll";
        public const string AdapterTypeName = "SecureMFA.Adapter.OtpAuthenticationAdapter";
        public const string ProviderName = "SecureMfaOtpProvider";

        public const string ConfigurationVariable = "SECUREMFA_OTP_CONFIGURATION";

        /// <summary>
        /// Where Install-SecureMfaOtpProvider keeps the registered configuration, and where support cmdlets look by default:
        /// %ProgramData%\SecureMFA_OTP\SecureMfaOtpProvider.json, or the path in SECUREMFA_OTP_CONFIGURATION.
        /// </summary>
        public static string DefaultConfigurationFile
        {
            get
            {
                var overridden = Environment.GetEnvironmentVariable(ConfigurationVariable);
                return !string.IsNullOrEmpty(overridden) ? overridden!
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "SecureMFA_OTP", "SecureMfaOtpProvider.json");
            }
        }
    }
}
