using System;
using System.IO;
using System.Linq;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// What users unpack does not change when the source tree does: each staged module holds exactly the files listed in
    /// staged/&lt;module&gt;.txt, a listing taken from the staging before both modules moved under src/PowerShell and
    /// before they shared one staging step. A file added or lost on purpose changes the listing in the same commit.
    /// </summary>
    public class StagedLayoutTests
    {
        [Theory]
        [InlineData("SecureMFA_OTP")]
        [InlineData("SecureMFA_WIN_OTP")]
        public void TheStagedModuleHoldsExactlyTheListedFiles(string module)
        {
            var folder = RepositoryPaths.Of($"artifacts/module/{module}");
            var staged = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var listed = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "staged", $"{module}.txt"))
                .Where(l => l.Length > 0).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var unexpected = staged.Except(listed, StringComparer.Ordinal).ToList();
            var missing = listed.Except(staged, StringComparer.Ordinal).ToList();
            Assert.True(unexpected.Count == 0, $"{module} stages files not in staged/{module}.txt:\n{string.Join("\n", unexpected)}");
            Assert.True(missing.Count == 0, $"{module} no longer stages:\n{string.Join("\n", missing)}");
        }

        [Theory]
        [InlineData("SecureMFA_OTP")]
        [InlineData("SecureMFA_WIN_OTP")]
        public void TheStagedLoaderHoldsTheCommonFunctionsAndNoIncludeLine(string module)
        {
            var loader = File.ReadAllText(RepositoryPaths.Of($"artifacts/module/{module}/{module}.psm1"));
            Assert.DoesNotContain(loader.Split('\n'), line => line.Trim().StartsWith("#include", StringComparison.Ordinal));
            var common = File.ReadAllText(RepositoryPaths.Of("src/PowerShell/Common/ModuleLoader.ps1")).Replace("\r\n", "\n");
            Assert.Contains(common.TrimEnd('\n'), loader.Replace("\r\n", "\n"));
        }

        [Theory]
        [InlineData("SecureMFA_OTP")]
        [InlineData("SecureMFA_WIN_OTP")]
        public void TheSourceManifestCarriesThePlaceholderAndTheStagedOneTheRelease(string module)
        {
            var source = File.ReadAllText(RepositoryPaths.Of($"src/PowerShell/{module}/Module/{module}.psd1"));
            Assert.Matches(@"(?m)^\s*ModuleVersion\s*=\s*'0\.0\.0'", source);
            var staged = File.ReadAllText(RepositoryPaths.Of($"artifacts/module/{module}/{module}.psd1"));
            Assert.Matches($@"(?m)^\s*ModuleVersion\s*=\s*'{System.Text.RegularExpressions.Regex.Escape(StagedModule.Release)}'", staged);
        }
    }
}
