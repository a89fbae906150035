using System;
using System.IO;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// The module build's steps both modules go through (src/PowerShell/ModuleBuilder, compiled into this assembly): the
    /// version stamp, which takes only a source manifest carrying the placeholder, and the common loader put in at the
    /// one include line.
    /// </summary>
    public sealed class ModuleBuildStepTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("securemfa-module-build").FullName;

        public void Dispose() => Directory.Delete(_folder, true);

        private string Write(string name, string text)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        [Fact]
        public void TheStampWritesTheReleaseOverThePlaceholder()
        {
            var manifest = Write("M.psd1", "@{\n    RootModule = 'M.psm1'\n    ModuleVersion          = '0.0.0'  # stamped\n}\n");
            Assert.Equal(0, ManifestVersion.Stamp(manifest, "2.1.0"));
            Assert.Equal("@{\n    RootModule = 'M.psm1'\n    ModuleVersion          = '2.1.0'  # stamped\n}\n", File.ReadAllText(manifest));
        }

        [Theory]
        [InlineData("@{ ModuleVersion = '1.0.0' }", "2.0.0")]
        [InlineData("@{\n ModuleVersion = '0.0.0'\n ModuleVersion = '0.0.0'\n}", "2.0.0")]
        [InlineData("@{ RootModule = 'M.psm1' }", "2.0.0")]
        [InlineData("@{ ModuleVersion = '0.0.0' }", "2.0")]
        public void TheStampRefusesAManifestThatClaimsAVersionOrAVersionThatIsNoRelease(string text, string version)
        {
            var manifest = Write("M.psd1", text);
            Assert.Equal(1, ManifestVersion.Stamp(manifest, version));
            Assert.Equal(text, File.ReadAllText(manifest));
        }

        [Fact]
        public void TheCommonLoaderGoesInAtTheIncludeLine()
        {
            var module = Write("M.psm1", $"$script:ModuleName = 'M'\n{CommonLoader.IncludeLine}\nImport-Module (Resolve-SecureMfaCmdletBuild)\n");
            var common = Write("ModuleLoader.ps1", "function Resolve-SecureMfaCmdletBuild { 'x.dll' }\n");
            Assert.Equal(0, CommonLoader.Insert(module, common));
            Assert.Equal("$script:ModuleName = 'M'\n# ---- from src/PowerShell/Common/ModuleLoader.ps1 ----\nfunction Resolve-SecureMfaCmdletBuild { 'x.dll' }\n" +
                "# ---- end of src/PowerShell/Common/ModuleLoader.ps1 ----\nImport-Module (Resolve-SecureMfaCmdletBuild)\n", File.ReadAllText(module));
        }

        [Theory]
        [InlineData("Import-Module x\n")]
        [InlineData("#include ../../Common/ModuleLoader.ps1\n#include ../../Common/ModuleLoader.ps1\n")]
        public void ALoaderWithoutExactlyOneIncludeLineFailsTheBuild(string text)
        {
            var module = Write("M.psm1", text);
            Assert.Equal(1, CommonLoader.Insert(module, Write("ModuleLoader.ps1", "function F { }\n")));
            Assert.Equal(text, File.ReadAllText(module));
        }
    }
}
