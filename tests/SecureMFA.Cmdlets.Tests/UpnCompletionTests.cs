using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>-Upn tab-completes from the store, through the engine's own completion (TabExpansion2), as at a prompt.</summary>
    public sealed class UpnCompletionTests : IDisposable
    {
        /// <summary>UpnCompleter.MaxResults (this project does not reference the cmdlet assembly: it imports the staged module).</summary>
        private const int UpnCompleterLimit = 50;

        private static readonly string[] CmdletsWithUpn =
        {
            "Disable-xOTP_User", "Enable-xOTP_User", "Get-xOTP_OfflineUnlockCode", "Get-xOTP_RolloutReadiness", "Get-xOTP_User", "New-xOTP_RecoveryCode", "New-xOTP_User", "Remove-xOTP_User",
            "Reset-xOTP_User", "Unlock-xOTP_User",
        };

        private readonly PowerShellSession _ps = new PowerShellSession();
        private readonly SupportStore _store = new SupportStore();

        public UpnCompletionTests()
        {
            var store = _store.Open();
            foreach (var upn in new[] { "alice@adatum.com", "alan@adatum.com", "bob@adatum.com", "o'brien@adatum.com" })
                Assert.True(store.Create(new NewOtpUser(upn, "v1:x", TotpParameters.Default)));
        }

        private List<string> Complete(string line)
        {
            var result = _ps.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText }",
                new Dictionary<string, object?> { ["line"] = line });
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            return result.Output.Select(o => o.ToString()).ToList();
        }

        [Fact]
        public void EveryCmdletThatTakesAUpnCompletesItFromTheStoreTheCommandLineNames()
        {
            var withUpn = _ps.Run("Get-Command -Module SecureMFA_OTP -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('Upn') } | ForEach-Object { $_.Name }")
                .Output.Select(o => o.ToString()).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(CmdletsWithUpn, withUpn);
            foreach (var cmdlet in CmdletsWithUpn)
                Assert.Equal(new[] { "alan@adatum.com", "alice@adatum.com" }, Complete($"{cmdlet} -ConfigurationFilePath '{_store.ConfigurationFile}' -Upn al"));
        }

        [Fact]
        public void APositionalUpnCompletesCaseInsensitivelyAndAnAliasToo()
        {
            Assert.Equal(new[] { "alan@adatum.com", "alice@adatum.com" }, Complete($"Get-xOTP_User -ConfigurationFilePath '{_store.ConfigurationFile}' AL"));
            Assert.Equal(new[] { "bob@adatum.com" }, Complete($"Unlock-SecureMfaOtpUser -ConfigurationFilePath '{_store.ConfigurationFile}' -UserPrincipalName b"));
        }

        [Fact]
        public void TheSessionsDefaultConfigurationIsUsedAndOddUpnsAreQuoted()
        {
            _ps.Run(_store.SessionDefaults);
            Assert.Equal(new[] { "'o''brien@adatum.com'" }, Complete("Reset-xOTP_User -Upn o"));
            Assert.Equal(4, Complete("Disable-xOTP_User ").Count);
        }

        [Fact]
        public void ARelativeConfigurationPathIsReadFromTheCurrentLocation()
        {
            _ps.Run($"$null = $ExecutionContext.SessionState.Path.SetLocation('{_store.Folder}')");
            Assert.Equal(new[] { "bob@adatum.com" }, Complete("Get-xOTP_User -ConfigurationFilePath ./SecureMfaOtpProvider.json -Upn bo"));
        }

        [Fact]
        public void AtMostFiftyMatchesAreOffered()
        {
            var store = _store.Open();
            store.CreateMany(Enumerable.Range(0, 60).Select(i => new NewOtpUser($"bulk{i:D2}@adatum.com", "v1:x", TotpParameters.Default)).ToList());
            var offered = Complete($"Get-xOTP_User -ConfigurationFilePath '{_store.ConfigurationFile}' -Upn bulk");
            Assert.Equal(UpnCompleterLimit, offered.Count);
            Assert.Equal(Enumerable.Range(0, UpnCompleterLimit).Select(i => $"bulk{i:D2}@adatum.com"), offered);
        }

        [Fact]
        public void AStoreThatCannotBeReadOffersNothingSaysNothingAndCreatesNothing()
        {
            var missingFile = Path.Combine(_store.Folder, "elsewhere", "otp.db");
            var noStore = _store.Configuration("no-store.json", $@"{{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{missingFile}"" }}");
            Assert.Empty(Complete($"Get-xOTP_User -ConfigurationFilePath '{noStore}' -Upn a"));
            Assert.False(File.Exists(missingFile));
            Assert.False(Directory.Exists(Path.GetDirectoryName(missingFile)));

            var broken = _store.Configuration("broken.json", @"{ ""auth_mode"": ""ORACLE"" }");
            Assert.Empty(Complete($"Get-xOTP_User -ConfigurationFilePath '{broken}' -Upn a"));
            Assert.Empty(Complete($"Get-xOTP_User -ConfigurationFilePath '{Path.Combine(_store.Folder, "missing.json")}' -Upn a"));

            // Port 1 on the loopback address: nothing listens, the connection is refused.
            var sql = _store.Configuration("sql.json", @"{ ""auth_mode"": ""MSSQL"", ""sqlserver"": ""127.0.0.1,1"", ""sqldbname"": ""OtpUsers"", ""sqlencrypt"": ""false"" }");
            Assert.Empty(Complete($"Get-xOTP_User -ConfigurationFilePath '{sql}' -Upn a"));
        }

        public void Dispose()
        {
            _ps.Dispose();
            _store.Dispose();
        }
    }

    /// <summary>Without -ConfigurationFilePath or a session default, completion reads the copy Install keeps (here: SECUREMFA_OTP_CONFIGURATION).</summary>
    [Collection(AdfsServerCollection.Name)]
    public sealed class UpnCompletionDefaultCopyTests : IDisposable
    {
        private readonly SupportStore _store = new SupportStore();

        [Fact]
        public void TheDefaultConfigurationCopyIsRead()
        {
            _store.Open().Create(new NewOtpUser("carol@adatum.com", "v1:x", TotpParameters.Default));
            Environment.SetEnvironmentVariable("SECUREMFA_OTP_CONFIGURATION", _store.ConfigurationFile);
            try
            {
                using var ps = new PowerShellSession();
                var result = ps.Run("(TabExpansion2 -inputScript 'Enable-xOTP_User ca' -cursorColumn 19).CompletionMatches | ForEach-Object { $_.CompletionText }");
                Assert.Equal("carol@adatum.com", Assert.Single(result.Output).ToString());
            }
            finally { Environment.SetEnvironmentVariable("SECUREMFA_OTP_CONFIGURATION", null); }
        }

        public void Dispose() => _store.Dispose();
    }
}
