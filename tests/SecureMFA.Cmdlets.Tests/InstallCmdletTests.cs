using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// Install with the Windows side replaced (see <see cref="FakeAdfsServer"/>): the checks that refuse, the upgrade
    /// order, the proof of what landed in the GAC, and what the cmdlet says it changed.
    /// </summary>
    [Collection(AdfsServerCollection.Name)]
    public sealed class InstallCmdletTests : IDisposable
    {
        private readonly FakeAdfsServer _server = new FakeAdfsServer();
        private readonly string _config;

        public InstallCmdletTests()
        {
            _config = Path.Combine(_server.Root, "SecureMfaOtpProvider.json");
            File.WriteAllText(_config, $@"{{ ""company"": ""Adatum"", ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{_server.Root}/otp.db"" }}");
        }

        private ScriptResult Install(string arguments = "") => _server.Run($"Install-SecureMfaOtpProvider -ConfigurationFilePath '{_config}' -Confirm:$false {arguments}");

        private static string AdapterStrongName() => FakeAdfsServer.FullName("SecureMFA.Adapter.dll");

        private static PSObject Change(ScriptResult result, string kind, string name) =>
            Assert.Single(result.Output, o => (string)o.Properties["Kind"].Value == kind && (string)o.Properties["Name"].Value == name);

        private static string Action(ScriptResult result, string kind, string name) => (string)Change(result, kind, name).Properties["Action"].Value;

        [Fact]
        public void OnTheMainNodeItInstallsTheGacRegistersWithTheFullStrongNameAndRestarts()
        {
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            var calls = _server.Changes();
            foreach (var file in FakeAdfsServer.ModuleAssemblies()) Assert.Contains("Gac|" + file, calls);
            Assert.Contains("EventSource", calls);
            var register = Assert.Single(calls, c => c.StartsWith("Register|"));
            Assert.Equal($"Register|SecureMfaOtpProvider|SecureMFA.Adapter.OtpAuthenticationAdapter, {AdapterStrongName()}|{_config}", register);
            Assert.Matches("PublicKeyToken=[0-9a-f]{16}", register);
            Assert.Equal("Restart|adfssrv|True", calls.Last());
            Assert.True(Array.IndexOf(calls, "Start|adfssrv") < Array.IndexOf(calls, register), "the GAC is complete and AD FS running before registering");
            Assert.True(File.Exists(_server.ConfigurationCopy), "the support cmdlets' copy of the configuration");
            Assert.Equal("Registered", Action(result, "AD FS registration", "SecureMfaOtpProvider"));
            Assert.Equal(FakeAdfsServer.ModuleAssemblies().Select(f => AssemblyName.GetAssemblyName(FakeAdfsServer.ModuleAssembly(f)).FullName).OrderBy(n => n, StringComparer.Ordinal),
                _server.Gac());
        }

        [Fact]
        public void AnUpgradeStopsAdfsReplacesTheAdapterChecksEachAssemblyThenStartsAdfs()
        {
            var adapter = FakeAdfsServer.ModuleAssembly("SecureMFA.Adapter.dll");
            _server.PutInGac(_server.OlderBuildOf(adapter));
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorText);

            var calls = _server.Calls();
            var stop = Array.IndexOf(calls, "Stop|adfssrv");
            var start = Array.IndexOf(calls, "Start|adfssrv");
            Assert.True(stop >= 0 && start > stop, string.Join("\n", calls));
            var window = calls.Skip(stop + 1).Take(start - stop - 1).ToList();
            // Inside the window: each assembly installed, then looked up again to check it, the adapter last.
            foreach (var file in FakeAdfsServer.ModuleAssemblies())
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var install = window.IndexOf("Gac|" + file);
                Assert.True(install >= 0, file + " installed while AD FS is stopped");
                Assert.Equal("Find|" + name, window[install + 1]);
            }
            Assert.Equal("Gac|SecureMFA.Adapter.dll", window.Last(c => c.StartsWith("Gac|")));
            Assert.DoesNotContain(calls.Take(stop), c => c.StartsWith("Gac|"));

            Assert.Equal("Replaced", Action(result, "GAC assembly", "SecureMFA.Adapter"));
            Assert.Equal("Installed", Action(result, "GAC assembly", "SecureMFA.Core"));
            Assert.Equal(Version(adapter), (string)Change(result, "GAC assembly", "SecureMFA.Adapter").Properties["Version"].Value);
            Assert.Equal(File.ReadAllBytes(adapter), File.ReadAllBytes(_server.Run($"$global:gac['{AdapterStrongName()}']").Output.Single().ToString()!));
        }

        [Fact]
        public void WhenTheGacKeepsAnOlderFileTheHashCheckStopsNamingTheAssemblyAndAdfsIsStartedAgain()
        {
            _server.PutInGac(_server.OlderBuildOf(FakeAdfsServer.ModuleAssembly("SecureMFA.Adapter.dll")));
            _server.Run("$global:keepExisting = @('SecureMFA.Adapter.dll')");
            var result = Install();

            var error = Assert.Single(result.Errors);
            Assert.Equal("InstallStepFailed,SecureMFA.Cmdlets.InstallProviderCommand", error.FullyQualifiedErrorId);
            Assert.Contains(AdapterStrongName(), error.Exception.Message);
            Assert.Contains("SHA-256", error.Exception.Message);
            Assert.Contains("The AD FS service was started again.", error.Exception.Message);
            var calls = _server.Changes();
            Assert.Equal("Start|adfssrv", calls.Last());
            Assert.DoesNotContain(calls, c => c.StartsWith("Register|") || c.StartsWith("Import|"));
        }

        [Fact]
        public void AGacFailureStopsNamingTheAssemblyLeavesTheAdapterAloneAndStartsAdfsAgain()
        {
            _server.Run("$global:failInstall = @('SecureMFA.Core.dll')");
            var result = Install();

            var error = Assert.Single(result.Errors);
            Assert.Contains($"Installing {FakeAdfsServer.FullName("SecureMFA.Core.dll")} into the GAC failed: Access is denied.", error.Exception.Message);
            Assert.Contains("started again", error.Exception.Message);
            var calls = _server.Changes();
            Assert.Equal("Start|adfssrv", calls.Last());
            Assert.DoesNotContain("Gac|SecureMFA.Adapter.dll", calls);
            // What did land is recorded, so Uninstall can take it away again.
            Assert.Contains(FakeAdfsServer.FullName("QRCoder.dll"), _server.RecordedAssemblies());
            Assert.DoesNotContain(FakeAdfsServer.FullName("SecureMFA.Core.dll"), _server.RecordedAssemblies());
        }

        [Fact]
        public void RunningItAgainChangesNoAssemblyAndSaysSo()
        {
            Install();
            _server.Farm(role: "PrimaryComputer", registered: true, additional: "", nodes: 1);
            _server.ClearCalls();
            var result = Install("-Verbose");
            Assert.True(result.Errors.Count == 0, result.ErrorText);

            var calls = _server.Changes();
            Assert.DoesNotContain(calls, c => c.StartsWith("Gac|") || c.StartsWith("Stop|") || c.StartsWith("Start|"));
            var assemblies = result.Output.Where(o => (string)o.Properties["Kind"].Value == "GAC assembly").ToList();
            Assert.Equal(FakeAdfsServer.ModuleAssemblies().Count, assemblies.Count);
            Assert.All(assemblies, a => Assert.Equal("Unchanged", a.Properties["Action"].Value));
            Assert.Equal("Configuration updated", Action(result, "AD FS registration", "SecureMfaOtpProvider"));
            Assert.Contains($"Import|SecureMfaOtpProvider|{_config}", calls);
            Assert.Equal("Restart|adfssrv|True", calls.Last());
        }

        [Fact]
        public void WhenAlreadyRegisteredItUpdatesTheConfigurationInsteadOfFailing()
        {
            _server.Farm(role: "PrimaryComputer", registered: true, additional: "", nodes: 1);
            var result = _server.Run($"Install-SecureMfaOtpProvider '{_config}' -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            var calls = _server.Calls();
            Assert.DoesNotContain(calls, c => c.StartsWith("Register|"));
            Assert.Contains($"Import|SecureMfaOtpProvider|{_config}", calls);
        }

        [Fact]
        public void NotMainNodeInstallsTheGacWithAdfsStoppedAndRegistersNothing()
        {
            var result = _server.Run("Install-SecureMfaOtpProvider -NotMainNode -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            var calls = _server.Changes();
            Assert.Contains("Gac|SecureMFA.Adapter.dll", calls);
            Assert.DoesNotContain(calls, c => c.StartsWith("Register|") || c.StartsWith("Import|") || c.StartsWith("Restart|"));
            Assert.Equal("Stop|adfssrv", calls.First(c => c.Contains("adfssrv")));
            Assert.Equal("Start|adfssrv", calls.Last(c => c.Contains("adfssrv")));
            Assert.False(File.Exists(_server.ConfigurationCopy));
        }

        [Fact]
        public void ASecondaryWidServerRefusesToRegisterAndChangesNothing()
        {
            _server.Farm(role: "SecondaryComputer", registered: false, additional: "", nodes: 1);
            var result = _server.Run($"Install-SecureMfaOtpProvider '{_config}' -Confirm:$false");
            Assert.Contains("secondary server of a WID farm", result.ErrorText);
            Assert.Contains("-NotMainNode", result.ErrorText);
            Assert.Empty(_server.Changes());
        }

        [Fact]
        public void AnInvalidConfigurationListsEveryProblemAndChangesNothing()
        {
            var bad = Path.Combine(_server.Root, "bad.json");
            File.WriteAllText(bad, @"{ ""ui_login_failures"": ""abc"", ""ui_lockout_minutes"": ""soon"" }");
            var result = _server.Run($"Install-SecureMfaOtpProvider '{bad}' -Confirm:$false");
            var error = Assert.Single(result.Errors);
            Assert.Contains("ui_login_failures: \"abc\" is not a whole number", error.Exception.Message);
            Assert.Contains("ui_lockout_minutes: \"soon\" is not a whole number", error.Exception.Message);
            Assert.Empty(_server.Calls());
        }

        [Fact]
        public void TheMainNodeNeedsAConfiguration()
        {
            Assert.Contains("-ConfigurationFilePath is required on the main node", _server.Run("Install-SecureMfaOtpProvider -Confirm:$false").ErrorText);
            Assert.Empty(_server.Calls());
        }

        [Fact]
        public void WhatIfValidatesButCallsNothingThatChangesAnything()
        {
            var result = _server.Run($"Install-SecureMfaOtpProvider '{_config}' -WhatIf");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Empty(_server.Changes());
            Assert.Empty(result.Output);
            Assert.False(File.Exists(_server.ConfigurationCopy));
            Assert.False(File.Exists(_server.AssembliesRecord));
            Assert.False(Directory.Exists(_server.NativeRoot));
            Assert.Empty(_server.Gac());
        }

        [Fact]
        public void AddToGlobalPolicyKeepsTheProvidersAlreadyListed()
        {
            var result = Install("-AddToGlobalPolicy");
            Assert.Contains("Policy|AzureMfaAuthentication,SecureMfaOtpProvider", _server.Calls());
            Assert.Equal("Added SecureMfaOtpProvider", Action(result, "Global policy", "AdditionalAuthenticationProvider"));
        }

        [Fact]
        public void WithoutTheAdfsModuleItSaysWhereToRunIt()
        {
            using var bare = new PowerShellSession();
            bare.Run("function global:Get-SecureMfaOtpHost { [pscustomobject]@{ PSEdition = 'Desktop'; PSVersion = '5.1'; IsElevated = $true; NetFrameworkRelease = 528040 } }");
            var result = bare.Run($"Install-SecureMfaOtpProvider '{_config}' -Confirm:$false");
            Assert.Contains("The command Get-AdfsFarmInformation is not available: run this on an AD FS server", result.ErrorText);
        }

        [Fact]
        public void WithoutElevationItRefusesAndChangesNothing()
        {
            _server.Host("Desktop", "5.1.17763.592", elevated: false, release: 528040);
            var result = Install();
            var error = Assert.Single(result.Errors);
            Assert.Contains("run it in an elevated Windows PowerShell (Run as administrator)", error.Exception.Message);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Empty(_server.Calls());
        }

        [Fact]
        public void OnPowerShell7ItSaysToUseWindowsPowerShell51()
        {
            _server.Host("Core", "7.6.0", elevated: true, release: 528040);
            var result = Install();
            var error = Assert.Single(result.Errors);
            Assert.Contains("Install-SecureMfaOtpProvider runs in Windows PowerShell 5.1, where the AD FS cmdlets live; this is PowerShell 7.6.0 (Core edition)", error.Exception.Message);
            Assert.Empty(_server.Calls());
        }

        [Fact]
        public void AnOldNetFrameworkIsRefusedNamingWhatIsInstalled()
        {
            _server.Host("Desktop", "5.1.14393.0", elevated: true, release: 394802);
            var error = Assert.Single(Install().Errors);
            Assert.Contains("needs .NET Framework 4.7.2 or later (release 461808); this server has .NET Framework 4.6.2 (release 394802)", error.Exception.Message);
            Assert.Empty(_server.Calls());

            _server.Host("Desktop", "5.1.14393.0", elevated: true, release: null);
            Assert.Contains("this server has no .NET Framework 4.5 or later", Install().ErrorText);
            _server.Host("Desktop", "5.1.17763.0", elevated: true, release: 461808);
            Assert.Empty(Install().Errors);
        }

        [Fact]
        public void SqliteIsRefusedOnAFarmOfMoreThanOneServerSayingWhatToUseInstead()
        {
            _server.Farm(role: "PrimaryComputer", registered: false, additional: "", nodes: 3);
            var error = Assert.Single(Install().Errors);
            Assert.StartsWith("This AD FS farm has 3 servers, and auth_mode SQLITE keeps OTP users in a file on one server", error.Exception.Message);
            Assert.Contains("Use auth_mode MSSQL", error.Exception.Message);
            Assert.Contains("or AD", error.Exception.Message);
            Assert.Empty(_server.Changes());

            // Another store passes this rule (and fails later, here, as nothing listens on port 1).
            var ad = Path.Combine(_server.Root, "ad.json");
            File.WriteAllText(ad, @"{ ""auth_mode"": ""AD"", ""ad_server"": ""127.0.0.1"", ""ad_port"": ""1"", ""ad_ssl"": ""false"", ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Farm-Rule-Passphrase-1"" }");
            var other = Assert.Single(_server.Run($"Install-SecureMfaOtpProvider '{ad}' -Confirm:$false").Errors);
            Assert.StartsWith("StoreUnavailable", other.FullyQualifiedErrorId);
        }

        [Fact]
        public void SqliteIsRefusedWithNotMainNodeFromTheGivenFileOrTheCopy()
        {
            var given = _server.Run($"Install-SecureMfaOtpProvider -NotMainNode -ConfigurationFilePath '{_config}' -Confirm:$false");
            Assert.StartsWith("-NotMainNode means a farm of more than one server, and auth_mode SQLITE", Assert.Single(given.Errors).Exception.Message);

            Directory.CreateDirectory(Path.GetDirectoryName(_server.ConfigurationCopy)!);
            File.Copy(_config, _server.ConfigurationCopy);
            var copy = _server.Run("Install-SecureMfaOtpProvider -NotMainNode -Confirm:$false");
            Assert.Contains("-NotMainNode means a farm of more than one server", copy.ErrorText);
            Assert.Empty(_server.Changes());
        }

        [Fact]
        public void SqliteOnASingleServerIsAllowedWithAWarningAboutAddingServers()
        {
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Contains(result.Warnings, w => w.Contains("before adding a server to this farm, move the users to SQL Server"));
        }

        [Fact]
        public void TheConfigurationCopyIsProtectedAfterItIsWritten()
        {
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Contains($"Protect|{_server.ConfigurationCopy}|True", _server.Calls());
            Assert.Equal(File.ReadAllText(_config), File.ReadAllText(_server.ConfigurationCopy));
            Assert.Equal("Copied and protected", Action(result, "Configuration copy", _server.ConfigurationCopy));
        }

        [Fact]
        public void ACopyThatCannotBeProtectedIsDeletedAgainAndNothingIsRegistered()
        {
            // The copy holds the passphrase, and %ProgramData% lets every local user read what is not protected.
            _server.Run("function global:Protect-SecureMfaOtpConfigurationFile { param($Path) throw 'Access is denied.' }");
            var result = Install();
            var error = Assert.Single(result.Errors);
            Assert.Equal("InstallStepFailed", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal($"Protecting the configuration copy {_server.ConfigurationCopy} failed, so it was deleted again (it holds the passphrase): Access is denied.",
                error.Exception.Message);
            Assert.False(File.Exists(_server.ConfigurationCopy));
            Assert.True(File.Exists(_config), "the administrator's own file is never touched");
            Assert.DoesNotContain(_server.Calls(), c => c.StartsWith("Register|", StringComparison.Ordinal));
        }

        [Fact]
        public void TheAdministratorsOwnFileIsNeverDeletedWhenItIsTheCopy()
        {
            Environment.SetEnvironmentVariable("SECUREMFA_OTP_CONFIGURATION", _config);
            _server.Run("function global:Protect-SecureMfaOtpConfigurationFile { param($Path) throw 'Access is denied.' }");
            var result = Install();
            Assert.Contains(result.Errors, e => e.Exception.Message.Contains("Access is denied."));
            Assert.True(File.Exists(_config));
        }

        [Fact]
        public void TheNativeLibraryIsCopiedToTheFixedFolderAndRecorded()
        {
            var source = Path.Combine(PowerShellSession.ModuleFolder, "native", PowerShellSession.NativeRid);
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            foreach (var file in Directory.GetFiles(source))
            {
                var target = Path.Combine(_server.NativeRoot, PowerShellSession.NativeRid, Path.GetFileName(file));
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(target));
                Assert.Contains(target, File.ReadAllLines(_server.FilesRecord));
                Assert.Equal("Installed", Action(result, "Native library", target));
            }
            Assert.Equal("Unchanged", Install().Output.First(o => (string)o.Properties["Kind"].Value == "Native library").Properties["Action"].Value);
        }

        [Fact]
        public void AThirdPartyAssemblyAlreadyInTheGacIsLeftAloneAndNotRecorded()
        {
            _server.PutInGac(FakeAdfsServer.ModuleAssembly("QRCoder.dll"));
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.DoesNotContain("Gac|QRCoder.dll", _server.Calls());
            Assert.Equal("Unchanged", Action(result, "GAC assembly", "QRCoder"));
            Assert.DoesNotContain(FakeAdfsServer.FullName("QRCoder.dll"), _server.RecordedAssemblies());
            Assert.Contains(FakeAdfsServer.FullName("Otp.NET.dll"), _server.RecordedAssemblies());
        }

        [Fact]
        public void OurAssembliesAlreadyInTheGacWithoutARecordAreRecordedAsOurs()
        {
            foreach (var file in new[] { "SecureMFA.Adapter.dll", "SecureMFA.Core.dll", "SecureMFA.Otp.dll" })
                _server.PutInGac(FakeAdfsServer.ModuleAssembly(file));
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal("Unchanged", Action(result, "GAC assembly", "SecureMFA.Core"));
            Assert.Contains(FakeAdfsServer.FullName("SecureMFA.Core.dll"), _server.RecordedAssemblies());
            Assert.Contains(AdapterStrongName(), _server.RecordedAssemblies());
        }

        private static string Version(string file) => AssemblyName.GetAssemblyName(file).Version!.ToString();

        public void Dispose() => _server.Dispose();
    }
}
