using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using SecureMFA.Cmdlets.Tests;
using Xunit;

namespace SecureMFA.Payload.Tests
{
    /// <summary>
    /// MSSQL mode from the staged module under PowerShell 7: Microsoft.Data.SqlClient must be the module's build for this
    /// operating system, which really connects (and here reports that the server cannot be reached), never the portable
    /// placeholder that throws "not supported on this platform". No SQL Server runs on this machine: port 1 on the loopback
    /// refuses every connection, and SqlClient gives up after the store's connect timeout (15 seconds; 1 in test hosts, whose
    /// runtimeconfig sets SqlServerConnectionString.ConnectTimeoutSetting; no configuration key shortens it).
    /// </summary>
    [Collection(StagedModuleCollection.Name)]
    public sealed class StagedModuleSqlServerTests
    {
        private const string UnreachableServer = "127.0.0.1,1";
        private const string SqlPassword = "sql password that must not leak 51c7";
        private readonly CopiedStagedModule _module;

        public StagedModuleSqlServerTests(CopiedStagedModule module) => _module = module;

        [Fact]
        public void AnUnreachableSqlServerIsTheStoresClearErrorAboutTheConnectionFailureNotPlatformNotSupported()
        {
            CopiedStagedModule.AssertTheHostCarriesNo("Microsoft.Data.SqlClient");
            var config = Path.Combine(_module.Root, "mssql-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(config, $@"{{ ""auth_mode"": ""MSSQL"", ""sqlserver"": ""{UnreachableServer}"", ""sqldbname"": ""SecureMfaOtp"",
                ""sqlintegratedsecurity"": ""false"", ""sqluseraccount"": ""otp_support"", ""sqluserpassword"": ""{SqlPassword}"",
                ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""staged-module passphrase 9d2e"" }}");

            using var ps = new PowerShellSession(importModule: false);
            var imported = ps.Run($"Import-Module '{_module.Manifest}'");
            Assert.True(imported.Errors.Count == 0, imported.ErrorText);

            var listed = ps.Run($"Get-xOTP_User -ConfigurationFilePath '{config}'");
            Assert.Empty(listed.Output);
            var error = Assert.Single(listed.Errors);
            Assert.DoesNotContain("not supported on this platform", error.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("StoreUnavailable,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
            Assert.StartsWith($"The OTP user store (SQL Server \"{UnreachableServer}\", database \"SecureMfaOtp\") cannot be used: ", error.Exception.Message);
            Assert.Contains("A network-related or instance-specific error occurred while establishing a connection to SQL Server.", error.Exception.Message);
            Assert.DoesNotContain(SqlPassword, error.ToString());
            Assert.Contains(Causes(error.Exception), e => e.GetType().FullName == "Microsoft.Data.SqlClient.SqlException");

            // The driver that answered is the module's build for this operating system, from the module's own folder.
            var os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win" : "unix";
            var loaded = ps.Run("[Microsoft.Data.SqlClient.SqlConnection].Assembly.Location");
            Assert.True(loaded.Errors.Count == 0, loaded.ErrorText);
            Assert.Equal(_module.PathOf("bin", "net10.0", "runtimes", os, "lib", "Microsoft.Data.SqlClient.dll"), Assert.Single(loaded.Output).ToString());
        }

        private static Exception[] Causes(Exception exception)
        {
            var chain = new List<Exception>();
            for (var e = exception; e != null; e = e.InnerException) chain.Add(e);
            return chain.ToArray();
        }
    }
}
