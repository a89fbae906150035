using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace SecureMFA.Cmdlets.Infrastructure
{
    /// <summary>
    /// This server's Global Assembly Cache, through the module's three functions (the seam): find the file the GAC holds
    /// for a full assembly name, install a file (replacing the same identity), and remove a full assembly name.
    /// </summary>
    public sealed class GlobalAssemblyCache
    {
        public const string FindCommand = "Find-SecureMfaOtpGacAssembly";
        public const string InstallCommand = "Install-SecureMfaOtpGacAssembly";
        public const string RemoveCommand = "Uninstall-SecureMfaOtpGacAssembly";
        private readonly PSCmdlet _cmdlet;

        public GlobalAssemblyCache(PSCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>The path of the GAC's file for exactly this full name, or null when the GAC does not hold it.</summary>
        public string? Find(string fullName)
        {
            var found = PlatformCommands.Invoke(_cmdlet, FindCommand, new Hashtable { ["AssemblyName"] = fullName }).FirstOrDefault();
            var path = found?.BaseObject?.ToString();
            return string.IsNullOrEmpty(path) ? null : path;
        }

        public void Install(string path) => PlatformCommands.Invoke(_cmdlet, InstallCommand, new Hashtable { ["Path"] = path });

        public void Remove(string fullName) => PlatformCommands.Invoke(_cmdlet, RemoveCommand, new Hashtable { ["AssemblyName"] = fullName });
    }
}
