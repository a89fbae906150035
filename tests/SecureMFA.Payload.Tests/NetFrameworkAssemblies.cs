using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// The assemblies .NET Framework 4.7.2 itself provides, from its reference assemblies (the package the net472
    /// build compiles against): a reference to one of these, with its public key token and at most its version, is
    /// satisfied by the framework on every AD FS server and needs no shipping.
    /// </summary>
    public static class NetFrameworkAssemblies
    {
        private static readonly Lazy<Dictionary<string, AssemblyName>> ByName = new Lazy<Dictionary<string, AssemblyName>>(Load);

        public static string Folder
        {
            get
            {
                var pack = Path.Combine(StagedModule.NuGetPackageRoot, "microsoft.netframework.referenceassemblies.net472");
                var folder = Directory.Exists(pack)
                    ? Directory.GetDirectories(pack).Select(v => Path.Combine(v, "build", ".NETFramework", "v4.7.2")).Where(Directory.Exists)
                        .OrderByDescending(v => Version.TryParse(new DirectoryInfo(v).Parent!.Parent!.Parent!.Name, out var version) ? version : new Version())
                        .FirstOrDefault()
                    : null;
                return folder ?? throw new InvalidOperationException($"The .NET Framework 4.7.2 reference assemblies are not under {pack}: build the solution first.");
            }
        }

        public static bool Provides(AssemblyName reference) =>
            ByName.Value.TryGetValue(reference.Name!, out var framework)
            && AssemblyFacts.TokenOf(framework) == AssemblyFacts.TokenOf(reference)
            && framework.Version >= reference.Version;

        private static Dictionary<string, AssemblyName> Load()
        {
            var names = new Dictionary<string, AssemblyName>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in Directory.GetFiles(Folder, "*.dll").Concat(Directory.GetFiles(Path.Combine(Folder, "Facades"), "*.dll")))
            {
                try
                {
                    var name = AssemblyName.GetAssemblyName(file);
                    names[name.Name!] = name;
                }
                catch (BadImageFormatException)
                {
                    // A few files in the pack are not assemblies (native helpers); nothing can reference them.
                }
            }
            return names;
        }
    }
}
