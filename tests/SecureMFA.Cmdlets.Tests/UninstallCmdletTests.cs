using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>Uninstall removes exactly what Install recorded, with AD FS stopped meanwhile, and says what it did.</summary>
    [Collection(AdfsServerCollection.Name)]
    public sealed class UninstallCmdletTests : IDisposable
    {
        private static readonly string[] Ours = { "SecureMFA.Adapter", "SecureMFA.Core", "SecureMFA.Otp" };
        private readonly FakeAdfsServer _server = new FakeAdfsServer();
        private readonly string _config;

        public UninstallCmdletTests()
        {
            _config = Path.Combine(_server.Root, "SecureMfaOtpProvider.json");
            File.WriteAllText(_config, $@"{{ ""company"": ""Adatum"", ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{_server.Root}/otp.db"" }}");
        }

        /// <summary>Installs on the main node, then presents the farm as it is afterwards (registered, in the global policy).</summary>
        private void Installed()
        {
            var result = _server.Run($"Install-SecureMfaOtpProvider '{_config}' -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            _server.Farm(role: "PrimaryComputer", registered: true, additional: "'AzureMfaAuthentication','SecureMfaOtpProvider'", nodes: 1);
            _server.ClearCalls();
        }

        private static bool IsOurs(string fullName) => Ours.Any(o => fullName.StartsWith(o + ",", StringComparison.Ordinal));

        [Fact]
        public void ItLeavesThePolicyUnregistersThenRemovesOurAssembliesWithAdfsStopped()
        {
            Installed();
            var result = _server.Run("Uninstall-SecureMfaOtpProvider -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);

            var calls = _server.Changes();
            Assert.Equal("Policy|AzureMfaAuthentication", calls[0]);
            Assert.Equal("Unregister|SecureMfaOtpProvider|False", calls[1]);
            Assert.Equal("Stop|adfssrv", calls[2]);
            Assert.Equal(Ours.Select(o => "Ungac|" + o), calls.Skip(3).Take(3));
            Assert.Equal("Start|adfssrv", calls.Last());
            Assert.DoesNotContain(calls, c => c.StartsWith("Restart|"));

            Assert.DoesNotContain(_server.Gac(), IsOurs);
            Assert.All(Ours, o => Assert.Equal("Removed", result.Output.Single(c => (string)c.Properties["Name"].Value == o).Properties["Action"].Value));
            Assert.Equal("Unregistered", result.Output.Single(c => (string)c.Properties["Kind"].Value == "AD FS registration").Properties["Action"].Value);
        }

        [Fact]
        public void ThirdPartyAssembliesInstallAddedStayUnlessAskedAndStayRecorded()
        {
            Installed();
            var thirdParty = _server.RecordedAssemblies().Where(n => !IsOurs(n)).ToList();
            Assert.NotEmpty(thirdParty);

            var result = _server.Run("Uninstall-SecureMfaOtpProvider -NotMainNode -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(thirdParty.OrderBy(n => n, StringComparer.Ordinal), _server.Gac());
            Assert.Equal(thirdParty.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), _server.RecordedAssemblies());
            Assert.All(result.Output.Where(o => (string)o.Properties["Kind"].Value == "GAC assembly" && !Ours.Contains((string)o.Properties["Name"].Value)),
                o => Assert.Equal("Kept", o.Properties["Action"].Value));

            var again = _server.Run("Uninstall-SecureMfaOtpProvider -NotMainNode -RemoveThirdPartyAssemblies -Confirm:$false");
            Assert.True(again.Errors.Count == 0, again.ErrorText);
            Assert.Empty(_server.Gac());
            Assert.False(File.Exists(_server.AssembliesRecord), "nothing left to remember");
        }

        [Fact]
        public void WhatWasInTheGacBeforeInstallIsNeverRemoved()
        {
            _server.PutInGac(FakeAdfsServer.ModuleAssembly("QRCoder.dll"));
            Installed();
            var result = _server.Run("Uninstall-SecureMfaOtpProvider -RemoveThirdPartyAssemblies -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(new[] { FakeAdfsServer.FullName("QRCoder.dll") }, _server.Gac());
            Assert.DoesNotContain("Ungac|QRCoder", _server.Calls());
        }

        [Fact]
        public void EveryRecordedVersionOfOursIsRemovedEvenIfThisModuleShipsAnother()
        {
            Installed();
            // What an earlier release left: SecureMFA.Core at another version, side by side, recorded by that install.
            var earlierName = new AssemblyName(FakeAdfsServer.FullName("SecureMFA.Core.dll")) { Version = new Version(0, 9, 0, 0) };
            var earlier = earlierName.FullName;
            _server.Run($"$global:gac['{earlier}'] = '{FakeAdfsServer.ModuleAssembly("SecureMFA.Core.dll")}'");
            File.AppendAllLines(_server.AssembliesRecord, new[] { earlier });

            var result = _server.Run("Uninstall-SecureMfaOtpProvider -NotMainNode -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.DoesNotContain(earlier, _server.Gac());
            Assert.Equal(2, _server.Calls().Count(c => c == "Ungac|SecureMFA.Core"));
        }

        [Fact]
        public void WithoutARecordOnlyThisReleasesSecureMfaAssembliesAreRemoved()
        {
            foreach (var file in FakeAdfsServer.ModuleAssemblies()) _server.PutInGac(FakeAdfsServer.ModuleAssembly(file));
            var result = _server.Run("Uninstall-SecureMfaOtpProvider -NotMainNode -RemoveThirdPartyAssemblies -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Contains(result.Warnings, w => w.Contains("No record of what Install-SecureMfaOtpProvider added on this server"));
            Assert.Equal(FakeAdfsServer.ModuleAssemblies().Count - Ours.Length, _server.Gac().Length);
            Assert.DoesNotContain(_server.Gac(), IsOurs);
        }

        [Fact]
        public void TheNativeFilesInstallCopiedAreDeletedWithTheirFolder()
        {
            Installed();
            var folder = Path.Combine(_server.NativeRoot, PowerShellSession.NativeRid);
            Assert.NotEmpty(Directory.GetFiles(folder));
            var result = _server.Run("Uninstall-SecureMfaOtpProvider -NotMainNode -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.False(Directory.Exists(folder));
            Assert.False(File.Exists(_server.FilesRecord));
            Assert.Contains(result.Output, o => (string)o.Properties["Kind"].Value == "Native library" && (string)o.Properties["Action"].Value == "Removed");
            Assert.True(File.Exists(_server.ConfigurationCopy), "the configuration copy (and the users) stay");
        }

        [Fact]
        public void AnAssemblyThatStaysInTheGacStopsNamingItAndAdfsIsStartedAgain()
        {
            Installed();
            _server.Run("$global:failRemove = @('SecureMFA.Core')");
            var result = _server.Run("Uninstall-SecureMfaOtpProvider -NotMainNode -Confirm:$false");
            var error = Assert.Single(result.Errors);
            Assert.Contains($"{FakeAdfsServer.FullName("SecureMFA.Core.dll")} is still in the GAC", error.Exception.Message);
            Assert.Contains("The AD FS service was started again.", error.Exception.Message);
            Assert.Equal("Start|adfssrv", _server.Changes().Last());
            Assert.Contains(FakeAdfsServer.FullName("SecureMFA.Core.dll"), _server.RecordedAssemblies());
            Assert.DoesNotContain(FakeAdfsServer.FullName("SecureMFA.Adapter.dll"), _server.RecordedAssemblies());
        }

        [Fact]
        public void WhatIfCallsNothingThatChangesAnything()
        {
            Installed();
            var gac = _server.Gac();
            var record = File.ReadAllText(_server.AssembliesRecord);
            var result = _server.Run("Uninstall-SecureMfaOtpProvider -RemoveThirdPartyAssemblies -WhatIf");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Empty(_server.Changes());
            Assert.Equal(gac, _server.Gac());
            Assert.Equal(record, File.ReadAllText(_server.AssembliesRecord));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(_server.NativeRoot, PowerShellSession.NativeRid)));
        }

        [Fact]
        public void OnPowerShell7OrWithoutElevationItRefuses()
        {
            _server.Host("Core", "7.6.1", elevated: true, release: null);
            Assert.Contains("Uninstall-SecureMfaOtpProvider runs in Windows PowerShell 5.1", _server.Run("Uninstall-SecureMfaOtpProvider -Confirm:$false").ErrorText);
            _server.Host("Desktop", "5.1.17763.592", elevated: false, release: 528040);
            Assert.Contains("elevated", _server.Run("Uninstall-SecureMfaOtpProvider -Confirm:$false").ErrorText);
            Assert.Empty(_server.Calls());
        }

        [Fact]
        public void ANativeFileInUseIsDeletedAtTheNextRestartWithItsFoldersAndTheUserIsTold()
        {
            Installed();
            var folder = Path.Combine(_server.NativeRoot, PowerShellSession.NativeRid);
            var file = Assert.Single(Directory.GetFiles(folder));
            ScriptResult result;
            using (new UndeletableFile(file))
            {
                Assert.ThrowsAny<Exception>(() => File.Delete(file));
                result = _server.Run("Uninstall-SecureMfaOtpProvider -NotMainNode -Confirm:$false");
            }
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            // The file first, then each folder it leaves empty, up to the native folder and no further.
            Assert.Equal(new[] { "AtRestart|" + file, "AtRestart|" + folder, "AtRestart|" + _server.NativeRoot },
                _server.Calls().Where(c => c.StartsWith("AtRestart|", StringComparison.Ordinal)));
            Assert.Contains(result.Warnings, w => w.Contains(file) && w.Contains("deleted when Windows restarts"));
            Assert.Contains(result.Output, o => (string)o.Properties["Kind"].Value == "Native library" && (string)o.Properties["Action"].Value == "Deleted at restart");
            Assert.False(File.Exists(_server.FilesRecord) && File.ReadAllText(_server.FilesRecord).Contains(file), "no longer recorded: Windows removes it");
            Assert.Equal("Start|adfssrv", _server.Changes().Last());
        }

        [Fact]
        public void WhenEvenTheDeleteAtRestartFailsItStopsSayingWhatToDoAndKeepsTheRecord()
        {
            Installed();
            var file = Assert.Single(Directory.GetFiles(Path.Combine(_server.NativeRoot, PowerShellSession.NativeRid)));
            _server.Run("$global:failAtRestart = $true");
            ScriptResult result;
            using (new UndeletableFile(file)) result = _server.Run("Uninstall-SecureMfaOtpProvider -NotMainNode -Confirm:$false");
            var error = Assert.Single(result.Errors);
            Assert.Contains($"Removing {file} failed", error.Exception.Message);
            Assert.Contains("deleting it at the next restart: Access is denied.", error.Exception.Message);
            Assert.Contains("Close every PowerShell", error.Exception.Message);
            Assert.Contains(file, File.ReadAllText(_server.FilesRecord));
            Assert.Equal("Start|adfssrv", _server.Changes().Last());
        }

        public void Dispose() => _server.Dispose();
    }
}
