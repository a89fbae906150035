using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// The loader (SecureMFA_OTP.psm1, with src/PowerShell/Common/ModuleLoader.ps1 put in) picks the cmdlet build the host can load: the net10.0 build needs PowerShell 7.6
    /// on .NET 10, so older PowerShell 7 versions get a clear message instead of an assembly load error.
    /// </summary>
    public sealed class LoaderTests : IDisposable
    {
        private readonly PowerShellSession _ps = new PowerShellSession(recordAudit: false);

        /// <summary>Runs the loader's own decision, inside the imported module.</summary>
        private ScriptResult Decide(string edition, string powerShell, string dotNet) =>
            _ps.Run($"& (Get-Module SecureMFA_OTP) {{ Select-SecureMfaCmdletBuild -Edition '{edition}' -PowerShellVersion '{powerShell}' -DotNetVersion '{dotNet}' }}");

        [Theory]
        [InlineData("Desktop", "5.1", "4.0.30319.42000", "net472")]
        [InlineData("Core", "7.6", "10.0.1", "net10.0")]
        [InlineData("Core", "7.7", "11.0.0", "net10.0")]
        public void AHostThatCanLoadABuildGetsIt(string edition, string powerShell, string dotNet, string build)
        {
            var result = Decide(edition, powerShell, dotNet);
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(build, result.Output.Single().ToString());
        }

        [Theory]
        [InlineData("7.4", "8.0.11")]
        [InlineData("7.5", "9.0.4")]
        [InlineData("7.6", "9.0.4")]
        public void OlderPowerShell7IsToldWhichVersionsWork(string powerShell, string dotNet)
        {
            var error = Assert.Single(Decide("Core", powerShell, dotNet).Errors);
            Assert.Equal("SecureMFA_OTP runs in Windows PowerShell 5.1 or in PowerShell 7.6 or later (on .NET 10); " +
                $"this is PowerShell {powerShell} on .NET {dotNet}. On an AD FS server use Windows PowerShell 5.1 (powershell.exe), where the AD FS cmdlets live; " +
                "elsewhere install PowerShell 7.6 or later.", error.Exception.Message);
        }

        [Fact]
        public void OffWindowsNobodyIsElevated()
        {
            Assert.False(OperatingSystem.IsWindows(), "this test is for PowerShell 7 off Windows, where there is no Windows identity to ask");
            var result = _ps.Run("& (Get-Module SecureMFA_OTP) { Test-SecureMfaElevation }");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(false, Assert.Single(result.Output).BaseObject);
        }

        [Fact]
        public void ThisHostLoadsTheNet10BuildFromTheModule()
        {
            var location = _ps.Run("(Get-Command Get-xOTP_User).ImplementingType.Assembly.Location").Output.Single().ToString()!;
            Assert.Equal(Path.Combine(PowerShellSession.ModuleFolder, "bin", "net10.0", "SecureMFA.Cmdlets.dll"), location);
        }

        [Fact]
        public void TheManifestStatesTheFrameworkAndExportsEverySeam()
        {
            using var ps = new PowerShellSession(importModule: false);
            var result = ps.Run($"Test-ModuleManifest -Path '{Path.Combine(PowerShellSession.StagedModuleFolder, "SecureMFA_OTP.psd1")}'");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            var module = (PSModuleInfo)Assert.Single(result.Output).BaseObject;
            Assert.Equal(new Version(4, 7, 2), module.DotNetFrameworkVersion);
            Assert.Equal(new Version(5, 1), module.PowerShellVersion);
            Assert.Equal(new[] { "Core", "Desktop" }, module.CompatiblePSEditions.OrderBy(e => e));

            var seams = new[] { "Get-SecureMfaOtpHost", "Get-SecureMfaOtpCertificate", "Invoke-SecureMfaOtpSqlScript", "Install-SecureMfaOtpWebPortal", "Uninstall-SecureMfaOtpWebPortal",
                "Find-SecureMfaOtpGacAssembly", "Install-SecureMfaOtpGacAssembly", "Uninstall-SecureMfaOtpGacAssembly",
                "Register-SecureMfaOtpEventSource", "Protect-SecureMfaOtpConfigurationFile", "Remove-SecureMfaOtpFileAtRestart", "Write-SecureMfaOtpAuditEvent" };
            Assert.Equal(seams.OrderBy(s => s), module.ExportedFunctions.Keys.OrderBy(s => s));
            var imported = _ps.Run("Get-Command -Module SecureMFA_OTP -CommandType Function | ForEach-Object Name").Output.Select(o => o.ToString()).OrderBy(s => s);
            Assert.Equal(seams.OrderBy(s => s), imported);
        }

        public void Dispose() => _ps.Dispose();
    }
}
