using System.Linq;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.Cmdlets.Tests
{
    /// <summary>The staged module: manifest, exported commands, the original product's parameters, help for every parameter.</summary>
    [Collection(ModuleCollection.Name)]
    public sealed class ModuleTests
    {
        private static readonly string[] OriginalParameters =
        {
            "anchordnsname", "RDPonly", "api_endpoint", "api_timeout", "sspr_url", "totp_offline_secret_valid_days", "totp_offline_ui_login_failures",
            "totp_offline_ui_lockout_minutes", "data_encryption_passphrase", "api_headers_value", "api_proxy_enable", "api_proxy_server", "api_proxy_port",
            "verboselog", "serialkey", "subscriptionid",
        };

        [Fact]
        public void TheStagedManifestIsValidAndExportsTheCmdletsAndTheSeams()
        {
            using var session = new WinOtpModuleSession();
            var manifest = session.Run($"Test-ModuleManifest -Path '{System.IO.Path.Combine(WinOtpModuleSession.StagedModuleFolder, "SecureMFA_WIN_OTP.psd1")}'");
            Assert.True(manifest.Errors.Count == 0, manifest.ErrorAndVerboseText);
            var commands = session.Run("Get-Command -Module SecureMFA_WIN_OTP | ForEach-Object { $_.CommandType.ToString() + ' ' + $_.Name }").Output.Select(o => o.ToString()).ToArray();
            foreach (var cmdlet in new[] { "Install-SecureMFA_WIN_OTP_AuthenticationProvider", "Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider", "Test-SecureMFA_WIN_OTP" })
                Assert.Contains("Cmdlet " + cmdlet, commands);
            Assert.Equal(15, commands.Count(c => c.StartsWith("Function ")));
            Assert.Contains("Function Get-SecureMfaWinOtpRegistryValueKind", commands);
            Assert.Contains("Function Resolve-SecureMfaWinOtpAccountSid", commands);
            Assert.Contains("Function Protect-SecureMfaWinOtpRegistryKey", commands);
            Assert.Contains("Function Get-SecureMfaWinOtpRegistryKeyAccess", commands);
            var version = session.Run("(Get-Module SecureMFA_WIN_OTP).Version.ToString()").Output.Single().ToString();
            Assert.Equal(typeof(ModuleTests).Assembly.GetName().Version!.ToString(3), version);
        }

        [Fact]
        public void InstallTakesEveryOriginalParameterAndDocumentsIt()
        {
            using var session = new WinOtpModuleSession();
            var parameters = session.Run("(Get-Command Install-SecureMFA_WIN_OTP_AuthenticationProvider).Parameters.Keys").Output.Select(o => o.ToString()).ToArray();
            foreach (var name in OriginalParameters) Assert.Contains(name, parameters);
            Assert.Contains("WhatIf", parameters);
            foreach (var name in OriginalParameters)
            {
                var help = session.Run($"(Get-Help Install-SecureMFA_WIN_OTP_AuthenticationProvider -Parameter {name}).description.Text").Output.Select(o => o.ToString()).FirstOrDefault();
                Assert.False(string.IsNullOrWhiteSpace(help), name + " has no help");
            }
            var example = session.Run("(Get-Help Install-SecureMFA_WIN_OTP_AuthenticationProvider -Examples).examples.example[0].code").Output.Single().ToString();
            Assert.Contains("-anchordnsname \"adatum.labnet\" -RDPonly $true -api_endpoint \"https://awebapi.adatum.labnet/api/securemfaotp\"", example);
        }

        [Fact]
        public void TheModuleShipsTheX64ProviderItInstalls()
        {
            using var pe = new System.Reflection.PortableExecutable.PEReader(System.IO.File.OpenRead(System.IO.Path.Combine(WinOtpModuleSession.StagedModuleFolder, "provider", "SecureMFA.WinOtp.CredentialProvider.dll")));
            Assert.Equal(System.Reflection.PortableExecutable.Machine.Amd64, pe.PEHeaders.CoffHeader.Machine);
            Assert.Equal(new[] { "SecureMFA.Otp.dll", "SecureMFA.WinOtp.Core.dll", "SecureMFA.WinOtp.CredentialProvider.dll" },
                System.IO.Directory.GetFiles(System.IO.Path.Combine(WinOtpModuleSession.StagedModuleFolder, "provider")).Select(System.IO.Path.GetFileName).OrderBy(n => n));
        }
    }
}
