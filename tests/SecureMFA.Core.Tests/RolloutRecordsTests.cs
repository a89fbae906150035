using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>The WEB API's rollout records (first sightings, report-only reports) in SQLite and, when given, SQL Server; none in AD.</summary>
    public class RolloutRecordsTests
    {
        public static IEnumerable<object[]> Kinds() => StoreUnderTest.Kinds().Where(k => (string)k[0] != "ad");

        private static IRolloutRecords Open(string kind) => kind == "sqlserver"
            ? new SqlRolloutRecords(() => SqlServerConnectionString.Connect(Environment.GetEnvironmentVariable(StoreUnderTest.SqlServerVariable)!), SqlDialect.SqlServer)
            : SqliteStoreFactory.OpenRollout(Path.Combine(Path.GetTempPath(), "securemfa-tests", Guid.NewGuid().ToString("N"), "otp.db"));

        private static DateTime Now() => new DateTime(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);

        private static string NewUpn() => "r" + Guid.NewGuid().ToString("N").Substring(0, 10) + "@adatum.labnet";

        [Theory, MemberData(nameof(Kinds))]
        public async Task TheFirstSightingIsKeptOnceWhateverTheLetterCaseAndHowManyRace(string kind)
        {
            var records = Open(kind);
            var upn = NewUpn();
            var t = Now();
            var racers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => records.FirstSeen(i % 2 == 0 ? upn : upn.ToUpperInvariant(), t.AddSeconds(i)))));
            var first = Assert.Single(racers.Distinct());
            Assert.InRange(first!.Value, t, t.AddSeconds(7));
            Assert.Equal(first, records.FirstSeen(upn, t.AddDays(30)));
        }

        [Theory, MemberData(nameof(Kinds))]
        public async Task ReportsCountPerUserDeviceAndOutcomeEvenWhenRacing(string kind)
        {
            var records = Open(kind);
            var upn = NewUpn();
            var t = Now();
            RolloutReport Report(string outcome, string device = "d1", string scenario = "logon") =>
                new RolloutReport { User = upn, Mapped = true, DeviceId = device, Machine = "PC1", Scenario = scenario, Outcome = outcome };
            await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Assert.True(records.Record(Report("code_required"), t)))));
            Assert.True(records.Record(Report("code_required", scenario: "unlock"), t.AddMinutes(1)));
            Assert.True(records.Record(Report("not_enrolled"), t.AddMinutes(2)));
            Assert.True(records.Record(Report("code_required", device: "d2"), t.AddMinutes(3)));

            var mine = records.List().Where(r => r.User == upn).ToList();
            Assert.Equal(new[] { ("d1", "code_required", 7L), ("d1", "not_enrolled", 1L), ("d2", "code_required", 1L) },
                mine.Select(r => (r.DeviceId, r.Outcome, r.Reports)));
            var counted = mine[0];
            Assert.Equal((t, t.AddMinutes(1), "unlock"), (counted.FirstReported, counted.LastReported, counted.Scenario));
        }

        [Fact]
        public void TheAdStoreKeepsNoneAndSaysSo()
        {
            IRolloutRecords records = new NoRolloutRecords();
            Assert.False(records.Keeps);
            Assert.Null(records.FirstSeen("alice@adatum.labnet", DateTime.UtcNow));
            Assert.False(records.Record(new RolloutReport { User = "alice@adatum.labnet" }, DateTime.UtcNow));
            Assert.Empty(records.List());
        }

        public static IEnumerable<object[]> Statements() =>
            typeof(SqlRolloutStatements).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => new object[] { f.Name });

        [Theory, MemberData(nameof(Statements))]
        public void EveryRolloutStatementIsValidTSql(string name)
        {
            var sql = (string)typeof(SqlRolloutStatements).GetField(name)!.GetRawConstantValue()!;
            new TSql160Parser(true).Parse(new StringReader(sql), out IList<ParseError> errors);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)) + "\n" + sql);
        }
    }
}
