using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;
using SecureMFA.Core.Configuration;
using SecureMFA.Testing;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// Install-/Uninstall-ADFS_Demo_with_OTP with every Windows step replaced by a recording function (the ServerManager and
    /// AD FS cmdlets built from contracts/adfs/adfs-cmdlets.txt, the module's certificate, SQL and portal functions, and
    /// Install-/Uninstall-SecureMfaOtpProvider with their real parameters): what it refuses, what -WhatIf lists, the steps in
    /// order with what they pass, a failing step, and an uninstall that undoes exactly what was done.
    /// </summary>
    [Collection(AdfsServerCollection.Name)]
    public sealed class DemoFarmCmdletTests : IDisposable
    {
        private const string Thumbprint = "285394EAE4E52BF64D3B6F6C304584F30C3F004F";
        private readonly AnsweringHost _console = new AnsweringHost(200);
        private readonly FakeAdfsServer _server;
        private readonly string _portal;

        public DemoFarmCmdletTests()
        {
            _server = new FakeAdfsServer(_console);
            _portal = Path.Combine(_server.Root, "published-portal");
            Directory.CreateDirectory(_portal);
            File.WriteAllText(Path.Combine(_portal, "SecureMFA.WebPortal.dll"), "stand-in for the published portal");
            DemoHost();
            Certificate("CN=adfs.adatum.com, O=Adatum");
            _server.Run($@"
                function global:Invoke-SecureMfaOtpSqlScript {{ param([string]$ServerInstance, [string]$Script) Stop-IfFailing Sql; $global:sql.Add($Script); $global:calls.Add(""Sql|$ServerInstance|$(if ($Script -match 'DROP DATABASE') {{ 'drop' }} else {{ 'create' }})"") }}
                function global:Install-SecureMfaOtpWebPortal {{ param($SourcePath, $Path, $SiteName, $Url, $CertificateThumbprint, [hashtable]$Settings) Stop-IfFailing Portal
                    $global:calls.Add(""Portal|$SourcePath|$Path|$SiteName|$Url|$CertificateThumbprint|$($Settings['Oidc:Authority'])|$($Settings['Oidc:ClientSecret'])"") }}
                function global:Uninstall-SecureMfaOtpWebPortal {{ param($SiteName, $Path) $global:calls.Add(""Unportal|$SiteName|$Path"") }}
                function global:Install-SecureMfaOtpProvider {{ [CmdletBinding(SupportsShouldProcess = $true)] param([string]$ConfigurationFilePath, [switch]$NotMainNode, [switch]$AddToGlobalPolicy)
                    Stop-IfFailing Install-SecureMfaOtpProvider; $global:calls.Add(""Provider|$ConfigurationFilePath|$AddToGlobalPolicy|$([System.IO.File]::Exists($ConfigurationFilePath))"")
                    [pscustomobject]@{{ Kind = 'AD FS registration'; Name = 'SecureMfaOtpProvider'; Action = 'Registered' }} }}
                function global:Uninstall-SecureMfaOtpProvider {{ [CmdletBinding(SupportsShouldProcess = $true)] param([switch]$NotMainNode, [switch]$RemoveThirdPartyAssemblies) $global:calls.Add('Unprovider') }}");
        }

        private void DemoHost(string edition = "Desktop", bool elevated = true, int release = 528040, bool joined = true, int productType = 3, int build = 17763, bool domainAdmin = true) => _server.Run(
            $"$global:host51 = [pscustomobject]@{{ PSEdition = '{edition}'; PSVersion = '5.1.17763.592'; IsElevated = ${elevated.ToString().ToLowerInvariant()}; NetFrameworkRelease = {release}; " +
            $"ComputerName = 'ADFS1'; ComputerFqdn = 'adfs1.adatum.com'; IsDomainJoined = ${joined.ToString().ToLowerInvariant()}; IsDomainAdmin = ${domainAdmin.ToString().ToLowerInvariant()}; Domain = 'adatum.com'; OsProductType = {productType}; OsBuild = {build}; OsCaption = 'Microsoft Windows Server 2019 Datacenter' }}");

        private void Certificate(string subject, bool key = true) => _server.Run(
            $"function global:Get-SecureMfaOtpCertificate {{ param([string]$Thumbprint) if ($Thumbprint -eq '{Thumbprint}') {{ [pscustomobject]@{{ Subject = '{subject}'; DnsNameList = @('adfs.adatum.com'); HasPrivateKey = ${key.ToString().ToLowerInvariant()}; NotAfter = [datetime]::Now.AddYears(1) }} }} }}");

        private ScriptResult Install(string arguments = "") =>
            _server.Run($"Install-ADFS_Demo_with_OTP -adfs_certificate_thumbprint {Thumbprint.ToLowerInvariant()} -adfs_gmsa 'ADATUM\\gmsa-adfs$' -web_portal_path '{_portal}' -Confirm:$false {arguments}");

        private static string[] Steps(ScriptResult result) => result.Output.Select(o => (string)o.Properties["Step"].Value).ToArray();
        private static string Action(ScriptResult result, string step) => (string)result.Output.Single(o => (string)o.Properties["Step"].Value == step).Properties["Action"].Value;
        private string RecordFile => Path.Combine(_server.ProgramData, "SecureMFA_OTP", "demo-farm.txt");
        private string DemoConfiguration => Path.Combine(_server.ProgramData, "SecureMFA_OTP", "demo", "SecureMfaOtpProvider.json");

        public static TheoryData<string, string> Hosts() => new TheoryData<string, string>
        {
            { "edition=Core", "WindowsPowerShellRequired" },
            { "elevated=false", "ElevationRequired" },
            { "release=394254", "NetFrameworkTooOld" },
            { "productType=1", "WindowsServerRequired" },
            { "build=9600", "WindowsServerTooOld" },
            { "joined=false", "DomainMembershipRequired" },
        };

        [Theory, MemberData(nameof(Hosts))]
        public void ItRefusesAServerTheOriginalCouldNotUseAndChangesNothing(string fact, string id)
        {
            var (name, value) = (fact.Split('=')[0], fact.Split('=')[1]);
            DemoHost(edition: name == "edition" ? value : "Desktop", elevated: name != "elevated", release: name == "release" ? int.Parse(value) : 528040,
                joined: name != "joined", productType: name == "productType" ? int.Parse(value) : 3, build: name == "build" ? int.Parse(value) : 17763);
            var result = Install();
            Assert.Equal(id, Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(_server.Changes());
            Assert.False(File.Exists(RecordFile));
        }

        [Theory]
        [InlineData("CN=ADFS1.adatum.com", true, "CertificateNamesComputer", "this computer's own name")]
        [InlineData("CN=adfs1", true, "CertificateNamesComputer", "adfs.adatum.com")]
        [InlineData("CN=adfs.adatum.com", false, "CertificateWithoutKey", "no private key")]
        [InlineData("O=Adatum", true, "CertificateWithoutCn", "no CN")]
        public void ItRefusesACertificateAdfsCannotUse(string subject, bool key, string id, string says)
        {
            Certificate(subject, key);
            var result = Install();
            var error = Assert.Single(result.Errors);
            Assert.Equal(id, error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains(says, error.ToString());
            Assert.Empty(_server.Changes());
        }

        [Fact]
        public void ItRefusesAMissingCertificateAMissingServiceAccountAndAMissingPortal()
        {
            var missing = _server.Run($"Install-ADFS_Demo_with_OTP -adfs_certificate_thumbprint {new string('a', 40)} -adfs_gmsa 'ADATUM\\gmsa-adfs$' -web_portal_path '{_portal}' -Confirm:$false");
            Assert.Equal("CertificateNotFound", Assert.Single(missing.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains(@"Cert:\LocalMachine\My", missing.ErrorText);
            var noAccount = _server.Run($"Install-ADFS_Demo_with_OTP {Thumbprint} -web_portal_path '{_portal}' -Confirm:$false");
            Assert.Equal("ServiceAccountRequired", Assert.Single(noAccount.Errors).FullyQualifiedErrorId.Split(',')[0]);
            var noPortal = _server.Run($"Install-ADFS_Demo_with_OTP {Thumbprint} -adfs_gmsa 'ADATUM\\gmsa-adfs$' -web_portal_path '{_server.Root}/nowhere' -Confirm:$false");
            Assert.Equal("WebPortalNotFound", Assert.Single(noPortal.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("dotnet publish src/WebPortal", noPortal.ErrorText);
            Assert.Empty(_server.Changes());
        }

        [Fact]
        public void ANonDomainAdminIsWarnedThatInstallAdfsFarmNeedsTheRight()
        {
            DemoHost(domainAdmin: false);
            var result = Install("-WhatIf");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Contains(result.Warnings, w => w.Contains("not a member of Domain Admins") && w.Contains("adatum.com"));
            Assert.Empty(Install("-WhatIf").Errors);
            DemoHost();
            Assert.DoesNotContain(Install("-WhatIf").Warnings, w => w.Contains("Domain Admins"));
        }

        [Fact]
        public void WhatIfListsEveryStepWithWhatItWouldPassAndChangesNothing()
        {
            var result = Install("-WhatIf");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Empty(result.Output);
            Assert.Empty(_server.Changes());
            Assert.False(File.Exists(RecordFile));
            Assert.False(File.Exists(DemoConfiguration));
            var screen = _console.Screen;
            foreach (var step in new[] { "AD FS role", "AD FS farm", "OTP database", "Provider configuration", "OTP provider", "IIS role", "Application group", "Web portal" })
                Assert.Contains($"on target \"{step}\"", screen);
            var positions = new[] { "AD FS role", "AD FS farm", "OTP database", "Provider configuration", "OTP provider", "IIS role", "Application group", "Web portal" }
                .Select(s => screen.IndexOf($"on target \"{s}\"", StringComparison.Ordinal)).ToList();
            Assert.Equal(positions.OrderBy(p => p), positions);
            Assert.Contains("Install-WindowsFeature -Name ADFS-Federation", screen);
            Assert.Contains($"Install-AdfsFarm -CertificateThumbprint {Thumbprint} -FederationServiceName adfs.adatum.com", screen);
            Assert.Contains("-RedirectUri https://adfs1.adatum.com/signin-oidc", screen);
            Assert.Contains("openid,profile,allatclaims", screen);
        }

        [Fact]
        public void ItRunsTheStepsInOrderWithWhatEachNeeds()
        {
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(new[] { "AD FS role", "AD FS farm", "OTP database", "Provider configuration", "OTP provider", "IIS role", "Application group", "Web portal" }, Steps(result));
            var calls = _server.Changes();
            var clientId = File.ReadAllLines(RecordFile).Single(l => l.StartsWith("Application group|")).Split('|')[1];
            Assert.True(Guid.TryParse(clientId, out _), clientId);
            Assert.Equal(new[]
            {
                "Feature|ADFS-Federation|True",
                $"Farm|{Thumbprint}|adfs.adatum.com|SecureMFA OTP Demo|ADATUM\\gmsa-adfs$|",
                "Sql|.\\SQLEXPRESS|create",
                $"Provider|{DemoConfiguration}|True|True",
                "Feature|Web-Server|True",
                "Group|SecureMfaOtpWebPortal|SecureMFA OTP Web Portal",
                $"Server|SecureMfaOtpWebPortal|{clientId}|https://adfs1.adatum.com/signin-oidc|True",
                $"WebApi|SecureMfaOtpWebPortal|{clientId}|Permit everyone and require MFA|@RuleName = \"SecureMFA OTP Web Portal: all claims\" c:[] => issue(claim = c);",
                $"Grant|{clientId}|{clientId}|openid,profile,allatclaims",
                $"Portal|{_portal}|C:\\inetpub\\SecureMfaOtpWebPortal|SecureMFA OTP Web Portal|https://adfs1.adatum.com/|{Thumbprint}|https://adfs.adatum.com/adfs|generated-secret",
            }, calls);

            // The database from sql/, its files where SQL Express keeps them, and the service account's rights.
            var script = (string)_server.Run("$global:sql[0]").Output.Single().BaseObject;
            Assert.Contains("CREATE TABLE dbo.Secrets", script);
            Assert.Contains("CREATE DATABASE [SecureMfaOTP];", script);
            Assert.DoesNotContain("FILENAME =", script);
            Assert.Contains(@"CREATE LOGIN [ADATUM\gmsa-adfs$] FROM WINDOWS", script);
            Assert.Contains(@"ALTER ROLE db_datawriter ADD MEMBER [ADATUM\gmsa-adfs$]", script);

            // The configuration is valid, points at the database, and has a passphrase of its own.
            var parsed = ConfigurationLoader.Parse(File.ReadAllText(DemoConfiguration));
            Assert.True(parsed.IsValid, string.Join("; ", parsed.Issues));
            Assert.Equal(AuthMode.MSSQL, parsed.Configuration!.AuthMode);
            Assert.Equal(".\\SQLEXPRESS", parsed.Configuration.SqlServer);
            Assert.Equal("SecureMfaOTP", parsed.Configuration.SqlDatabaseName);
            Assert.Equal(44, parsed.Configuration.DataEncryptionPassphrase.Length);
            Assert.DoesNotContain("generated-secret", File.ReadAllText(RecordFile));
        }

        [Fact]
        public void AServiceAccountCredentialGoesToInstallAdfsFarmAndTheDatabaseLogin()
        {
            _server.Run("$password = [System.Security.SecureString]::new(); 'Pa55w.rd!'.ToCharArray() | ForEach-Object { $password.AppendChar($_) }; $global:credential = [pscredential]::new('ADATUM\\svc-adfs', $password)");
            var result = _server.Run($"Install-ADFS_Demo_with_OTP {Thumbprint} -adfs_service_account_credential $global:credential -web_portal_path '{_portal}' -web_portal_url https://portal.adatum.com/ -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Contains($"Farm|{Thumbprint}|adfs.adatum.com|SecureMFA OTP Demo||ADATUM\\svc-adfs", _server.Changes());
            Assert.Contains(_server.Changes(), c => c.StartsWith("Server|") && c.Contains("|https://portal.adatum.com/signin-oidc|"));
            Assert.Contains(@"CREATE LOGIN [ADATUM\svc-adfs] FROM WINDOWS", (string)_server.Run("$global:sql[0]").Output.Single().BaseObject);
        }

        [Fact]
        public void AFailingStepStopsNamingTheStepAndWhatWasDoneBeforeAndASecondRunGoesOn()
        {
            _server.Run("$global:fail = 'New-AdfsApplicationGroup'");
            var failed = Install();
            var error = Assert.Single(failed.Errors);
            Assert.Equal("DemoFarmStepFailed", error.FullyQualifiedErrorId.Split(',')[0]);
            var message = error.ToString();
            Assert.Contains("the step \"Application group\" failed: New-AdfsApplicationGroup failed", message);
            Assert.Contains("Done before it: AD FS role (Installed); AD FS farm (Created); OTP database (Created); Provider configuration (Written); OTP provider (Registered); IIS role (Installed).", message);
            Assert.Contains("Uninstall-ADFS_Demo_with_OTP", message);
            Assert.DoesNotContain(_server.Changes(), c => c.StartsWith("Portal|"));

            _server.Run("$global:fail = ''");
            _server.ClearCalls();
            var again = Install();
            Assert.True(again.Errors.Count == 0, again.ErrorText);
            foreach (var step in new[] { "AD FS role", "AD FS farm", "OTP database", "Provider configuration", "OTP provider", "IIS role" }) Assert.Equal("Already done", Action(again, step));
            Assert.Equal("Created", Action(again, "Application group"));
            Assert.Equal("Deployed", Action(again, "Web portal"));
            Assert.Equal(new[] { "Group", "Server", "WebApi", "Grant", "Portal" }, _server.Changes().Select(c => c.Split('|')[0]));
        }

        [Fact]
        public void UninstallUndoesExactlyWhatTheInstallDidInReverseOrder()
        {
            // The IIS role was there before: the install leaves it, and so does the uninstall.
            _server.Run("$global:present = @('Web-Server')");
            var installed = Install();
            Assert.True(installed.Errors.Count == 0, installed.ErrorText);
            Assert.Equal("Already there", Action(installed, "IIS role"));
            var clientId = File.ReadAllLines(RecordFile).Single(l => l.StartsWith("Application group|")).Split('|')[1];
            _server.ClearCalls();

            var removed = _server.Run("Uninstall-ADFS_Demo_with_OTP -Confirm:$false");
            Assert.True(removed.Errors.Count == 0, removed.ErrorText);
            Assert.Equal(new[] { "Web portal", "Application group", "OTP provider", "Provider configuration", "OTP database", "AD FS farm", "AD FS role" }, Steps(removed));
            Assert.Equal(new[]
            {
                "Unportal|SecureMFA OTP Web Portal|C:\\inetpub\\SecureMfaOtpWebPortal",
                "Ungroup|SecureMfaOtpWebPortal",
                "Unprovider",
                "Sql|.\\SQLEXPRESS|drop",
                "Unfeature|ADFS-Federation|True",
            }, _server.Changes());
            Assert.Contains(clientId, (string)removed.Output[1].Properties["Detail"].Value);
            Assert.False(File.Exists(DemoConfiguration));
            Assert.False(File.Exists(RecordFile));
            Assert.Contains("WID", (string)removed.Output.Single(o => (string)o.Properties["Step"].Value == "AD FS farm").Properties["Detail"].Value);

            var nothing = _server.Run("Uninstall-ADFS_Demo_with_OTP -Confirm:$false");
            Assert.Empty(nothing.Output);
            Assert.Contains(nothing.Warnings, w => w.Contains("Nothing to remove"));
        }

        [Fact]
        public void AFailingUninstallStepNamesItKeepsWhatIsLeftOnTheRecordAndASecondRunFinishes()
        {
            Assert.True(Install().Errors.Count == 0);
            _server.Run("$global:fail = 'Remove-AdfsApplicationGroup'");
            _server.ClearCalls();
            var failed = _server.Run("Uninstall-ADFS_Demo_with_OTP -Confirm:$false");
            var message = Assert.Single(failed.Errors).ToString();
            Assert.Contains("the step \"Application group\" failed: Remove-AdfsApplicationGroup failed", message);
            Assert.Contains("Done before it: Web portal (Removed).", message);
            var left = File.ReadAllLines(RecordFile).Where(l => !l.StartsWith("#")).Select(l => l.Split('|')[0]).ToArray();
            Assert.Equal(new[] { "AD FS role", "AD FS farm", "OTP database", "Provider configuration", "OTP provider", "IIS role", "Application group" }, left);

            _server.Run("$global:fail = ''");
            _server.ClearCalls();
            var again = _server.Run("Uninstall-ADFS_Demo_with_OTP -Confirm:$false");
            Assert.True(again.Errors.Count == 0, again.ErrorText);
            Assert.Equal(new[] { "Ungroup", "Unfeature", "Unprovider", "Sql", "Unfeature" }, _server.Changes().Select(c => c.Split('|')[0]));
            Assert.False(File.Exists(RecordFile));
        }

        [Fact]
        public void UninstallWhatIfChangesNothingAndKeepDatabaseKeepsIt()
        {
            Assert.True(Install().Errors.Count == 0);
            _server.ClearCalls();
            var whatIf = _server.Run("Uninstall-ADFS_Demo_with_OTP -WhatIf");
            Assert.True(whatIf.Errors.Count == 0, whatIf.ErrorText);
            Assert.Empty(_server.Changes());
            Assert.True(File.Exists(RecordFile));
            Assert.Contains("on target \"Web portal\"", _console.Screen);

            var kept = _server.Run("Uninstall-ADFS_Demo_with_OTP -KeepDatabase -Confirm:$false");
            Assert.True(kept.Errors.Count == 0, kept.ErrorText);
            Assert.Equal("Kept", Action(kept, "OTP database"));
            Assert.DoesNotContain(_server.Changes(), c => c.StartsWith("Sql|"));
        }

        [Fact]
        public void TheProviderStandInsTakeExactlyTheRealCmdletsParameters()
        {
            foreach (var cmdlet in new[] { "Install-SecureMfaOtpProvider", "Uninstall-SecureMfaOtpProvider" })
            {
                string Names(string type) => string.Join(",", _server.Run($"(Get-Command {cmdlet} -CommandType {type}).Parameters.Keys | Where-Object {{ $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }} | Sort-Object")
                    .Output.Select(o => o.ToString()));
                Assert.Equal(Names("Cmdlet"), Names("Function"));
            }
        }

        public void Dispose() => _server.Dispose();
    }
}
