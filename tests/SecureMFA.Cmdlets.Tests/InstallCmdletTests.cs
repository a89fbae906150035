using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// Install and uninstall with the Windows side replaced: the AD FS cmdlets, Restart-Service and the module's
    /// GAC and event-source functions are PowerShell functions here that record how they were called.
    /// </summary>
    public sealed class InstallCmdletTests : IDisposable
    {
        private readonly PowerShellSession _ps = new PowerShellSession();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "securemfa-install-tests", Guid.NewGuid().ToString("N"));
        private readonly string _config;

        public InstallCmdletTests()
        {
            Directory.CreateDirectory(_folder);
            _config = Path.Combine(_folder, "SecureMfaOtpProvider.json");
            File.WriteAllText(_config, $@"{{ ""company"": ""Adatum"", ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{_folder}/otp.db"" }}");
            Environment.SetEnvironmentVariable("SECUREMFA_OTP_CONFIGURATION", Path.Combine(_folder, "installed", "SecureMfaOtpProvider.json"));
            Farm(role: "PrimaryComputer", registered: false, additional: "'AzureMfaAuthentication'");
        }

        /// <summary>Defines the fake farm: its WID role, whether the provider is registered, the policy list.</summary>
        private void Farm(string role, bool registered, string additional) => _ps.Run($@"
            $global:calls = [System.Collections.Generic.List[string]]::new()
            function global:Get-AdfsSyncProperties {{ [pscustomobject]@{{ Role = '{role}' }} }}
            function global:Get-AdfsAuthenticationProvider {{ [pscustomobject]@{{ Name = 'FormsAuthentication' }}; {(registered ? "[pscustomobject]@{ Name = 'SecureMfaOtpProvider' }" : "")} }}
            function global:Register-AdfsAuthenticationProvider {{ param($TypeName, $Name, $ConfigurationFilePath) $global:calls.Add(""Register|$Name|$TypeName|$ConfigurationFilePath"") }}
            function global:Import-AdfsAuthenticationProviderConfigurationData {{ param($Name, $FilePath) $global:calls.Add(""Import|$Name|$FilePath"") }}
            function global:Unregister-AdfsAuthenticationProvider {{ param($Name, [switch]$Confirm) $global:calls.Add(""Unregister|$Name|$Confirm"") }}
            function global:Get-AdfsGlobalAuthenticationPolicy {{ [pscustomobject]@{{ AdditionalAuthenticationProvider = @({additional}); PrimaryIntranetAuthenticationProvider = @('FormsAuthentication'); PrimaryExtranetAuthenticationProvider = @('FormsAuthentication') }} }}
            function global:Set-AdfsGlobalAuthenticationPolicy {{ param([string[]]$AdditionalAuthenticationProvider, [string[]]$PrimaryIntranetAuthenticationProvider) $global:calls.Add(""Policy|$($AdditionalAuthenticationProvider -join ',')"") }}
            function global:Restart-Service {{ param($Name, [switch]$Force) $global:calls.Add(""Restart|$Name|$Force"") }}
            function global:Install-SecureMfaOtpGacAssembly {{ param($Path) $global:calls.Add(""Gac|$([System.IO.Path]::GetFileName($Path))"") }}
            function global:Uninstall-SecureMfaOtpGacAssembly {{ param($Path) $global:calls.Add(""Ungac|$([System.IO.Path]::GetFileName($Path))"") }}
            function global:Register-SecureMfaOtpEventSource {{ $global:calls.Add('EventSource') }}");

        private string[] Calls() => _ps.Run("$global:calls").Output.Select(o => o.ToString()!).ToArray();

        private static string AdapterStrongName() =>
            AssemblyName.GetAssemblyName(Path.Combine(PowerShellSession.ModuleFolder, "adapter", "SecureMFA.Adapter.dll")).FullName;

        [Fact]
        public void OnTheMainNodeItInstallsTheGacRegistersWithTheFullStrongNameAndRestarts()
        {
            var result = _ps.Run($"Install-SecureMfaOtpProvider -ConfigurationFilePath '{_config}' -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            var calls = Calls();
            Assert.Contains("Gac|SecureMFA.Adapter.dll", calls);
            Assert.Contains("Gac|SecureMFA.Core.dll", calls);
            Assert.Contains("Gac|Otp.NET.dll", calls);
            Assert.Contains("EventSource", calls);
            var register = Assert.Single(calls, c => c.StartsWith("Register|"));
            Assert.Equal($"Register|SecureMfaOtpProvider|SecureMFA.Adapter.OtpAuthenticationAdapter, {AdapterStrongName()}|{_config}", register);
            Assert.Matches("PublicKeyToken=[0-9a-f]{16}", register);
            Assert.Equal("Restart|adfssrv|True", calls.Last());
            Assert.True(Array.IndexOf(calls, "Gac|SecureMFA.Adapter.dll") < Array.IndexOf(calls, register));
            Assert.True(File.Exists(Environment.GetEnvironmentVariable("SECUREMFA_OTP_CONFIGURATION")), "the support cmdlets' copy of the configuration");
            Assert.Equal("Registered", result.Output.Single().Properties["Registration"].Value);
        }

        [Fact]
        public void WhenAlreadyRegisteredItUpdatesTheConfigurationInsteadOfFailing()
        {
            Farm(role: "PrimaryComputer", registered: true, additional: "");
            var result = _ps.Run($"Install-SecureMfaOtpProvider '{_config}' -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            var calls = Calls();
            Assert.DoesNotContain(calls, c => c.StartsWith("Register|"));
            Assert.Contains($"Import|SecureMfaOtpProvider|{_config}", calls);
        }

        [Fact]
        public void NotMainNodeOnlyInstallsTheGacAndRestarts()
        {
            var result = _ps.Run("Install-SecureMfaOtpProvider -NotMainNode -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            var calls = Calls();
            Assert.Contains("Gac|SecureMFA.Adapter.dll", calls);
            Assert.DoesNotContain(calls, c => c.StartsWith("Register|") || c.StartsWith("Import|"));
            Assert.Equal("Restart|adfssrv|True", calls.Last());
        }

        [Fact]
        public void ASecondaryWidServerRefusesToRegisterAndChangesNothing()
        {
            Farm(role: "SecondaryComputer", registered: false, additional: "");
            var result = _ps.Run($"Install-SecureMfaOtpProvider '{_config}' -Confirm:$false");
            Assert.Contains("secondary server of a WID farm", result.ErrorText);
            Assert.Contains("-NotMainNode", result.ErrorText);
            Assert.Empty(Calls());
        }

        [Fact]
        public void AnInvalidConfigurationListsEveryProblemAndChangesNothing()
        {
            var bad = Path.Combine(_folder, "bad.json");
            File.WriteAllText(bad, @"{ ""ui_login_failures"": ""abc"", ""ui_lockout_minutes"": ""soon"" }");
            var result = _ps.Run($"Install-SecureMfaOtpProvider '{bad}' -Confirm:$false");
            var error = Assert.Single(result.Errors);
            Assert.Contains("ui_login_failures: \"abc\" is not a whole number", error.Exception.Message);
            Assert.Contains("ui_lockout_minutes: \"soon\" is not a whole number", error.Exception.Message);
            Assert.Empty(Calls());
        }

        [Fact]
        public void TheMainNodeNeedsAConfiguration()
        {
            Assert.Contains("-ConfigurationFilePath is required on the main node", _ps.Run("Install-SecureMfaOtpProvider -Confirm:$false").ErrorText);
            Assert.Empty(Calls());
        }

        [Fact]
        public void WhatIfValidatesButCallsNothing()
        {
            var result = _ps.Run($"Install-SecureMfaOtpProvider '{_config}' -WhatIf");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.DoesNotContain(Calls(), c => c.StartsWith("Gac") || c.StartsWith("Register") || c.StartsWith("Restart") || c == "EventSource");
            Assert.False(File.Exists(Environment.GetEnvironmentVariable("SECUREMFA_OTP_CONFIGURATION")));
        }

        [Fact]
        public void AddToGlobalPolicyKeepsTheProvidersAlreadyListed()
        {
            _ps.Run($"Install-SecureMfaOtpProvider '{_config}' -AddToGlobalPolicy -Confirm:$false");
            Assert.Contains("Policy|AzureMfaAuthentication,SecureMfaOtpProvider", Calls());
        }

        [Fact]
        public void UninstallLeavesThePolicyListsUnregistersRestartsThenLeavesTheGac()
        {
            Farm(role: "PrimaryComputer", registered: true, additional: "'AzureMfaAuthentication','SecureMfaOtpProvider'");
            var result = _ps.Run("Uninstall-SecureMfaOtpProvider -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            var calls = Calls();
            Assert.Equal("Policy|AzureMfaAuthentication", calls[0]);
            Assert.Equal("Unregister|SecureMfaOtpProvider|False", calls[1]);
            Assert.Equal("Restart|adfssrv|True", calls[2]);
            Assert.Equal(new[] { "Ungac|SecureMFA.Adapter.dll", "Ungac|SecureMFA.Core.dll", "Ungac|SecureMFA.Otp.dll" }, calls.Skip(3));
        }

        [Fact]
        public void WithoutTheAdfsModuleItSaysWhereToRunIt()
        {
            using var bare = new PowerShellSession();
            var result = bare.Run($"Install-SecureMfaOtpProvider '{_config}' -Confirm:$false");
            Assert.Contains("The command Get-AdfsSyncProperties is not available: run this on an AD FS server", result.ErrorText);
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable("SECUREMFA_OTP_CONFIGURATION", null);
            _ps.Dispose();
        }
    }
}
