using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>The help-desk cmdlets used as support staff would, against a real SQLite store.</summary>
    public sealed class SupportCmdletTests : IDisposable
    {
        private readonly PowerShellSession _ps = new PowerShellSession();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "securemfa-cmdlet-tests", Guid.NewGuid().ToString("N"));
        private readonly string _config;

        public SupportCmdletTests()
        {
            Directory.CreateDirectory(_folder);
            _config = Path.Combine(_folder, "SecureMfaOtpProvider.json");
            File.WriteAllText(_config, $@"{{ ""company"": ""Adatum"", ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{_folder}/otp.db"",
                ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Cmdlet-Tests-Passphrase-1"" }}");
            // One salt for every store of the test process, so the cmdlets derive the key once (SharedTestSalt).
            using (var store = Store) SharedTestSalt.SeedInto(store);
            // What an administrator would do for a session: point every support cmdlet at one configuration.
            Run($"$PSDefaultParameterValues['*-xOTP_User:ConfigurationFilePath'] = '{_config}'");
        }

        private IOtpUserStore Store => SqliteStoreFactory.Open(Path.Combine(_folder, "otp.db"));

        private ScriptResult Run(string script) => _ps.Run(script);

        private static string Upn(PSObject o) => (string)o.Properties["Upn"].Value;

        [Fact]
        public void CsvRowsPipeIntoNewByPropertyNameAndOneBadRowDoesNotStopTheOthers()
        {
            Run("New-xOTP_User -Upn existing@adatum.com");
            var result = Run(@"
                @([pscustomobject]@{ Upn = 'alice@adatum.com'; Department = 'Sales' },
                  [pscustomobject]@{ UserPrincipalName = 'Bob@Adatum.com' },
                  [pscustomobject]@{ Upn = 'existing@adatum.com' },
                  [pscustomobject]@{ Upn = '   ' },
                  [pscustomobject]@{ Upn = 'carol@adatum.com'; Disabled = $true }) | New-xOTP_User");
            Assert.Equal(new[] { "alice@adatum.com", "bob@adatum.com", "carol@adatum.com" }, result.Output.Select(Upn));
            Assert.Equal(2, result.Errors.Count);
            Assert.Contains(result.Errors, e => e.Exception.Message == "The OTP user \"existing@adatum.com\" already exists; use Reset-xOTP_User to give it a new secret." && e.CategoryInfo.Category == ErrorCategory.ResourceExists);
            Assert.Contains(result.Errors, e => e.CategoryInfo.Category == ErrorCategory.InvalidArgument && e.Exception.Message.Contains("is not a valid UPN"));
            Assert.True(Store.Find("carol@adatum.com")!.Disabled);
            Assert.StartsWith("v2:", Store.Find("alice@adatum.com")!.ProtectedSecret);
            Assert.Equal("SecureMFA.Cmdlets.Output.OtpUserInfo", result.Output[0].BaseObject.GetType().FullName);
            Assert.DoesNotContain(result.Output[0].Properties, p => p.Name.Contains("Secret", StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public void WhatIfCreatesAndChangesNothing()
        {
            Run("New-xOTP_User dave@adatum.com");
            var result = Run("New-xOTP_User erin@adatum.com -WhatIf; Disable-xOTP_User dave@adatum.com -WhatIf; Reset-xOTP_User dave@adatum.com -WhatIf; Remove-xOTP_User dave@adatum.com -WhatIf");
            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Null(Store.Find("erin@adatum.com"));
            var dave = Store.Find("dave@adatum.com")!;
            Assert.False(dave.Disabled);
            Assert.Equal(0, dave.ChangeVersion);
        }

        [Fact]
        public void HelpDeskEnrolmentReturnsTheUriAndWritesAQrPngOnlyWhenAsked()
        {
            var qr = Path.Combine(_folder, "qr");
            var result = Run($"New-xOTP_User frank@adatum.com -QrCodeFolder '{qr}'");
            Assert.Empty(result.Errors);
            var info = Assert.Single(result.Output);
            Assert.StartsWith("otpauth://totp/Adatum:frank%40adatum.com?secret=", (string)info.Properties["OtpAuthUri"].Value);
            var file = (string)info.Properties["QrCodeFile"].Value;
            Assert.Equal(Path.Combine(qr, "frank@adatum.com.png"), file);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(file).Take(4).ToArray());
            Assert.Matches("^[A-Z2-7]{32}$", (string)info.Properties["Secret"].Value);
        }

        [Fact]
        public void AUserThatAlreadyExistsGetsNoQrFileAndItsEarlierOneStaysAsItWas()
        {
            var qr = Path.Combine(_folder, "qr");
            Assert.Empty(Run($"New-xOTP_User grace@adatum.com -QrCodeFolder '{qr}'").Errors);
            var file = Path.Combine(qr, "grace@adatum.com.png");
            var handedOut = File.ReadAllBytes(file);

            var other = Path.Combine(_folder, "qr-again");
            var again = Run($"New-xOTP_User grace@adatum.com -QrCodeFolder '{qr}'; New-xOTP_User grace@adatum.com -QrCodeFolder '{other}'");
            Assert.Empty(again.Output);
            Assert.Equal(2, again.Errors.Count);
            Assert.All(again.Errors, e => Assert.Equal("The OTP user \"grace@adatum.com\" already exists; use Reset-xOTP_User to give it a new secret.", e.Exception.Message));
            // The QR code the user was given still matches the secret in the store; no code for a secret never stored is written.
            Assert.Equal(handedOut, File.ReadAllBytes(file));
            Assert.False(File.Exists(Path.Combine(other, "grace@adatum.com.png")));
        }

        [Fact]
        public void AQrFileThatCannotBeWrittenIsAnErrorNamingTheCreatedUserAndTheOthersGoOn()
        {
            // A file where the folder should be: the folder cannot be created.
            var notAFolder = Path.Combine(_folder, "not-a-folder");
            File.WriteAllText(notAFolder, "");
            var result = Run($"'heidi@adatum.com', 'ivan@adatum.com' | New-xOTP_User -QrCodeFolder '{notAFolder}'");
            Assert.Empty(result.Output);
            Assert.Equal(new[] { "heidi@adatum.com", "ivan@adatum.com" }, result.Errors.Select(e => (string)e.TargetObject));
            Assert.All(result.Errors, e => Assert.Equal("QrCodeNotWritten", e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.StartsWith("The OTP user \"heidi@adatum.com\" was created, but its QR code could not be written to " + notAFolder, result.Errors[0].Exception.Message);
            Assert.NotNull(Store.Find("heidi@adatum.com"));
            Assert.NotNull(Store.Find("ivan@adatum.com"));
        }

        [Fact]
        public void GetFiltersByStateAndWildcardAndPages()
        {
            Run("'g1@adatum.com','g2@adatum.com','g3@adatum.com','h1@contoso.com' | New-xOTP_User");
            Store.RecordSuccess("g1@adatum.com", 10, new LogonAttempt(DateTime.UtcNow, "10.0.0.1", "test"));
            Store.SetDisabled("g2@adatum.com", true);
            Store.RecordFailure("g3@adatum.com", "1", new LogonAttempt(DateTime.UtcNow, "10.0.0.1", "test"), new LockoutPolicy(1, 30));

            Assert.Equal(new[] { "g1@adatum.com", "g2@adatum.com", "g3@adatum.com" }, Run("Get-xOTP_User 'g*@ADATUM.com'").Output.Select(Upn));
            Assert.Equal(new[] { "g1@adatum.com" }, Run("Get-xOTP_User -Enrolled").Output.Select(Upn));
            Assert.DoesNotContain("g1@adatum.com", Run("Get-xOTP_User -NotEnrolled").Output.Select(Upn));
            Assert.Equal(new[] { "g2@adatum.com" }, Run("Get-SecureMfaOtpUser -Disabled").Output.Select(Upn));
            var locked = Assert.Single(Run("Get-xOTP_User -Locked").Output);
            Assert.Equal("g3@adatum.com", Upn(locked));
            Assert.True((bool)locked.Properties["Locked"].Value);
            Assert.NotNull(locked.Properties["LockedUntil"].Value);
            Assert.Equal(new[] { "g2@adatum.com", "g3@adatum.com" }, Run("Get-xOTP_User -Skip 1 -First 2").Output.Select(Upn));
            Assert.Equal("10.0.0.1", Run("Get-xOTP_User g1@adatum.com").Output.Single().Properties["LogonIp"].Value);

            var missing = Run("Get-xOTP_User nobody@adatum.com");
            Assert.Equal("No OTP user \"nobody@adatum.com\" exists.", Assert.Single(missing.Errors).Exception.Message);
            Assert.Empty(Run("Get-xOTP_User 'nobody*'").Errors);
            Assert.Contains("cannot be used together", Run("Get-xOTP_User -Enrolled -NotEnrolled").ErrorText);
        }

        [Fact]
        public void LockedUsersPipeIntoUnlock()
        {
            Run("'l1@adatum.com','l2@adatum.com','l3@adatum.com' | New-xOTP_User");
            foreach (var upn in new[] { "l1@adatum.com", "l2@adatum.com" })
                Store.RecordFailure(upn, "1", new LogonAttempt(DateTime.UtcNow, null, null), new LockoutPolicy(1, 30));
            var result = Run("Get-xOTP_User -Locked | Unlock-xOTP_User -PassThru");
            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "l1@adatum.com", "l2@adatum.com" }, result.Output.Select(Upn));
            Assert.All(result.Output, o => Assert.False((bool)o.Properties["Locked"].Value));
            Assert.Empty(Run("Get-xOTP_User -Locked").Output);
            Assert.Equal(0, Store.Find("l1@adatum.com")!.FailedLogonCount);
        }

        [Fact]
        public void DisableEnableResetRemoveAndTheirErrors()
        {
            Run("New-xOTP_User m@adatum.com");
            Store.RecordSuccess("m@adatum.com", 10, new LogonAttempt(DateTime.UtcNow, null, null));
            var before = Store.Find("m@adatum.com")!.ProtectedSecret;

            Assert.True((bool)Run("Disable-xOTP_User m@adatum.com -PassThru").Output.Single().Properties["Disabled"].Value);
            Assert.True(Store.Find("m@adatum.com")!.Disabled);
            Run("'m@adatum.com' | Enable-xOTP_User");
            Assert.False(Store.Find("m@adatum.com")!.Disabled);

            var reset = Run("Reset-xOTP_User m@adatum.com -IncludeEnrollment -Confirm:$false");
            Assert.StartsWith("otpauth://", (string)Assert.Single(reset.Output).Properties["OtpAuthUri"].Value);
            var after = Store.Find("m@adatum.com")!;
            Assert.NotEqual(before, after.ProtectedSecret);
            Assert.False(after.Enrolled);

            var unknown = Run("Disable-xOTP_User ghost@adatum.com; Unlock-xOTP_User ghost@adatum.com; Enable-xOTP_User m@adatum.com");
            Assert.Equal(2, unknown.Errors.Count);
            Assert.All(unknown.Errors, e =>
            {
                Assert.Equal("No OTP user \"ghost@adatum.com\" exists.", e.Exception.Message);
                Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
                Assert.Equal("ghost@adatum.com", e.TargetObject);
            });

            Run("Remove-xOTP_User m@adatum.com -Confirm:$false");
            Assert.Null(Store.Find("m@adatum.com"));
        }

        [Fact]
        public void AMalformedUpnIsRefusedNamingTheUpnAndTheRuleAndThePipelineGoesOn()
        {
            var result = Run(@"
                @([pscustomobject]@{ Upn = 'not a upn' },
                  [pscustomobject]@{ Upn = 'first@adatum.com' },
                  [pscustomobject]@{ Upn = 'x' },
                  [pscustomobject]@{ UserPrincipalName = 'two@@adatum.com' },
                  [pscustomobject]@{ Upn = 'second@adatum.com' }) | New-xOTP_User");
            Assert.Equal(new[] { "first@adatum.com", "second@adatum.com" }, result.Output.Select(Upn));
            Assert.Equal(new[]
            {
                "\"not a upn\" is not a valid UPN: the UPN contains a space or an invisible character (U+0020).",
                "\"x\" is not a valid UPN: a UPN has the form name@domain, with one @.",
                "\"two@@adatum.com\" is not a valid UPN: a UPN has the form name@domain, with one @.",
            }, result.Errors.Select(e => e.Exception.Message));
            Assert.All(result.Errors, e =>
            {
                Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
                Assert.StartsWith("InvalidUpn,", e.FullyQualifiedErrorId);
            });
            Assert.Equal(new[] { "not a upn", "x", "two@@adatum.com" }, result.Errors.Select(e => e.TargetObject));
            Assert.NotNull(Store.Find("second@adatum.com"));

            var disable = Run("'x', 'first@adatum.com' | Disable-xOTP_User -PassThru");
            Assert.Equal("\"x\" is not a valid UPN: a UPN has the form name@domain, with one @.", Assert.Single(disable.Errors).Exception.Message);
            Assert.Equal("first@adatum.com", Upn(Assert.Single(disable.Output)));
        }

        /// <summary>The help's Import-Csv examples, with the rows Import-Csv would give (the hosted engine has no Import-Csv).</summary>
        [Theory]
        [InlineData("Get-xOTP_User")]
        [InlineData("Disable-xOTP_User -PassThru")]
        [InlineData("Unlock-xOTP_User -PassThru")]
        [InlineData("Reset-xOTP_User -PassThru -Confirm:$false")]
        [InlineData("Remove-xOTP_User -PassThru -Confirm:$false")]
        public void CsvRowsPipeIntoEveryUserCmdletByUpnOrUserPrincipalName(string command)
        {
            var upns = new[] { "csv1@adatum.com", "csv2@adatum.com" };
            Run("'csv1@adatum.com', 'csv2@adatum.com' | New-xOTP_User");
            foreach (var upn in upns) Store.RecordFailure(upn, "1", new LogonAttempt(DateTime.UtcNow, null, null), new LockoutPolicy(1, 30));
            var secrets = upns.Select(u => Store.Find(u)!.ProtectedSecret).ToList();

            var result = Run(@"
                $rows = @([pscustomobject]@{ Upn = 'csv1@adatum.com'; Ticket = '4711' }, [pscustomobject]@{ UserPrincipalName = 'CSV2@adatum.com'; Ticket = '4712' })
                $rows | " + command);
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(upns, result.Output.Select(Upn));
            for (var i = 0; i < upns.Length; i++)
            {
                var user = Store.Find(upns[i]);
                switch (command.Split(' ')[0])
                {
                    case "Get-xOTP_User": Assert.Equal("Locked", result.Output[i].Properties["Status"].Value.ToString()); break;
                    case "Disable-xOTP_User": Assert.True(user!.Disabled); break;
                    case "Unlock-xOTP_User": Assert.False(user!.IsLockedAt(DateTime.UtcNow)); break;
                    case "Reset-xOTP_User": Assert.NotEqual(secrets[i], user!.ProtectedSecret); break;
                    case "Remove-xOTP_User": Assert.Null(user); break;
                }
            }
        }

        [Fact]
        public void VerboseNamesTheConfigurationFileAndTheStore()
        {
            var verbose = Run("Get-xOTP_User -Verbose 4>&1").Output.Select(o => o.BaseObject).OfType<VerboseRecord>().Select(v => v.Message).ToList();
            Assert.Contains($"Configuration file: {_config}", verbose);
            Assert.Contains($"Store: SQLite file \"{_folder}/otp.db\"", verbose);

            var sql = Path.Combine(_folder, "sql.json");
            File.WriteAllText(sql, @"{ ""auth_mode"": ""MSSQL"", ""sqlserver"": ""127.0.0.1,1"", ""sqldbname"": ""OtpUsers"", ""sqlencrypt"": ""false"" }");
            var result = Run($"Get-xOTP_User -ConfigurationFilePath '{sql}' -Verbose 4>&1");
            Assert.Contains("Store: SQL Server \"127.0.0.1,1\", database \"OtpUsers\"", result.Output.Select(o => o.BaseObject).OfType<VerboseRecord>().Select(v => v.Message));

            var ad = Path.Combine(_folder, "ad.json");
            File.WriteAllText(ad, @"{ ""auth_mode"": ""AD"", ""ad_server"": ""dc01.adatum.com"", ""ad_search_base"": ""OU=Staff,DC=adatum,DC=com"",
                ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Verbose-Test-Passphrase-1"" }");
            result = Run($"Get-xOTP_User -ConfigurationFilePath '{ad}' -Verbose 4>&1");
            Assert.Contains("Store: LDAP server dc01.adatum.com port 636 (LDAPS), search base \"OU=Staff,DC=adatum,DC=com\"",
                result.Output.Select(o => o.BaseObject).OfType<VerboseRecord>().Select(v => v.Message));
        }

        /// <summary>Every support cmdlet reports a store it cannot use as one error naming the store and the cause (StoreErrors).</summary>
        [Theory]
        [InlineData("New-xOTP_User new@adatum.com")]
        [InlineData("Get-xOTP_User")]
        [InlineData("Unlock-xOTP_User a@adatum.com")]
        [InlineData("New-xOTP_RecoveryCode a@adatum.com")]
        public void AStoreThatCannotBeUsedIsNamed(string command)
        {
            var sql = Path.Combine(_folder, "sql.json");
            File.WriteAllText(sql, @"{ ""auth_mode"": ""MSSQL"", ""sqlserver"": ""127.0.0.1,1"", ""sqldbname"": ""OtpUsers"", ""sqlencrypt"": ""false"",
                ""sqlintegratedsecurity"": ""false"", ""sqluseraccount"": ""otp"", ""sqluserpassword"": ""Sql-Login-Password-1"" }");
            var error = Assert.Single(Run($"{command} -ConfigurationFilePath '{sql}'").Errors);
            Assert.StartsWith("The OTP user store (SQL Server \"127.0.0.1,1\", database \"OtpUsers\") cannot be used: ", error.Exception.Message);
            Assert.StartsWith("StoreUnavailable,", error.FullyQualifiedErrorId);
            Assert.DoesNotContain("Sql-Login-Password-1", error.Exception.Message);
            Assert.DoesNotContain("   at ", error.Exception.Message);
        }

        [Fact]
        public void ABrokenConfigurationStopsWithAMessageNamingTheKey()
        {
            var bad = Path.Combine(_folder, "bad.json");
            File.WriteAllText(bad, @"{ ""auth_mode"": ""SQLITE"", ""ui_login_failures"": ""lots"" }");
            var result = Run($"Get-xOTP_User -ConfigurationFilePath '{bad}'");
            var error = Assert.Single(result.Errors);
            Assert.Contains("ui_login_failures: \"lots\" is not a whole number", error.Exception.Message);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.DoesNotContain("   at ", error.Exception.Message);
        }

        [Fact]
        public void TestConfigurationReturnsEachProblemAsAnObject()
        {
            var bad = Path.Combine(_folder, "bad.json");
            File.WriteAllText(bad, @"{ ""ui_login_failures"": ""abc"", ""auth_mode"": ""ORACLE"", ""colour"": ""blue"" }");
            var issues = Run($"Test-SecureMfaOtpConfiguration '{bad}'").Output;
            Assert.Equal(3, issues.Count);
            Assert.Contains(issues, i => (string)i.Properties["Key"].Value == "ui_login_failures" && i.Properties["Severity"].Value.ToString() == "Error");
            Assert.Contains(issues, i => (string)i.Properties["Key"].Value == "colour" && i.Properties["Severity"].Value.ToString() == "Warning");
            Assert.False((bool)Run($"Test-SecureMfaOtpConfiguration '{bad}' -Quiet").Output.Single().BaseObject);
            Assert.Empty(Run($"Test-SecureMfaOtpConfiguration '{_config}'").Output);
            Assert.True((bool)Run($"Test-SecureMfaOtpConfiguration '{_config}' -Quiet").Output.Single().BaseObject);
            Assert.Contains("does not exist", Run("Test-SecureMfaOtpConfiguration ./missing.json").ErrorText);
        }

        [Fact]
        public void NewDatabaseCreatesTheSqliteStoreAndExplainsAdMode()
        {
            var path = Path.Combine(_folder, "fresh", "otp.db");
            var config = Path.Combine(_folder, "fresh.json");
            File.WriteAllText(config, $@"{{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{path}"" }}");
            Assert.Empty(Run($"New-SecureMfaOtpDatabase '{config}' -WhatIf").Output);
            Assert.False(File.Exists(path));
            var result = Run($"New-SecureMfaOtpDatabase '{config}'");
            Assert.Empty(result.Errors);
            Assert.Equal(3, result.Output.Single().Properties["SchemaVersion"].Value);
            Assert.True(File.Exists(path));

            var ad = Path.Combine(_folder, "ad.json");
            File.WriteAllText(ad, @"{ ""auth_mode"": ""AD"", ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Ad-Mode-Passphrase-1"" }");
            Assert.Contains("Create_SecureMFA_OTP_AD_attributes.ps1", Run($"New-SecureMfaOtpDatabase '{ad}'").ErrorText);
        }

        public void Dispose() => _ps.Dispose();
    }
}
