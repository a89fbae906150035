using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using Xunit;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// The net472 payload binds by strong name, as AD FS (from the GAC) and Windows PowerShell 5.1 (no binding
    /// redirects for our assemblies) bind: every reference must name exactly the version and key of a file we ship,
    /// or an assembly .NET Framework provides, or one the host itself supplies.
    /// </summary>
    public class PayloadReferenceClosureTests
    {
        /// <summary>Supplied by the process that loads the folder, never shipped: AD FS, Windows PowerShell.</summary>
        private static readonly Dictionary<string, string[]> HostSupplied = new Dictionary<string, string[]>
        {
            ["adapter"] = new[] { "Microsoft.IdentityServer.Web, Version=10.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35" },
            ["bin/net472"] = new[] { "System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35" },
        };

        public static IEnumerable<object[]> Net472Folders() => HostSupplied.Keys.Select(k => new object[] { k });

        private static List<AssemblyFacts> Shipped(string folder)
        {
            var path = StagedModule.Path(folder.Split('/'));
            Assert.True(Directory.Exists(path), $"{path} is not staged: build the solution first");
            return Directory.GetFiles(path, "*.dll").Select(AssemblyFacts.Read).ToList();
        }

        [Theory]
        [MemberData(nameof(Net472Folders))]
        public void EveryShippedAssemblyIsStrongNameSigned(string folder)
        {
            var shipped = Shipped(folder);
            Assert.Contains(shipped, a => a.Name.Name == "SecureMFA.Core");
            var unsigned = shipped.Where(a => a.Token.Length != 16 || !a.StrongNameSigned).Select(a => System.IO.Path.GetFileName(a.Path)).ToList();
            Assert.True(unsigned.Count == 0, $"{folder}: not strong-name signed, so not GAC-installable: {string.Join(", ", unsigned)}");
        }

        [Theory]
        [MemberData(nameof(Net472Folders))]
        public void EveryReferenceResolvesToExactlyTheShippedIdentityOrTheFrameworkOrTheHost(string folder)
        {
            var shipped = Shipped(folder).ToDictionary(a => a.Name.Name!, StringComparer.OrdinalIgnoreCase);
            var problems = new List<string>();
            foreach (var assembly in shipped.Values)
                foreach (var reference in assembly.References)
                {
                    if (shipped.TryGetValue(reference.Name!, out var target))
                    {
                        if (target.Name.FullName != reference.FullName)
                            problems.Add($"{assembly.Name.Name} references {reference.FullName}, but {folder} ships {target.Name.FullName}");
                    }
                    else if (!NetFrameworkAssemblies.Provides(reference) && !HostSupplied[folder].Contains(reference.FullName))
                    {
                        problems.Add($"{assembly.Name.Name} references {reference.FullName}, which is neither shipped in {folder}, nor part of .NET Framework 4.7.2, nor supplied by the host");
                    }
                }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void AnAssemblyShippedInBothNet472FoldersIsTheSameFile()
        {
            // On an AD FS server Windows PowerShell finds the GAC copy of a strong-named assembly before the module's
            // own: one identity must therefore be one build, whichever folder it is read from.
            var adapter = Shipped("adapter").ToDictionary(a => a.Name.FullName);
            var cmdlets = Shipped("bin/net472");
            var shared = cmdlets.Where(a => adapter.ContainsKey(a.Name.FullName)).ToList();
            Assert.Contains(shared, a => a.Name.Name == "SecureMFA.Core");
            foreach (var assembly in shared)
                Assert.True(Hash(assembly.Path) == Hash(adapter[assembly.Name.FullName].Path), $"{assembly.Name.FullName} differs between adapter/ and bin/net472/");
            var sameNameOtherIdentity = cmdlets.Where(a => !adapter.ContainsKey(a.Name.FullName) && adapter.Values.Any(b => b.Name.Name == a.Name.Name)).Select(a => a.Name.FullName).ToList();
            Assert.True(sameNameOtherIdentity.Count == 0, "shipped in two versions: " + string.Join(", ", sameNameOtherIdentity));
        }

        private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
    }
}
