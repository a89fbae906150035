using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Recovery;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// What a support person sees: Get-xOTP_User's table as the engine's formatter renders it from the shipped format file
    /// (Out-Host into a 120-column console), the order -SortBy asks the store for, and enrolment output shown in full.
    /// </summary>
    public sealed class UserListViewTests : IDisposable
    {
        private static readonly DateTime SignedIn = new DateTime(2026, 11, 30, 9, 15, 0, DateTimeKind.Utc);
        private readonly AnsweringHost _console = new AnsweringHost(width: 120);
        private readonly PowerShellSession _ps;
        private readonly SupportStore _store = new SupportStore();

        public UserListViewTests()
        {
            _ps = new PowerShellSession(host: _console);
            _ps.Run(_store.SessionDefaults);
        }

        private static string Local(DateTime utc) =>
            TimeZoneInfo.ConvertTime(new DateTimeOffset(utc), TimeZoneInfo.Local).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);

        private List<string> Render(string script)
        {
            _console.ClearScreen();
            var result = _ps.Run(script + " | Out-Host");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            return _console.Screen.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        }

        [Fact]
        public void TheTableShowsStatusLocalTimesWithTheOffsetAndRecoveryCodesLeftAndUsed()
        {
            var store = _store.Open();
            foreach (var upn in new[] { "enrolled@adatum.com", "pending@adatum.com", "locked@adatum.com", "disabled@adatum.com" })
                store.Create(new NewOtpUser(upn, "v1:x", TotpParameters.Default, disabled: upn.StartsWith("disabled")));
            store.RecordSuccess("enrolled@adatum.com", 1000, new LogonAttempt(SignedIn, "10.0.0.1", "test"));
            var codes = RecoveryCode.Generate();
            store.ReplaceRecoveryCodes("enrolled@adatum.com", codes.Select(c => RecoveryCode.Hash("enrolled@adatum.com", RecoveryCode.Normalize(c)!)).ToList(), SignedIn);
            Assert.Equal(RecoveryCodeOutcome.Accepted, store.UseRecoveryCode("enrolled@adatum.com",
                RecoveryCode.Hash("enrolled@adatum.com", RecoveryCode.Normalize(codes[3])!), new LogonAttempt(SignedIn.AddMinutes(5), null, null)));
            var lockedUntil = store.RecordFailure("locked@adatum.com", "1", new LogonAttempt(DateTime.UtcNow, null, null), new LockoutPolicy(1, 30))!.LockedUntil!.Value;

            var lines = Render("Get-xOTP_User");
            var header = lines[0];
            Assert.Matches(@"^Upn\s+Status\s+LastLogon\s+Failed\s+Codes$", header);
            Assert.DoesNotContain(lines, l => l.Contains('…') || l.Contains("..."));
            string Row(string upn) => Assert.Single(lines, l => l.StartsWith(upn));

            var enrolled = Row("enrolled@adatum.com");
            Assert.Matches(@"^enrolled@adatum\.com\s+Enrolled\s+" + Local(SignedIn.AddMinutes(5)).Replace("+", "\\+") + @"\s+0\s+9/1$", enrolled);
            Assert.Matches(@"^pending@adatum\.com\s+Pending\s+0\s+0/0$", Row("pending@adatum.com"));
            Assert.Contains("Locked until " + Local(lockedUntil).Substring(11, 5), Row("locked@adatum.com"));
            Assert.Equal(Local(lockedUntil), Local(((DateTimeOffset)_ps.Run("(Get-xOTP_User locked@adatum.com).LockedUntil").Output.Single().BaseObject).UtcDateTime));
            Assert.Matches(@"^disabled@adatum\.com\s+Disabled\s", Row("disabled@adatum.com"));

            // The objects keep UTC.
            var lastLogon = (DateTimeOffset)_ps.Run("(Get-xOTP_User enrolled@adatum.com).LastLogon").Output.Single().BaseObject;
            Assert.Equal(TimeSpan.Zero, lastLogon.Offset);
            Assert.Equal(DateTimeKind.Utc, lastLogon.UtcDateTime.Kind);
            Assert.Equal(SignedIn.AddMinutes(5), lastLogon.UtcDateTime);
        }

        [Fact]
        public void LocalTimesCarryTheZonesOffsetAndATimeWithoutKindIsUtc()
        {
            var result = _ps.Run(@"
                $zone = [TimeZoneInfo]::CreateCustomTimeZone('Test +01', [TimeSpan]::FromHours(1), 'Test +01', 'Test +01')
                [SecureMFA.Cmdlets.Output.OtpUserView]::Time([datetime]::new(2026, 11, 30, 9, 15, 0, [DateTimeKind]::Utc), $zone)
                [SecureMFA.Cmdlets.Output.OtpUserView]::Time([datetime]::new(2026, 11, 30, 9, 15, 0, [DateTimeKind]::Unspecified), $zone)
                [SecureMFA.Cmdlets.Output.OtpUserView]::Time($null, $zone)");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(new[] { "2026-11-30 10:15 +01:00", "2026-11-30 10:15 +01:00", "" }, result.Output.Select(o => o.ToString()));
        }

        [Fact]
        public void ALockShowsItsLocalHourWithinADayAndItsDateBeyondAndOtherStatesTheirName()
        {
            var result = _ps.Run(@"
                $zone = [TimeZoneInfo]::CreateCustomTimeZone('Test +01', [TimeSpan]::FromHours(1), 'Test +01', 'Test +01')
                $now = [datetime]::new(2026, 11, 30, 9, 15, 0, [DateTimeKind]::Utc)
                function User($status, $until) { [SecureMFA.Cmdlets.Output.OtpUserInfo]@{ Upn = 'a@adatum.com'; Status = $status; LockedUntil = $until } }
                [SecureMFA.Cmdlets.Output.OtpUserView]::Status((User 'Locked' ([DateTimeOffset]$now.AddMinutes(30))), $zone, $now)
                [SecureMFA.Cmdlets.Output.OtpUserView]::Status((User 'Locked' ([DateTimeOffset]$now.AddDays(3))), $zone, $now)
                [SecureMFA.Cmdlets.Output.OtpUserView]::Status((User 'Disabled' $null), $zone, $now)");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(new[] { "Locked until 10:45", "Locked until 12-03", "Disabled" }, result.Output.Select(o => o.ToString()));
            Assert.All(result.Output, o => Assert.True(o.ToString().Length <= 18, $"{o} is wider than the Status column"));
        }

        [Fact]
        public void SortByAsksTheStoreForTheOrderAndPagesAfterIt()
        {
            var store = _store.Open();
            foreach (var upn in new[] { "a@adatum.com", "b@adatum.com", "c@adatum.com", "d@adatum.com" })
                store.Create(new NewOtpUser(upn, "v1:x", TotpParameters.Default));
            void Fail(string upn, int times) { for (var i = 0; i < times; i++) store.RecordFailure(upn, "1", new LogonAttempt(SignedIn, null, null), LockoutPolicy.Disabled); }
            Fail("c@adatum.com", 3);
            Fail("a@adatum.com", 1);
            Fail("d@adatum.com", 1);
            store.RecordSuccess("b@adatum.com", 1000, new LogonAttempt(SignedIn, null, null));

            List<string> Upns(string script) => _ps.Run(script).Output.Select(o => (string)o.Properties["Upn"].Value).ToList();
            Assert.Equal(new[] { "c@adatum.com", "a@adatum.com" }, Upns("Get-xOTP_User -SortBy FailedLogonCount -Descending -First 2"));
            Assert.Equal(new[] { "d@adatum.com", "b@adatum.com" }, Upns("Get-xOTP_User -SortBy FailedLogonCount -Descending -Skip 2"));
            Assert.Equal(new[] { "a@adatum.com", "c@adatum.com", "d@adatum.com", "b@adatum.com" }, Upns("Get-xOTP_User -SortBy LastLogon"));
            Assert.Equal(new[] { "d@adatum.com", "c@adatum.com" }, Upns("Get-xOTP_User -Descending -First 2"));

            // Only the offered keys bind: anything else is refused by PowerShell before the store is asked.
            var refused = _ps.Run("Get-xOTP_User -SortBy 'upn; DELETE FROM Secrets'");
            Assert.Contains("Upn, LastLogon, FailedLogonCount, Created", Assert.Single(refused.Errors).Exception.Message);
            Assert.Equal(4, store.Count(new UserQuery(), DateTime.UtcNow));
        }

        [Fact]
        public void TheQrCodeFilePathIsShownInFull()
        {
            var folder = Path.Combine(_store.Folder, "help-desk", "enrolment-qr-codes-for-new-starters", "2026-11-30-batch-for-the-sales-department");
            var lines = Render($"New-xOTP_User new.starter.with.a.long.name@adatum.com -QrCodeFolder '{folder}'");
            var file = Path.Combine(folder, "new.starter.with.a.long.name@adatum.com.png");
            Assert.True(File.Exists(file));
            Assert.True(file.Length > 120, "the path must be longer than the console is wide");
            // A list wraps a long value onto indented lines; it never cuts it.
            Assert.Equal(file, Value(lines, "QrCodeFile"));
            Assert.StartsWith("otpauth://totp/Adatum:new.starter.with.a.long.name%40adatum.com?secret=", Value(lines, "OtpAuthUri"));
            Assert.DoesNotContain(lines, l => l.Contains('…'));
        }

        /// <summary>A list entry's value, with the lines the formatter wrapped it onto joined again.</summary>
        private static string Value(List<string> lines, string label)
        {
            var start = lines.FindIndex(l => l.StartsWith(label + " "));
            Assert.True(start >= 0, $"no {label} line in:\n{string.Join("\n", lines)}");
            var indent = lines[start].IndexOf(": ", StringComparison.Ordinal) + 2;
            var value = lines[start].Substring(indent);
            for (var i = start + 1; i < lines.Count && lines[i].Length > indent && lines[i].Substring(0, indent).Trim().Length == 0; i++)
                value += lines[i].Substring(indent);
            return value;
        }

        public void Dispose()
        {
            _ps.Dispose();
            _store.Dispose();
        }
    }
}
