using System;
using System.IO;
using System.Linq;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>Export-xOTP_Report from the staged module: two CSV files in Export-Csv's form, and nothing written with -WhatIf (Import-Csv reading them back: Pester).</summary>
    public sealed class ExportReportTests : IDisposable
    {
        private readonly PowerShellSession _ps = new PowerShellSession();
        private readonly SupportStore _store = new SupportStore();
        private readonly string _report = Path.Combine(Path.GetTempPath(), "securemfa-report-" + Guid.NewGuid().ToString("N"));

        public ExportReportTests()
        {
            using (var store = _store.Open()) SharedTestSalt.SeedInto(store);
            _ps.Run(_store.SessionDefaults);
        }

        public void Dispose()
        {
            _ps.Dispose();
            _store.Dispose();
            if (Directory.Exists(_report)) Directory.Delete(_report, recursive: true);
        }

        [Fact]
        public void UsersWithTheirLastChannelAndDevicesWithTheirLastContactInTwoCsvFiles()
        {
            Assert.Empty(_ps.Run("'adfs@adatum.com', 'win@adatum.com', 'new@adatum.com' | New-xOTP_User | Out-Null").Errors);
            var signedIn = new DateTime(2026, 12, 7, 9, 30, 0, DateTimeKind.Utc);
            using (var store = _store.Open())
            {
                store.RecordSuccess("adfs@adatum.com", 1_796_635_800, new LogonAttempt(signedIn, "10.0.0.7", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"));
                store.RecordSuccess("win@adatum.com", 1_796_635_800, new LogonAttempt(signedIn, "10.0.0.9", "SecureMFA WIN OTP WEB API rdp on LAPTOP-042, device 3f2a"));
            }
            using (var devices = SqliteStoreFactory.OpenDevices(_store.DatabaseFile))
            {
                devices.Add(new Device { Id = DeviceId.New(), Machine = "LAPTOP-042", MachineSid = "S-1-5-21-7", ProtectedKey = "v2:a2V5", Created = signedIn.AddDays(-3) });
                var revoked = new Device { Id = DeviceId.New(), Machine = "PC-OLD", MachineSid = "S-1-5-21-8", ProtectedKey = "v2:a2V5", Created = signedIn.AddDays(-9) };
                devices.Add(revoked);
                devices.Revoke(revoked.Id, signedIn.AddDays(-1));
            }

            var result = _ps.Run($"Export-xOTP_Report -Path '{_report}' | ForEach-Object Name");
            Assert.True(result.Errors.Count == 0, result.ErrorText);
            Assert.Equal(new[] { "users.csv", "devices.csv" }, result.Output.Select(o => o.ToString()));

            var users = Csv("users.csv");
            Assert.Equal(new[] { "Upn", "Status", "Enrolled", "LastSignIn", "LastChannel", "LastComputer", "LastIp", "LogonCount", "FailedLogonCount", "RecoveryCodesLeft", "Created" }, users[0]);
            Assert.Equal(new[] { "adfs@adatum.com|True|AD FS||10.0.0.7", "new@adatum.com|False|||", "win@adatum.com|True|WIN OTP|LAPTOP-042|10.0.0.9" },
                users.Skip(1).Select(r => string.Join("|", r[0], r[2], r[4], r[5], r[6])).OrderBy(r => r, StringComparer.Ordinal));
            var lastSignIn = users.Single(r => r[0] == "win@adatum.com")[3];
            Assert.Equal(new DateTimeOffset(signedIn), DateTimeOffset.Parse(lastSignIn, System.Globalization.CultureInfo.CurrentCulture));
            Assert.EndsWith("+00:00", lastSignIn);

            var deviceRows = Csv("devices.csv");
            Assert.Equal(new[] { "PC-OLD|Revoked", "LAPTOP-042|Active" }, deviceRows.Skip(1).Select(r => $"{r[1]}|{r[2]}"));
            Assert.DoesNotContain("v2:", File.ReadAllText(Path.Combine(_report, "devices.csv")));
        }

        /// <summary>The file's rows, each field unquoted (Export-Csv's form: every field quoted, quotes doubled).</summary>
        private string[][] Csv(string name) =>
            File.ReadAllLines(Path.Combine(_report, name)).Select(line =>
                System.Text.RegularExpressions.Regex.Matches(line, "\"((?:[^\"]|\"\")*)\"").Select(m => m.Groups[1].Value.Replace("\"\"", "\"")).ToArray()).ToArray();

        [Fact]
        public void WhatIfWritesNothingAndAMistypedSqlitePathCreatesNoStore()
        {
            Assert.Empty(_ps.Run($"Export-xOTP_Report -Path '{_report}' -WhatIf").Errors);
            Assert.False(Directory.Exists(_report));

            var missing = _store.Configuration("missing.json", $@"{{ ""auth_mode"": ""SQLITE"", ""sqlite_path"": ""{_store.Folder}/nowhere/otp.db"" }}");
            var refused = _ps.Run($"Export-xOTP_Report -Path '{_report}' -ConfigurationFilePath '{missing}'");
            Assert.Single(refused.Errors);
            Assert.False(Directory.Exists(Path.Combine(_store.Folder, "nowhere")));
            Assert.False(Directory.Exists(_report));
        }
    }
}
