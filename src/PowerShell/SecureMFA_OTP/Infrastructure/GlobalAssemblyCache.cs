using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

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

        public void Install(string path)
        {
            // The last gate, whatever the caller checked: AD FS's assemblies come with AD FS (our build compiles against
            // a reference copy of one), and a copy of ours in the GAC would shadow the real one.
            var name = AssemblyName.GetAssemblyName(path);
            if (IsAdfsOwn(name)) throw new InvalidOperationException($"{name.FullName} is AD FS's own assembly: it is never put into the GAC by this module.");
            PlatformCommands.Invoke(_cmdlet, InstallCommand, new Hashtable { ["Path"] = path });
        }

        /// <summary>Microsoft.IdentityServer and Microsoft.IdentityServer.*: what AD FS itself ships.</summary>
        public static bool IsAdfsOwn(AssemblyName name) =>
            string.Equals(name.Name, "Microsoft.IdentityServer", StringComparison.OrdinalIgnoreCase) ||
            (name.Name ?? "").StartsWith("Microsoft.IdentityServer.", StringComparison.OrdinalIgnoreCase);

        public void Remove(string fullName) => PlatformCommands.Invoke(_cmdlet, RemoveCommand, new Hashtable { ["AssemblyName"] = fullName });
    }
}
