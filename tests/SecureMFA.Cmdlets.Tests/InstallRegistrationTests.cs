using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecureMFA.Adapter;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// What AD FS keeps from registration time (AuthenticationMethods, IdentityClaims, FriendlyNames, Descriptions):
    /// Install registers the provider again when this build's adapter gives anything else, and only then; and it never
    /// puts AD FS's own assembly into the GAC.
    /// </summary>
    [Collection(AdfsServerCollection.Name)]
    public sealed class InstallRegistrationTests : IDisposable
    {
        private const string Both = "'AzureMfaAuthentication','SecureMfaOtpProvider'";
        private readonly FakeAdfsServer _server = new FakeAdfsServer();
        private readonly string _config;

        public InstallRegistrationTests()
        {
            _config = Path.Combine(_server.Root, "SecureMfaOtpProvider.json");
            File.WriteAllText(_config, $@"{{ ""company"": ""Adatum"", ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{_server.Root}/otp.db"" }}");
        }

        private ScriptResult Install(string arguments = "") => _server.Run($"Install-SecureMfaOtpProvider -ConfigurationFilePath '{_config}' -Confirm:$false {arguments}");

        /// <summary>What a release before the neutral cultures registered: FriendlyNames and Descriptions for the five specific LCIDs only.</summary>
        private static string KeptByTheLastRelease() => FakeAdfsServer.KeptByAdfs(facts =>
        {
            var metadata = new AdapterMetadata();
            facts["DisplayNames"] = FakeAdfsServer.Dictionary(metadata.FriendlyNames.Where(n => n.Key > 1000).ToDictionary(n => n.Key, n => n.Value));
            facts["Descriptions"] = FakeAdfsServer.Dictionary(metadata.Descriptions.Where(n => n.Key > 1000).ToDictionary(n => n.Key, n => n.Value));
        });

        private string[] RegistrationCalls() => _server.Changes().Where(c => c.StartsWith("Policy", StringComparison.Ordinal) ||
            c.StartsWith("Unregister|", StringComparison.Ordinal) || c.StartsWith("Register|", StringComparison.Ordinal) || c.StartsWith("Import|", StringComparison.Ordinal)).ToArray();

        private static string Action(ScriptResult result) =>
            (string)Assert.Single(result.Output, o => (string)o.Properties["Kind"].Value == "AD FS registration").Properties["Action"].Value;

        [Fact]
        public void WhenWhatAdfsKeptDiffersItTakesTheProviderOutOfThePolicyRegistersAgainAndPutsItBack()
        {
            _server.Farm("PrimaryComputer", registered: true, additional: Both, nodes: 1, kept: KeptByTheLastRelease(), intranet: "'FormsAuthentication','SecureMfaOtpProvider'");
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorText);

            var typeName = $"SecureMFA.Adapter.OtpAuthenticationAdapter, {FakeAdfsServer.FullName("SecureMFA.Adapter.dll")}";
            Assert.Equal(new[]
            {
                "Policy|AzureMfaAuthentication",
                "Policy.PrimaryIntranetAuthenticationProvider|FormsAuthentication",
                "Unregister|SecureMfaOtpProvider|False",
                $"Register|SecureMfaOtpProvider|{typeName}|{_config}",
                "Policy|AzureMfaAuthentication,SecureMfaOtpProvider",
                "Policy.PrimaryIntranetAuthenticationProvider|FormsAuthentication,SecureMfaOtpProvider",
            }, RegistrationCalls());
            Assert.Equal("Registered again (changed: FriendlyNames, Descriptions)", Action(result));
            var warning = Assert.Single(result.Warnings, w => w.Contains("registering SecureMfaOtpProvider again"));
            Assert.Contains("FriendlyNames, Descriptions", warning);
            Assert.Equal("Restart|adfssrv|True", _server.Changes().Last());
        }

        [Theory]
        [InlineData("AuthenticationMethods", "@('http://schemas.microsoft.com/ws/2012/12/authmethod/otp', 'urn:other')")]
        [InlineData("IdentityClaims", "@('http://schemas.microsoft.com/ws/2008/06/identity/claims/windowsaccountname')")]
        [InlineData("DisplayNames", "$($d = [System.Collections.Generic.Dictionary[int,string]]::new(); $d[1033] = 'Old name'; ,$d)")]
        [InlineData("Descriptions", "@{ 1033 = 'Old description' }")]
        public void AnyOfTheFourChangedMeansRegisteringAgain(string fact, string keptValue)
        {
            _server.Farm("PrimaryComputer", registered: true, additional: "", nodes: 1, kept: FakeAdfsServer.KeptByAdfs(f => f[fact] = keptValue));
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal($"Registered again (changed: {(fact == "DisplayNames" ? "FriendlyNames" : fact)})", Action(result));
            Assert.Equal(new[] { "Unregister|SecureMfaOtpProvider|False" }, RegistrationCalls().Where(c => c.StartsWith("Unregister|")).ToArray());
            Assert.Single(RegistrationCalls(), c => c.StartsWith("Register|"));
            Assert.DoesNotContain(RegistrationCalls(), c => c.StartsWith("Import|") || c.StartsWith("Policy"));
        }

        [Fact]
        public void WhatAdfsKeptAsAListOfPairsIsReadTheSame()
        {
            // Through remoting a Dictionary arrives as Key/Value objects: the same facts, so no new registration.
            var metadata = new AdapterMetadata();
            string Pairs(IDictionary<int, string> d) => "@(" + string.Join(", ", d.Select(e => $"[pscustomobject]@{{ Key = {e.Key}; Value = {FakeAdfsServer.Quote(e.Value)} }}")) + ")";
            _server.Farm("PrimaryComputer", registered: true, additional: "", nodes: 1,
                kept: FakeAdfsServer.KeptByAdfs(f => { f["DisplayNames"] = Pairs(metadata.FriendlyNames); f["Descriptions"] = Pairs(metadata.Descriptions); }));
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal("Configuration updated", Action(result));
            Assert.Equal(new[] { $"Import|SecureMfaOtpProvider|{_config}" }, RegistrationCalls());
        }

        [Fact]
        public void WhenAdfsDoesNotShowWhatItKeptItRegistersAgainToBeSure()
        {
            _server.Farm("PrimaryComputer", registered: true, additional: Both, nodes: 1, kept: "AdminName = 'SecureMFA OTP'");
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.StartsWith("Registered again (changed: unknown", Action(result));
            Assert.Contains("Unregister|SecureMfaOtpProvider|False", RegistrationCalls());
        }

        [Fact]
        public void WhatIfSaysItWouldRegisterAgainAndChangesNothing()
        {
            _server.Farm("PrimaryComputer", registered: true, additional: Both, nodes: 1, kept: KeptByTheLastRelease());
            var result = _server.Run($"Install-SecureMfaOtpProvider -ConfigurationFilePath '{_config}' -WhatIf");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Empty(RegistrationCalls());
        }

        [Fact]
        public void WhenRegisteringAgainFailsItSaysWhereTheProviderWasSoItCanBePutBack()
        {
            _server.Farm("PrimaryComputer", registered: true, additional: Both, nodes: 1, kept: KeptByTheLastRelease());
            _server.Run(FakeAdfsServer.StandIn("Register-AdfsAuthenticationProvider", "throw 'The type could not be loaded.'"));
            var result = Install();
            var error = Assert.Single(result.Errors);
            Assert.Contains("Registering SecureMfaOtpProvider again failed while registering it: The type could not be loaded.", error.Exception.Message);
            Assert.Contains("it was in AdditionalAuthenticationProvider (AzureMfaAuthentication, SecureMfaOtpProvider)", error.Exception.Message);
            Assert.Equal(new[] { "Policy|AzureMfaAuthentication", "Unregister|SecureMfaOtpProvider|False" }, RegistrationCalls());
        }

        [Fact]
        public void AnAdfsAssemblyInTheAdapterFolderIsNeverPutIntoTheGac()
        {
            // The reference assembly we compile against, as if a build had copied it beside the adapter.
            var intruder = Path.Combine(PowerShellSession.ModuleFolder, "adapter", "Microsoft.IdentityServer.Web.dll");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Microsoft.IdentityServer.Web.dll"), intruder);
            try
            {
                var result = Install();
                var error = Assert.Single(result.Errors);
                Assert.Equal("ModuleIncomplete,SecureMFA.Cmdlets.InstallProviderCommand", error.FullyQualifiedErrorId);
                Assert.Contains("AD FS's own assembly", error.Exception.Message);
                Assert.DoesNotContain(_server.Changes(), c => c.StartsWith("Gac|") || c.StartsWith("Stop|"));
                Assert.DoesNotContain(_server.Gac(), n => n.StartsWith("Microsoft.IdentityServer", StringComparison.Ordinal));
            }
            finally
            {
                File.Delete(intruder);
            }
        }

        public void Dispose() => _server.Dispose();
    }
}
