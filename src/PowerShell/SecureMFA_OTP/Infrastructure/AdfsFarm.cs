using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// The AD FS farm and this server's AD FS service as the install cmdlets see them, through the AD FS module's cmdlets,
    /// the service cmdlets and the module's event-source and file-protection functions (the platform seam).
    /// </summary>
    public sealed class AdfsFarm
    {
        public const string ServiceName = "adfssrv";
        public static readonly string[] PolicyLists = { "AdditionalAuthenticationProvider", "PrimaryIntranetAuthenticationProvider", "PrimaryExtranetAuthenticationProvider" };
        private readonly PSCmdlet _cmdlet;

        public AdfsFarm(PSCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>The full strong name AD FS loads the adapter by, read from the staged net472 adapter.</summary>
        public static string AdapterTypeName()
        {
            var path = Path.Combine(ModulePaths.AdapterFolder, ModulePaths.AdapterAssemblyFile);
            if (!File.Exists(path)) throw new FileNotFoundException($"The adapter {path} is missing from the module: reinstall the module.", path);
            return ModulePaths.AdapterTypeName + ", " + AssemblyName.GetAssemblyName(path).FullName;
        }

        /// <summary>How many servers the farm has (Get-AdfsFarmInformation, FarmNodes).</summary>
        public int NodeCount()
        {
            var info = PlatformCommands.Invoke(_cmdlet, "Get-AdfsFarmInformation").FirstOrDefault();
            var value = info?.Properties["FarmNodes"]?.Value;
            var nodes = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (nodes == null) return 0;
            return nodes is IEnumerable many && !(nodes is string) ? many.Cast<object>().Count() : 1;
        }

        /// <summary>In a WID farm only the primary computer can change the configuration.</summary>
        public string? SyncRole()
        {
            var properties = PlatformCommands.Invoke(_cmdlet, "Get-AdfsSyncProperties").FirstOrDefault();
            return properties?.Properties["Role"]?.Value?.ToString();
        }

        public bool IsRegistered() => Registered() != null;

        /// <summary>Our provider as Get-AdfsAuthenticationProvider shows it (with what AD FS kept from its metadata), or null.</summary>
        public PSObject? Registered() =>
            PlatformCommands.Invoke(_cmdlet, "Get-AdfsAuthenticationProvider")
                .FirstOrDefault(p => string.Equals(p.Properties["Name"]?.Value?.ToString(), ModulePaths.ProviderName, System.StringComparison.OrdinalIgnoreCase));

        public void Register(string configurationFile) => PlatformCommands.Invoke(_cmdlet, "Register-AdfsAuthenticationProvider", new Hashtable
        {
            ["TypeName"] = AdapterTypeName(),
            ["Name"] = ModulePaths.ProviderName,
            ["ConfigurationFilePath"] = configurationFile,
        });

        public void ImportConfiguration(string configurationFile) => PlatformCommands.Invoke(_cmdlet, "Import-AdfsAuthenticationProviderConfigurationData", new Hashtable
        {
            ["Name"] = ModulePaths.ProviderName,
            ["FilePath"] = configurationFile,
        });

        public void Unregister() => PlatformCommands.Invoke(_cmdlet, "Unregister-AdfsAuthenticationProvider", new Hashtable
        {
            ["Name"] = ModulePaths.ProviderName,
            ["Confirm"] = false,
        });

        /// <summary>The providers in one global policy list (AdditionalAuthenticationProvider, …).</summary>
        public List<string> PolicyList(string list)
        {
            var policy = PlatformCommands.Invoke(_cmdlet, "Get-AdfsGlobalAuthenticationPolicy").FirstOrDefault();
            var value = policy?.Properties[list]?.Value;
            var items = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (items is string single) return new List<string> { single };
            return items is IEnumerable many ? many.Cast<object>().Select(o => o.ToString()!).ToList() : new List<string>();
        }

        public void SetPolicyList(string list, List<string> providers) =>
            PlatformCommands.Invoke(_cmdlet, "Set-AdfsGlobalAuthenticationPolicy", new Hashtable { [list] = providers.ToArray() });

        /// <summary>Registers "Secure MFA OTP" in the Application log; says what it did (Registered, Unchanged, Moved from ...).</summary>
        public string RegisterEventSource() =>
            PlatformCommands.Invoke(_cmdlet, "Register-SecureMfaOtpEventSource").FirstOrDefault()?.ToString() ?? "Registered";

        /// <summary>Makes the configuration copy (it holds the passphrase) readable only by SYSTEM, Administrators and the AD FS service account.</summary>
        public void ProtectConfigurationFile(string path) =>
            PlatformCommands.Invoke(_cmdlet, "Protect-SecureMfaOtpConfigurationFile", new Hashtable { ["Path"] = path });

        /// <summary>Has Windows delete a file or an empty folder at the next restart (MoveFileEx, MOVEFILE_DELAY_UNTIL_REBOOT).</summary>
        public void DeleteAtRestart(string path) =>
            PlatformCommands.Invoke(_cmdlet, "Remove-SecureMfaOtpFileAtRestart", new Hashtable { ["Path"] = path });

        public void StopService() => PlatformCommands.Invoke(_cmdlet, "Stop-Service", new Hashtable { ["Name"] = ServiceName, ["Force"] = true });

        public void StartService() => PlatformCommands.Invoke(_cmdlet, "Start-Service", new Hashtable { ["Name"] = ServiceName });

        public void RestartService() => PlatformCommands.Invoke(_cmdlet, "Restart-Service", new Hashtable { ["Name"] = ServiceName, ["Force"] = true });
    }
}
