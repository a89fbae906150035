using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>Get-xOTP_RolloutReadiness from the staged module, on a SQLite store holding what report-only tiles reported.</summary>
    public sealed class RolloutReadinessCmdletTests : IDisposable
    {
        private readonly PowerShellSession _ps = new PowerShellSession();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "securemfa-cmdlet-tests", Guid.NewGuid().ToString("N"));
        private readonly DateTime _t = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

        public RolloutReadinessCmdletTests()
        {
            Directory.CreateDirectory(_folder);
            var config = Path.Combine(_folder, "SecureMfaOtpProvider.json");
            File.WriteAllText(config, $@"{{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{_folder}/otp.db"",
                ""data_encryption"": ""true"", ""data_encryption_passphrase"": ""Cmdlet-Tests-Passphrase-1"" }}");
            using (var store = SqliteStoreFactory.Open(Path.Combine(_folder, "otp.db"))) SharedTestSalt.SeedInto(store);
            _ps.Run($"$PSDefaultParameterValues['*-xOTP_*:ConfigurationFilePath'] = '{config}'");

            var records = SqliteStoreFactory.OpenRollout(Path.Combine(_folder, "otp.db"));
            void Report(string user, string device, string machine, string outcome, DateTime at, bool mapped = true, string scenario = "logon") =>
                records.Record(new RolloutReport { User = user, Mapped = mapped, DeviceId = device, Machine = machine, Scenario = scenario, Outcome = outcome }, at);
            Report("alice@adatum.labnet", "d1", "PC1", "not_enrolled", _t);
            Report("alice@adatum.labnet", "d1", "PC1", "not_enrolled", _t.AddHours(1));
            Report("alice@adatum.labnet", "d1", "PC1", "code_required", _t.AddDays(2), scenario: "unlock");
            Report("alice@adatum.labnet", "d2", "RDS-01", "offline_not_ready", _t.AddDays(1), scenario: "rdp");
            Report("bob@adatum.labnet", "d2", "RDS-01", "not_enrolled", _t.AddDays(3), scenario: "rdp");
            Report("LOCALPC\\svc", "d1", "PC1", "identity_not_mapped", _t.AddDays(4), mapped: false);
        }

        public void Dispose() => _ps.Dispose();

        private static object? P(PSObject o, string name) => o.Properties[name].Value;

        [Fact]
        public void OneObjectPerUserAndComputerWithTheLatestOutcomeAndCountsPerOutcome()
        {
            var all = _ps.Run("Get-xOTP_RolloutReadiness");
            Assert.Empty(all.Errors);
            Assert.Equal(new[] { "alice@adatum.labnet on PC1", "alice@adatum.labnet on RDS-01", "bob@adatum.labnet on RDS-01", "LOCALPC\\svc on PC1" },
                all.Output.Select(o => $"{P(o, "Upn")} on {P(o, "Machine")}"));
            var alice = all.Output[0];
            Assert.Equal("SecureMFA.Cmdlets.Output.OtpRolloutReadiness", alice.BaseObject.GetType().FullName);
            Assert.Equal(("CodeRequired", true, 3L, 1L, 2L, "unlock"), ((string)P(alice, "WouldHave")!, (bool)P(alice, "Ready")!, (long)P(alice, "Reports")!,
                (long)P(alice, "CodeRequired")!, (long)P(alice, "NotEnrolled")!, (string)P(alice, "LastScenario")!));
            Assert.Equal(new DateTimeOffset(_t), P(alice, "FirstSeen"));
            Assert.Equal(new DateTimeOffset(_t.AddDays(2)), P(alice, "LastSeen"));
            Assert.Equal(("OfflineNotReady", false), ((string)P(all.Output[1], "WouldHave")!, (bool)P(all.Output[1], "Ready")!));
            Assert.Equal(("IdentityNotMapped", false), ((string)P(all.Output[3], "WouldHave")!, (bool)P(all.Output[3], "IdentityMapped")!));
        }

        [Fact]
        public void FiltersByUpnPatternMachineAndSinceAndTakesUpnsFromThePipeline()
        {
            Assert.Equal(new[] { "RDS-01", "RDS-01" }, _ps.Run("Get-xOTP_RolloutReadiness -Machine 'rds*'").Output.Select(o => (string)P(o, "Machine")!));
            Assert.Equal(new[] { "PC1", "RDS-01" }, _ps.Run("Get-xOTP_RolloutReadiness 'ALICE@*'").Output.Select(o => (string)P(o, "Machine")!));
            var since = _ps.Run("Get-xOTP_RolloutReadiness -Since ([DateTimeOffset]'2026-12-03T12:00:00Z').UtcDateTime");
            Assert.Equal(new[] { "bob@adatum.labnet", "LOCALPC\\svc" }, since.Output.Select(o => (string)P(o, "Upn")!));
            Assert.Equal(new[] { "bob@adatum.labnet" },
                _ps.Run("[pscustomobject]@{ Upn = 'bob@adatum.labnet' } | Get-xOTP_RolloutReadiness").Output.Select(o => (string)P(o, "Upn")!));
            Assert.Empty(_ps.Run("Get-xOTP_RolloutReadiness nobody@adatum.labnet").Output);
        }

        /// <summary>
        /// The hosted engine has no Export-Csv or ConvertTo-Json (tests/Pester/SecureMFA_OTP.Tests.ps1 runs them in pwsh):
        /// here, that every column is a plain value they write readably: text, a flag, a count, or a time with its zone.
        /// </summary>
        [Fact]
        public void EveryColumnIsTextAFlagACountOrATimeWithItsZone()
        {
            var row = Assert.Single(_ps.Run("Get-xOTP_RolloutReadiness bob@adatum.labnet").Output);
            Assert.All(row.Properties.Where(p => p.MemberType == PSMemberTypes.Property), p =>
                Assert.Contains(p.Value.GetType(), new[] { typeof(string), typeof(bool), typeof(long), typeof(DateTimeOffset) }));
            Assert.Equal("NotEnrolled", P(row, "WouldHave"));
            Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)P(row, "LastSeen")!).Offset);
        }
    }
}
