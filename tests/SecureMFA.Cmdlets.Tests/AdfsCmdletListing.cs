using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecureMFA.Testing;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// contracts/adfs/adfs-cmdlets.txt: the real AD FS and service cmdlets' parameters (from Microsoft's reference
    /// documentation), and the param() blocks of the test stand-ins built from it, so that a stand-in takes exactly what
    /// the real cmdlet takes and a misspelt parameter fails to bind here as it would on Windows.
    /// </summary>
    public static class AdfsCmdletListing
    {
        private static readonly Lazy<Dictionary<string, List<(string Name, string Type)>>> Cmdlets = new Lazy<Dictionary<string, List<(string, string)>>>(Load);

        public static string Path => RepositoryPaths.Of("contracts/adfs/adfs-cmdlets.txt");

        public static IReadOnlyCollection<string> Names => Cmdlets.Value.Keys;

        /// <summary>The cmdlet's parameters as documented (name, documented type), common parameters excluded.</summary>
        public static IReadOnlyList<(string Name, string Type)> Parameters(string cmdlet) =>
            Cmdlets.Value.TryGetValue(cmdlet, out var parameters) ? parameters : throw new ArgumentException($"{cmdlet} is not in {Path}: list it (from Microsoft's reference page) before calling it");

        /// <summary>
        /// The stand-in's attribute and param() block. -WhatIf and -Confirm come from SupportsShouldProcess, as in a
        /// compiled cmdlet; types PowerShell here cannot name (ServiceController, AD FS enums) are taken as objects.
        /// </summary>
        public static string ParamBlock(string cmdlet)
        {
            var parameters = Parameters(cmdlet);
            var shouldProcess = parameters.Any(p => p.Name == "WhatIf") && parameters.Any(p => p.Name == "Confirm");
            var declared = parameters.Where(p => !shouldProcess || (p.Name != "WhatIf" && p.Name != "Confirm")).Select(p => $"[{PowerShellType(p.Type)}]${p.Name}");
            return $"[CmdletBinding({(shouldProcess ? "SupportsShouldProcess = $true" : "")})] param({string.Join(", ", declared)})";
        }

        public static string PowerShellType(string documented) => documented switch
        {
            "String" => "string",
            "String[]" => "string[]",
            "SwitchParameter" => "switch",
            "Boolean" => "bool",
            _ when documented.EndsWith("[]", StringComparison.Ordinal) => "object[]",
            _ => "object",
        };

        private static Dictionary<string, List<(string, string)>> Load()
        {
            var cmdlets = new Dictionary<string, List<(string, string)>>(StringComparer.OrdinalIgnoreCase);
            List<(string, string)>? current = null;
            foreach (var line in File.ReadAllLines(Path).Where(l => l.Trim().Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)))
            {
                var words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words[0] == "cmdlet") cmdlets.Add(words[1], current = new List<(string, string)>());
                else if (current == null) throw new FormatException($"{Path}: a parameter before any cmdlet: {line}");
                else if (words[0].StartsWith("-", StringComparison.Ordinal)) current.Add((words[0].Substring(1), words[1]));
            }
            return cmdlets;
        }
    }
}
