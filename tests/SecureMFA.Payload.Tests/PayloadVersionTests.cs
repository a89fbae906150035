using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace SecureMFA.Payload.Tests
{
    /// <summary>One version source: $(Version) is the release in every assembly and in the staged manifest; the adapter alone keeps its fixed identity.</summary>
    public class PayloadVersionTests
    {
        private static string AssemblyVersion => StagedModule.Release + ".0";

        [Fact]
        public void TheReleaseIsAMajorMinorPatchNumber()
        {
            Assert.Matches(@"^\d+\.\d+\.\d+$", StagedModule.Release);
        }

        [Theory]
        [InlineData("bin/net472/SecureMFA.Core.dll")]
        [InlineData("bin/net472/SecureMFA.Otp.dll")]
        [InlineData("bin/net472/SecureMFA.Cmdlets.dll")]
        [InlineData("bin/net10.0/SecureMFA.Core.dll")]
        [InlineData("bin/net10.0/SecureMFA.Otp.dll")]
        [InlineData("bin/net10.0/SecureMFA.Cmdlets.dll")]
        [InlineData("adapter/SecureMFA.Core.dll")]
        [InlineData("adapter/SecureMFA.Otp.dll")]
        public void OurAssembliesCarryTheReleaseInEveryVersion(string file)
        {
            var facts = AssemblyFacts.Read(StagedModule.Path(file.Split('/')));
            Assert.Equal(AssemblyVersion, facts.Name.Version!.ToString());
            Assert.Equal(AssemblyVersion, facts.FileVersion);
            Assert.Equal(StagedModule.Release, facts.InformationalVersion);
        }

        [Fact]
        public void TheAdapterKeepsItsFixedIdentityAndBindsToThisReleasesCore()
        {
            var adapter = AssemblyFacts.Read(StagedModule.Path("adapter", "SecureMFA.Adapter.dll"));
            Assert.Equal("1.0.0.0", adapter.Name.Version!.ToString());
            Assert.Equal(AssemblyVersion, adapter.FileVersion);
            Assert.Equal(StagedModule.Release, adapter.InformationalVersion);
            var core = AssemblyFacts.Read(StagedModule.Path("adapter", "SecureMFA.Core.dll"));
            Assert.Equal(core.Name.FullName, adapter.References.Single(r => r.Name == "SecureMFA.Core").FullName);
        }

        [Fact]
        public void TheStagedManifestsModuleVersionIsTheRelease()
        {
            var manifest = File.ReadAllText(StagedModule.Path("SecureMFA_OTP.psd1"));
            var versions = Regex.Matches(manifest, @"^\s*ModuleVersion\s*=\s*'([^']*)'", RegexOptions.Multiline);
            Assert.Equal(StagedModule.Release, Assert.Single(versions).Groups[1].Value);
        }
    }
}
