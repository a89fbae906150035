using System;
using System.IO;
using System.Linq;
using Xunit;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// The staged module copied once into a temp folder of its own, for every test that imports it into this process.
    /// Once, because .NET loads an assembly name once per load context: the first import decides, for the whole test run,
    /// which folder SecureMFA.Cmdlets, SecureMFA.Core and every dependency they resolve come from. A second copy would be
    /// imported in name only, and deleting the first one under a later test would pull the files from under it.
    /// </summary>
    public sealed class CopiedStagedModule : IDisposable
    {
        public CopiedStagedModule()
        {
            Root = Directory.CreateTempSubdirectory("securemfa-staged-").FullName;
            Folder = Path.Combine(Root, "SecureMFA_OTP");
            foreach (var file in Directory.GetFiles(StagedModule.Folder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Folder, Path.GetRelativePath(StagedModule.Folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        /// <summary>The temp folder that holds the copy; tests put their configuration files and databases beside it.</summary>
        public string Root { get; }

        public string Folder { get; }

        public string Manifest => Path.Combine(Folder, "SecureMFA_OTP.psd1");

        public string PathOf(params string[] parts) => Path.Combine(new[] { Folder }.Concat(parts).ToArray());

        /// <summary>
        /// Fails unless nothing in this test host's own folder, nor its deps.json, could stand in for the module's copy
        /// of an assembly: then the module's files are the only ones this process can load under that name.
        /// </summary>
        public static void AssertTheHostCarriesNo(string assemblyName)
        {
            var hostFiles = Directory.GetFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
            Assert.DoesNotContain(hostFiles, f => f!.StartsWith(assemblyName, StringComparison.OrdinalIgnoreCase));
            foreach (var deps in Directory.GetFiles(AppContext.BaseDirectory, "*.deps.json"))
                Assert.DoesNotContain(assemblyName, File.ReadAllText(deps), StringComparison.OrdinalIgnoreCase);
        }

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); }
            catch (IOException) { /* a loaded native library may still be mapped; a temp folder left behind is harmless */ }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The tests that import the staged module into this process: one copy for all of them, run one after another.</summary>
    [CollectionDefinition(Name)]
    public sealed class StagedModuleCollection : ICollectionFixture<CopiedStagedModule>
    {
        public const string Name = "staged module imported into this process";
    }
}
