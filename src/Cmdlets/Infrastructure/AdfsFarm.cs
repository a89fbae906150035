using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>The AD FS farm as the install cmdlets see it, through the AD FS module's cmdlets (the platform seam).</summary>
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

        /// <summary>The assemblies the GAC must hold: the adapter and everything it loads.</summary>
        public static IReadOnlyList<string> AdapterAssemblies() =>
            Directory.GetFiles(ModulePaths.AdapterFolder, "*.dll").OrderBy(f => f, System.StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>In a WID farm only the primary computer can change the configuration.</summary>
        public string? SyncRole()
        {
            var properties = PlatformCommands.Invoke(_cmdlet, "Get-AdfsSyncProperties").FirstOrDefault();
            return properties?.Properties["Role"]?.Value?.ToString();
        }

        public bool IsRegistered() =>
            PlatformCommands.Invoke(_cmdlet, "Get-AdfsAuthenticationProvider")
                .Any(p => string.Equals(p.Properties["Name"]?.Value?.ToString(), ModulePaths.ProviderName, System.StringComparison.OrdinalIgnoreCase));

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

        public void InstallInGac(string path) => PlatformCommands.Invoke(_cmdlet, "Install-SecureMfaOtpGacAssembly", new Hashtable { ["Path"] = path });

        public void RemoveFromGac(string path) => PlatformCommands.Invoke(_cmdlet, "Uninstall-SecureMfaOtpGacAssembly", new Hashtable { ["Path"] = path });

        public void RegisterEventSource() => PlatformCommands.Invoke(_cmdlet, "Register-SecureMfaOtpEventSource");

        public void RestartService() => PlatformCommands.Invoke(_cmdlet, "Restart-Service", new Hashtable { ["Name"] = ServiceName, ["Force"] = true });
    }
}
