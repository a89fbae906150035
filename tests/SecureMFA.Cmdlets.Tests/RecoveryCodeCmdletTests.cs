using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using SecureMFA.Core.Recovery;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Totp;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>New-xOTP_RecoveryCode: ten one-time codes shown once, stored only as hashes, replacing earlier codes after asking.</summary>
    public sealed class RecoveryCodeCmdletTests : IDisposable
    {
        private readonly AnsweringHost _console = new AnsweringHost();
        private readonly PowerShellSession _ps;
        private readonly SupportStore _store = new SupportStore();

        public RecoveryCodeCmdletTests()
        {
            _ps = new PowerShellSession(host: _console);
            _ps.Run(_store.SessionDefaults);
            foreach (var upn in new[] { "alice@adatum.com", "bob@adatum.com" })
                _store.Open().Create(new NewOtpUser(upn, "v1:x", TotpParameters.Default));
        }

        private static string[] Codes(ScriptResult result) => result.Output.Select(o => (string)o.Properties["Code"].Value).ToArray();

        private RecoveryCodeOutcome Use(string upn, string typed) =>
            _store.Open().UseRecoveryCode(upn, RecoveryCode.Hash(upn, RecoveryCode.Normalize(typed)!), new LogonAttempt(DateTime.UtcNow, null, null));

        [Fact]
        public void TenCodesAreShownOnceStoredOnlyAsHashesAndEachWorksOnce()
        {
            var result = _ps.Run("New-xOTP_RecoveryCode Alice@Adatum.com");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Empty(_console.Prompts);
            var codes = Codes(result);
            Assert.Equal(10, codes.Length);
            Assert.Equal(10, codes.Distinct().Count());
            Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", c));
            Assert.Equal(Enumerable.Range(1, 10), result.Output.Select(o => (int)o.Properties["Number"].Value));
            Assert.All(result.Output, o => Assert.Equal("alice@adatum.com", o.Properties["Upn"].Value));

            // Not in the database in any spelling: only hashes are.
            var database = Encoding.UTF8.GetString(File.ReadAllBytes(_store.DatabaseFile))
                + (File.Exists(_store.DatabaseFile + "-wal") ? Encoding.UTF8.GetString(File.ReadAllBytes(_store.DatabaseFile + "-wal")) : "");
            Assert.All(codes, c =>
            {
                Assert.DoesNotContain(c, database);
                Assert.DoesNotContain(RecoveryCode.Normalize(c)!, database);
            });

            Assert.Equal(RecoveryCodeOutcome.Accepted, Use("alice@adatum.com", codes[0].ToLowerInvariant()));
            Assert.Equal(RecoveryCodeOutcome.NoSuchCode, Use("alice@adatum.com", codes[0]));
            Assert.Equal(RecoveryCodeOutcome.NoSuchCode, Use("bob@adatum.com", codes[1]));
            var user = _ps.Run("Get-xOTP_User alice@adatum.com").Output.Single();
            Assert.Equal(9, user.Properties["RecoveryCodesLeft"].Value);
            Assert.Equal(1, user.Properties["RecoveryCodesUsed"].Value);
        }

        [Fact]
        public void ReplacingUnusedCodesAsksAndNoKeepsThem()
        {
            var first = Codes(_ps.Run("New-xOTP_RecoveryCode alice@adatum.com"));
            _console.Answers.Enqueue("No");
            var refused = _ps.Run("New-xOTP_RecoveryCode alice@adatum.com");
            Assert.Empty(refused.Output);
            Assert.Contains("alice@adatum.com has 10 unused recovery code(s). New codes replace them: the old ones stop working.", Assert.Single(_console.Prompts));
            Assert.Equal(RecoveryCodeOutcome.Accepted, Use("alice@adatum.com", first[5]));
        }

        [Fact]
        public void ReplacingWithConfirmFalseWarnsAndTheOldCodesStopWorking()
        {
            var first = Codes(_ps.Run("New-xOTP_RecoveryCode alice@adatum.com"));
            Use("alice@adatum.com", first[0]);
            var result = _ps.Run("New-xOTP_RecoveryCode alice@adatum.com -Confirm:$false");
            Assert.Empty(_console.Prompts);
            Assert.Equal("alice@adatum.com: the 9 earlier unused recovery code(s) no longer work.", Assert.Single(result.Warnings));
            var second = Codes(result);
            Assert.Equal(10, second.Length);
            Assert.Equal(RecoveryCodeOutcome.NoSuchCode, Use("alice@adatum.com", first[1]));
            Assert.Equal(RecoveryCodeOutcome.Accepted, Use("alice@adatum.com", second[1]));
            var user = _store.Open().Find("alice@adatum.com")!;
            Assert.Equal(9, user.RecoveryCodesLeft);
            Assert.Equal(1, user.RecoveryCodesUsed);
        }

        [Fact]
        public void ReplacingAsksOnceWhateverTheConfirmPreference()
        {
            _ps.Run("New-xOTP_RecoveryCode alice@adatum.com");
            _console.Answers.Enqueue("Yes");
            var low = _ps.Run("$ConfirmPreference = 'Low'; New-xOTP_RecoveryCode alice@adatum.com");
            Assert.Equal(10, Codes(low).Length);
            Assert.Contains("Replace its 10 unused recovery code(s)", Assert.Single(_console.Prompts));

            _console.Prompts.Clear();
            var none = _ps.Run("$ConfirmPreference = 'None'; New-xOTP_RecoveryCode alice@adatum.com");
            Assert.Equal(10, Codes(none).Length);
            Assert.Empty(_console.Prompts);

            _console.Answers.Enqueue("Yes");
            var asked = _ps.Run("$ConfirmPreference = 'High'; New-xOTP_RecoveryCode alice@adatum.com -Confirm");
            Assert.Equal(10, Codes(asked).Length);
            Assert.Single(_console.Prompts);
        }

        [Fact]
        public void WhatIfCreatesNothing()
        {
            var result = _ps.Run("New-xOTP_RecoveryCode alice@adatum.com -WhatIf");
            Assert.Empty(result.Output);
            Assert.Empty(result.Errors);
            Assert.Equal(0, _store.Open().Find("alice@adatum.com")!.RecoveryCodesLeft);
        }

        [Fact]
        public void CsvLikeRowsPipeInAndABadRowDoesNotStopTheOthers()
        {
            var result = _ps.Run(@"
                @([pscustomobject]@{ Upn = 'alice@adatum.com' },
                  [pscustomobject]@{ UserPrincipalName = 'ghost@adatum.com' },
                  [pscustomobject]@{ Upn = 'not a upn' },
                  [pscustomobject]@{ UserPrincipalName = 'BOB@adatum.com' }) | New-xOTP_RecoveryCode");
            Assert.Equal(Enumerable.Repeat("alice@adatum.com", 10).Concat(Enumerable.Repeat("bob@adatum.com", 10)),
                result.Output.Select(o => (string)o.Properties["Upn"].Value));
            Assert.Equal(2, result.Errors.Count);
            Assert.Equal("No OTP user \"ghost@adatum.com\" exists.", result.Errors[0].Exception.Message);
            Assert.StartsWith("\"not a upn\" is not a valid UPN: ", result.Errors[1].Exception.Message);
            Assert.Equal(ErrorCategory.InvalidArgument, result.Errors[1].CategoryInfo.Category);
        }

        [Fact]
        public void TheCodesAreShownAsATablePerUser()
        {
            _console.ClearScreen();
            var result = _ps.Run("New-xOTP_RecoveryCode alice@adatum.com | Out-Host");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            var screen = _console.Screen;
            Assert.Contains("Recovery codes for: alice@adatum.com", screen);
            Assert.Equal(10, screen.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+ [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\s*$")));
        }

        public void Dispose()
        {
            _ps.Dispose();
            _store.Dispose();
        }
    }
}
