using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using SecureMFA.Cmdlets.Tests;
using Xunit;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// The staged module, copied to a folder of its own and imported into the real PowerShell engine, creates and reads
    /// users on SQLite. This test host references nothing of ours and no SQLite package, so the module's own files are
    /// the only SecureMFA.Core and the only e_sqlite3 this process can find.
    /// </summary>
    [Collection(StagedModuleCollection.Name)]
    public sealed class StagedModuleSqliteTests
    {
        private readonly CopiedStagedModule _module;
        private readonly string _root;

        public StagedModuleSqliteTests(CopiedStagedModule module)
        {
            _module = module;
            _root = Directory.CreateDirectory(Path.Combine(module.Root, "sqlite-" + Guid.NewGuid().ToString("N"))).FullName;
        }

        [Fact]
        public void TheStagedModuleFromItsOwnFolderCreatesAndReadsUsersOnSqliteWithItsOwnNativeLibrary()
        {
            // Nothing in this test host's folder can stand in for the module's files.
            var hostFiles = Directory.GetFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
            Assert.DoesNotContain(hostFiles, f => f!.Contains("e_sqlite3", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(hostFiles, f => f!.StartsWith("SecureMFA.Core", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(hostFiles, f => f!.StartsWith("SQLitePCLRaw", StringComparison.OrdinalIgnoreCase));
            Environment.SetEnvironmentVariable("SECUREMFA_OTP_NATIVE_DIR", null);

            var module = _module.Folder;
            var config = Path.Combine(_root, "SecureMfaOtpProvider.json");
            File.WriteAllText(config, $@"{{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{Path.Combine(_root, "data", "otp.db")}"",
                ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""staged-module passphrase 9d2e"" }}");

            using var ps = new PowerShellSession(importModule: false);
            var imported = ps.Run($"Import-Module '{Path.Combine(module, "SecureMFA_OTP.psd1")}' -PassThru | ForEach-Object {{ \"$($_.Version)\" }}");
            Assert.True(imported.Errors.Count == 0, imported.ErrorText);
            Assert.Equal(StagedModule.Release, Assert.Single(imported.Output).ToString());

            var created = ps.Run($"'ann@contoso.test', 'ben@contoso.test' | New-xOTP_User -ConfigurationFilePath '{config}'");
            Assert.True(created.Errors.Count == 0, created.ErrorText);
            var listed = ps.Run($"Get-xOTP_User -ConfigurationFilePath '{config}' | ForEach-Object {{ $_.Upn }}");
            Assert.True(listed.Errors.Count == 0, listed.ErrorText);
            Assert.Equal(new[] { "ann@contoso.test", "ben@contoso.test" }, listed.Output.Select(o => o.ToString()).OrderBy(u => u));

            // The module's own Core and its own native library, found from the module layout (bin/net10.0 → ../../native).
            var rid = (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win-" : "linux-") + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            var library = Path.Combine(module, "native", rid, RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "e_sqlite3.dll" : "libe_sqlite3.so");
            var core = ps.Run("[SecureMFA.Core.Native.NativeSqliteLibrary].Assembly.Location; [SecureMFA.Core.Native.NativeSqliteLibrary]::LoadedFrom");
            Assert.True(core.Errors.Count == 0, core.ErrorText);
            Assert.Equal(new[] { Path.Combine(module, "bin", "net10.0", "SecureMFA.Core.dll"), library }, core.Output.Select(o => o.ToString()));
            if (File.Exists("/proc/self/maps"))
            {
                var mapped = File.ReadAllLines("/proc/self/maps").Where(l => l.EndsWith("libe_sqlite3.so")).Select(l => l.Substring(l.IndexOf('/'))).Distinct();
                Assert.Equal(new[] { library }, mapped);
            }
        }
    }
}
