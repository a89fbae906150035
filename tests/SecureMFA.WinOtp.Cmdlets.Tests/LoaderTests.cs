using System;
using System.IO;
using System.Linq;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.Cmdlets.Tests
{
    /// <summary>
    /// The loader (SecureMFA_WIN_OTP.psm1, with src/PowerShell/Common/ModuleLoader.ps1 put in) and the shared layer behave
    /// as in SecureMFA_OTP: the same build choice, elevation false off Windows, a missing seam named.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public sealed class LoaderTests : IDisposable
    {
        private readonly WinOtpModuleSession _ps = new WinOtpModuleSession();

        public void Dispose() => _ps.Dispose();

        private ScriptResult Decide(string edition, string powerShell, string dotNet) =>
            _ps.Run($"& (Get-Module SecureMFA_WIN_OTP) {{ Select-SecureMfaCmdletBuild -Edition '{edition}' -PowerShellVersion '{powerShell}' -DotNetVersion '{dotNet}' }}");

        [Theory]
        [InlineData("Desktop", "5.1", "4.0.30319.42000", "net472")]
        [InlineData("Core", "7.6", "10.0.1", "net10.0")]
        public void AHostThatCanLoadABuildGetsIt(string edition, string powerShell, string dotNet, string build)
        {
            var result = Decide(edition, powerShell, dotNet);
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(build, result.Output.Single().ToString());
        }

        [Fact]
        public void OlderPowerShell7IsToldWhichVersionsWork()
        {
            var error = Assert.Single(Decide("Core", "7.4", "8.0.11").Errors);
            Assert.Equal("SecureMFA_WIN_OTP runs in Windows PowerShell 5.1 or in PowerShell 7.6 or later (on .NET 10); this is PowerShell 7.4 on .NET 8.0.11. " +
                "Use an elevated Windows PowerShell 5.1 (powershell.exe).", error.Exception.Message);
        }

        [Fact]
        public void OffWindowsNobodyIsElevated()
        {
            Assert.False(OperatingSystem.IsWindows(), "this test is for PowerShell 7 off Windows, where there is no Windows identity to ask");
            var result = _ps.Run("& (Get-Module SecureMFA_WIN_OTP) { Test-SecureMfaElevation }");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(false, Assert.Single(result.Output).BaseObject);
        }

        [Fact]
        public void WithoutTheModulesFunctionsACmdletNamesTheMissingSeam()
        {
            using var bare = new ModuleSession(null);
            var imported = bare.Run($"Import-Module '{Path.Combine(WinOtpModuleSession.ModuleFolder, "bin", "net10.0", "SecureMFA.WinOtp.Cmdlets.dll")}'");
            Assert.True(imported.Errors.Count == 0, imported.ErrorText);
            var error = Assert.Single(bare.Run("Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider -Confirm:$false").Errors);
            Assert.StartsWith("PlatformCommandMissing,", error.FullyQualifiedErrorId);
            Assert.StartsWith("The command Get-SecureMfaWinOtpHost is not available: import the SecureMFA_WIN_OTP module", error.Exception.Message);
        }
    }
}
