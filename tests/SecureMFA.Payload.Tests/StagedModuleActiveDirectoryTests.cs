using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using SecureMFA.Cmdlets.Tests;
using Xunit;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// AD mode from the staged module under PowerShell 7, against the Samba domain controller the test command starts
    /// (settings in SECUREMFA_AD_*, its CA in LDAPTLS_CACERT): System.DirectoryServices.Protocols must be the module's build
    /// for this operating system, never the portable placeholder that throws "not supported on this platform". The
    /// directory user is created with OpenLDAP's ldapadd, so this test host needs no LDAP library of its own: the module's
    /// copy is the only System.DirectoryServices.Protocols this process can load.
    /// </summary>
    [Collection(StagedModuleCollection.Name)]
    public sealed class StagedModuleActiveDirectoryTests : IDisposable
    {
        private readonly CopiedStagedModule _module;
        private readonly string _folder;
        private readonly Dictionary<string, string> _directory;
        private string? _createdDn;

        public StagedModuleActiveDirectoryTests(CopiedStagedModule module)
        {
            _module = module;
            _folder = Directory.CreateDirectory(Path.Combine(module.Root, "ad-" + Guid.NewGuid().ToString("N"))).FullName;
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            _directory = new[] { "SECUREMFA_AD_SERVER", "SECUREMFA_AD_PORT", "SECUREMFA_AD_USER", "SECUREMFA_AD_PASSWORD", "SECUREMFA_AD_BASE", "LDAPTLS_CACERT" }
                .ToDictionary(name => name, name => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException(
                    $"AD-mode tests need the Samba domain controller: run them through scripts/test.sh, or source its ad.env ({name} is not set)."));
        }

        [Fact]
        public void TheStagedModuleCreatesAndReadsAnOtpUserForADirectoryUserWithTheDirectoryBuildForThisOs()
        {
            CopiedStagedModule.AssertTheHostCarriesNo("System.DirectoryServices.Protocols");
            var upn = CreateDirectoryUser();
            var config = Path.Combine(_folder, "SecureMfaOtpProvider.json");
            File.WriteAllText(config, JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["auth_mode"] = "AD",
                ["ad_server"] = _directory["SECUREMFA_AD_SERVER"],
                ["ad_port"] = _directory["SECUREMFA_AD_PORT"],
                ["ad_ssl"] = "true",
                ["ad_user"] = _directory["SECUREMFA_AD_USER"],
                ["ad_password"] = _directory["SECUREMFA_AD_PASSWORD"],
                ["ad_search_base"] = _directory["SECUREMFA_AD_BASE"],
                ["data_encryption"] = "true",
                ["data_encryption_passphrase"] = "staged-module passphrase 9d2e",
            }));

            using var ps = new PowerShellSession(importModule: false);
            var imported = ps.Run($"Import-Module '{_module.Manifest}'");
            Assert.True(imported.Errors.Count == 0, imported.ErrorText);

            var created = ps.Run($"New-xOTP_User -Upn '{upn}' -ConfigurationFilePath '{config}'");
            Assert.True(created.Errors.Count == 0, created.ErrorText);
            var read = ps.Run($"Get-xOTP_User -Upn '{upn}' -ConfigurationFilePath '{config}' | ForEach-Object {{ \"$($_.Upn) $($_.Enrolled) $($_.Disabled)\" }}");
            Assert.True(read.Errors.Count == 0, read.ErrorText);
            Assert.Equal($"{upn} False False", Assert.Single(read.Output).ToString());

            // The directory client that answered is the module's build for this operating system, from the module's own folder.
            var os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win" : "linux";
            var loaded = ps.Run("[System.DirectoryServices.Protocols.LdapConnection].Assembly.Location");
            Assert.True(loaded.Errors.Count == 0, loaded.ErrorText);
            Assert.Equal(_module.PathOf("bin", "net10.0", "runtimes", os, "lib", "System.DirectoryServices.Protocols.dll"), Assert.Single(loaded.Output).ToString());
        }

        /// <summary>A new directory user with a UPN, added over LDAPS by ldapadd; the bind password goes through a private file, never the command line.</summary>
        private string CreateDirectoryUser()
        {
            var name = "ps7" + Guid.NewGuid().ToString("N").Substring(0, 12);
            var domain = string.Join(".", _directory["SECUREMFA_AD_BASE"].Split(',').Select(part => part.Trim()).Where(part => part.StartsWith("DC=", StringComparison.OrdinalIgnoreCase)).Select(part => part.Substring(3)));
            var upn = name + "@" + domain;
            var dn = $"CN={name},CN=Users,{_directory["SECUREMFA_AD_BASE"]}";
            var ldif = $"dn: {dn}\nobjectClass: user\nsAMAccountName: {name}\nuserPrincipalName: {upn}\n";
            Ldap("ldapadd", ldif);
            _createdDn = dn;
            return upn;
        }

        private void Ldap(string tool, string input)
        {
            var passwordFile = Path.Combine(_folder, "bind-password");
            File.WriteAllText(passwordFile, _directory["SECUREMFA_AD_PASSWORD"]);
            var start = new ProcessStartInfo(tool) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-x", "-H", $"ldaps://{_directory["SECUREMFA_AD_SERVER"]}:{_directory["SECUREMFA_AD_PORT"]}", "-D", _directory["SECUREMFA_AD_USER"], "-y", passwordFile })
                start.ArgumentList.Add(argument);
            start.Environment["LDAPTLS_CACERT"] = _directory["LDAPTLS_CACERT"];
            try
            {
                using var process = StartOrExplain(start);
                process.StandardInput.Write(input);
                process.StandardInput.Close();
                var error = process.StandardError.ReadToEndAsync();
                process.StandardOutput.ReadToEnd();
                Assert.True(process.WaitForExit(30_000), $"{tool} did not finish within 30 s");
                Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {error.Result}");
            }
            finally
            {
                File.Delete(passwordFile);
            }
        }

        private static Process StartOrExplain(ProcessStartInfo start)
        {
            try { return Process.Start(start)!; }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException($"{start.FileName} (OpenLDAP's ldap-utils, which scripts/install-test-deps.sh installs) creates the directory user: {ex.Message}", ex);
            }
        }

        public void Dispose()
        {
            // The shared domain controller keeps nothing from this test: the directory user (and its OTP attributes) goes.
            if (_createdDn != null) Ldap("ldapdelete", _createdDn + "\n");
        }
    }
}
