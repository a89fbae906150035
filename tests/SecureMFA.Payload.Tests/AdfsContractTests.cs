using System.IO;
using System.Linq;
using Xunit;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// Our imitation of AD FS's assembly, and what we ship, against facts of the real one (contracts/adfs). A fake
    /// compiled against the same reference assembly shares its mistakes; these tests do not.
    /// </summary>
    public class AdfsContractTests
    {
        private static string ReferenceAssembly =>
            Path.Combine(StagedModule.RepoRoot, "src", "Ref", "bin", StagedModule.Configuration, "net472", "Microsoft.IdentityServer.Web.dll");

        [Fact]
        public void TheReferenceAssemblyDeclaresExactlyWhatTheRealAssemblyDeclares()
        {
            Assert.True(File.Exists(ReferenceAssembly), $"{ReferenceAssembly} is not built");
            var contract = AdfsContract.Load();
            Assert.Contains(contract.Lines, l => l.Contains("Dictionary`2<string,object> get_Properties()"));
            var differences = contract.DifferencesFrom(ReferenceAssembly);
            Assert.True(differences.Count == 0, "src/Ref differs from the real Microsoft.IdentityServer.Web:\n" + string.Join("\n", differences));
        }

        [Fact]
        public void EveryReferenceTheShippedPayloadMakesIntoAdfsBindsToTheRealAssembly()
        {
            var contract = AdfsContract.Load();
            var shipped = Directory.GetFiles(StagedModule.Path("adapter"), "*.dll").Concat(Directory.GetFiles(StagedModule.Path("bin", "net472"), "*.dll")).ToList();
            var adapter = shipped.Single(f => Path.GetFileName(f) == "SecureMFA.Adapter.dll");
            // The adapter really does reach into AD FS (so an empty answer below means bound, not "looked at nothing").
            Assert.NotEmpty(ContractSurface.ReferencesInto(adapter, AdfsContract.AssemblyName));
            var problems = shipped.SelectMany(contract.BindingProblems).ToList();
            Assert.True(problems.Count == 0, "would fail in AD FS:\n" + string.Join("\n", problems));
        }

        [Fact]
        public void TheAdfsStandInTheMonoTestRunsCallsTheAdapterAsTheRealInterfacesDeclareIt()
        {
            // tests/SecureMFA.AdfsGacHost plays AD FS in the Mono GAC test: its calls must bind where AD FS's own do,
            // TryEndAuthentication and the other base members on IAuthenticationAdapterBase.
            var host = Path.Combine(StagedModule.RepoRoot, "tests", "SecureMFA.AdfsGacHost", "bin", StagedModule.Configuration, "net472", "SecureMFA.AdfsGacHost.exe");
            var references = ContractSurface.ReferencesInto(host, AdfsContract.AssemblyName);
            Assert.Contains("Microsoft.IdentityServer.Web.Authentication.External.IAuthenticationAdapterBase::TryEndAuthentication", references);
            Assert.Contains("Microsoft.IdentityServer.Web.Authentication.External.IAuthenticationAdapter::BeginAuthentication", references);
            var problems = AdfsContract.Load().BindingProblems(host);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void TheBindingCheckFindsAPropertyDeclaredWithTheWrongType()
        {
            // The mistake that stopped every sign-in: an adapter compiled against IProofData.Properties as IDictionary.
            var wrong = AdfsContract.Parse(File.ReadAllLines(AdfsContract.ListingPath).Select(l =>
                l.Replace("Dictionary`2<string,object> get_Properties()", "IDictionary`2<string,object> get_Properties()")));
            var problems = wrong.BindingProblems(StagedModule.Path("adapter", "SecureMFA.Adapter.dll"));
            Assert.Contains(problems, p => p.Contains("IProofData::instance class [mscorlib]System.Collections.Generic.Dictionary`2<string,object> get_Properties() does not bind"));
        }

        [Fact]
        public void TheBindingCheckFindsAnInterfaceMethodTheAdapterDoesNotImplement()
        {
            // AD FS adding a method to the interface we implement: the type would no longer load.
            const string Base = "type [public abstract interface] Microsoft.IdentityServer.Web.Authentication.External.IAuthenticationAdapterBase";
            var extra = AdfsContract.Parse(File.ReadAllLines(AdfsContract.ListingPath).SelectMany(l =>
                l == Base ? new[] { l, "  method [public abstract virtual newslot] instance void OnSomethingNew()" } : new[] { l }));
            Assert.Contains(extra.BindingProblems(StagedModule.Path("adapter", "SecureMFA.Adapter.dll")),
                p => p.Contains("does not implement Microsoft.IdentityServer.Web.Authentication.External.IAuthenticationAdapterBase::instance void OnSomethingNew()"));
        }
    }
}
