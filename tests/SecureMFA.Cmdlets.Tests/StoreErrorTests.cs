using System;
using System.IO;
using System.Management.Automation;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// A store Install or New-SecureMfaOtpDatabase cannot use is one ErrorRecord naming the store and the cause, whatever
    /// the driver threw: never a raw exception, never a stack trace, never a password.
    /// </summary>
    [Collection(AdfsServerCollection.Name)]
    public sealed class StoreErrorTests : IDisposable
    {
        private readonly FakeAdfsServer _server = new FakeAdfsServer();

        private string Config(string json)
        {
            var path = Path.Combine(_server.Root, Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, json);
            return path;
        }

        private static ErrorRecord StoreError(ScriptResult result)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
            Assert.StartsWith("StoreUnavailable,", error.FullyQualifiedErrorId);
            Assert.DoesNotContain("   at ", error.Exception.Message);
            return error;
        }

        // Port 1 on the loopback address: nothing listens there, so the connection is refused at once.
        private const string UnreachableSql = @"{ ""auth_mode"": ""MSSQL"", ""sqlserver"": ""127.0.0.1,1"", ""sqldbname"": ""OtpUsers"", ""sqlencrypt"": ""false"" }";

        [Fact]
        public void InstallNamesAnUnreachableSqlServerAndChangesNothing()
        {
            var error = StoreError(_server.Run($"Install-SecureMfaOtpProvider '{Config(UnreachableSql)}' -Confirm:$false"));
            Assert.StartsWith("The OTP user store (SQL Server \"127.0.0.1,1\", database \"OtpUsers\") cannot be used: ", error.Exception.Message);
            Assert.Empty(_server.Changes());
        }

        [Fact]
        public void NewDatabaseNamesAnUnreachableSqlServer()
        {
            var error = StoreError(_server.Run($"New-SecureMfaOtpDatabase '{Config(UnreachableSql)}'"));
            Assert.StartsWith("The OTP user store (SQL Server \"127.0.0.1,1\", database \"OtpUsers\") cannot be used: The SQL Server schema could not be created or upgraded", error.Exception.Message);
        }

        [Fact]
        public void AnSqlitePathUnderAFileIsNamedByBothCmdlets()
        {
            var file = Path.Combine(_server.Root, "not-a-folder");
            File.WriteAllText(file, "a file, not a folder");
            var config = Config($@"{{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{file}/otp.db"" }}");
            var expected = $"The OTP user store (SQLite file \"{file}/otp.db\") cannot be used: ";
            Assert.StartsWith(expected, StoreError(_server.Run($"Install-SecureMfaOtpProvider '{config}' -Confirm:$false")).Exception.Message);
            Assert.StartsWith(expected, StoreError(_server.Run($"New-SecureMfaOtpDatabase '{config}'")).Exception.Message);
            Assert.Empty(_server.Changes());
        }

        [Fact]
        public void InstallNamesAnUnreachableLdapServer()
        {
            var config = Config(@"{ ""auth_mode"": ""AD"", ""ad_server"": ""127.0.0.1"", ""ad_port"": ""1"", ""ad_ssl"": ""true"", ""ad_user"": ""CN=svc,DC=adatum,DC=com"",
                ""ad_password"": ""Ldap-Bind-Password-1"", ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Store-Error-Tests-Passphrase"" }");
            var error = StoreError(_server.Run($"Install-SecureMfaOtpProvider '{config}' -Confirm:$false"));
            Assert.StartsWith("The OTP user store (LDAP server 127.0.0.1 port 1 (LDAPS)) cannot be used: ", error.Exception.Message);
            Assert.DoesNotContain("Ldap-Bind-Password-1", error.Exception.Message);
            Assert.DoesNotContain("Store-Error-Tests-Passphrase", error.Exception.Message);
            Assert.Empty(_server.Changes());
        }

        [Fact]
        public void AMalformedSqlitePathIsAnErrorRecordNotAnArgumentException()
        {
            var config = Config(@"{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""otp\u0000.db"" }");
            var error = StoreError(_server.Run($"New-SecureMfaOtpDatabase '{config}'"));
            Assert.Contains("cannot be used: the configured location is not valid: ", error.Exception.Message);
            Assert.IsType<ArgumentException>(error.Exception.InnerException, exactMatch: false);
        }

        [Fact]
        public void AStoreThatCannotLoadItsNativeLibrarySaysSoAndHowToFixIt()
        {
            var result = _server.Run(@"
                $config = [SecureMFA.Core.Configuration.ConfigurationLoader]::LoadOrThrow('{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""C:\\ProgramData\\SecureMFA_OTP\\SecureMfaOtp.db"" }')
                $missing = [System.TypeInitializationException]::new('SQLitePCL.raw', [System.DllNotFoundException]::new('Unable to load DLL e_sqlite3'))
                [SecureMFA.Cmdlets.Infrastructure.StoreErrors]::Record($config, $missing).Exception.Message");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal("The OTP user store (SQLite file \"C:\\ProgramData\\SecureMFA_OTP\\SecureMfaOtp.db\") cannot be used: a native library could not be loaded " +
                "(Unable to load DLL e_sqlite3). For SQLite, run Install-SecureMfaOtpProvider again: it copies the library to %ProgramFiles%\\SecureMFA OTP\\native.",
                result.Output[0].ToString());
        }

        [Fact]
        public void APasswordADriverQuotesNeverReachesTheMessage()
        {
            var result = _server.Run(@"
                $config = [SecureMFA.Core.Configuration.ConfigurationLoader]::LoadOrThrow('{ ""auth_mode"": ""MSSQL"", ""sqlserver"": ""sql01"", ""sqlintegratedsecurity"": ""false"", ""sqluseraccount"": ""otp"", ""sqluserpassword"": ""Sql-Login-Password-7"" }')
                [SecureMFA.Cmdlets.Infrastructure.StoreErrors]::Record($config, [System.InvalidOperationException]::new('login otp/Sql-Login-Password-7 refused')).Exception.Message");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal("The OTP user store (SQL Server \"sql01\", database \"SecureMfaOTP\") cannot be used: InvalidOperationException: login otp/******** refused",
                result.Output[0].ToString());
        }

        public void Dispose() => _server.Dispose();
    }
}
