using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Ldap;
using SecureMFA.Core.Stores.Sql;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>The WEB API's device registry behaves the same in SQLite, AD (Samba) and, when given, SQL Server.</summary>
    public class DeviceRegistryTests
    {
        public static IEnumerable<object[]> Kinds() => StoreUnderTest.Kinds();

        private static IDeviceRegistry Open(string kind) => kind switch
        {
            "sqlite" => SqliteStoreFactory.OpenDevices(Path.Combine(Path.GetTempPath(), "securemfa-tests", Guid.NewGuid().ToString("N"), "otp.db")),
            "sqlserver" => new SqlDeviceRegistry(() => SqlServerConnectionString.Connect(Environment.GetEnvironmentVariable(StoreUnderTest.SqlServerVariable)!), SqlDialect.SqlServer),
            _ => new LdapDeviceRegistry(SambaDirectory.Settings()),
        };

        private static Device NewDevice(DateTime created, string machine = "PC1") => new Device
        {
            Id = DeviceId.New(),
            Machine = machine,
            MachineSid = "S-1-5-21-1004336348-1177238915-682003330",
            ProtectedKey = "v2:" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
            Created = created,
        };

        private static DateTime Now() => new DateTime(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);

        [Theory, MemberData(nameof(Kinds))]
        public void AKeyIsReplacedOnlyIfItIsStillTheOneRead(string kind)
        {
            var registry = Open(kind);
            var device = NewDevice(Now());
            registry.Add(device);
            Assert.False(registry.ReplaceKey(device.Id, "v2:not-the-stored-key", "v2:new"));
            Assert.Equal(device.ProtectedKey, registry.Find(device.Id)!.ProtectedKey);
            Assert.True(registry.ReplaceKey(device.Id, device.ProtectedKey, "v2:rotated"));
            Assert.Equal("v2:rotated", registry.Find(device.Id)!.ProtectedKey);
            Assert.False(registry.ReplaceKey(device.Id, device.ProtectedKey, "v2:again"));
            Assert.False(registry.ReplaceKey(DeviceId.New(), "v2:rotated", "v2:x"));
        }

        [Theory, MemberData(nameof(Kinds))]
        public void ADeviceIsAddedFoundListedAndRevokedOnceWithItsFirstTime(string kind)
        {
            var registry = Open(kind);
            var created = Now();
            var device = NewDevice(created, "Wörkstation-é");
            Assert.True(registry.Add(device));
            Assert.False(registry.Add(device));

            var found = registry.Find(device.Id)!;
            Assert.Equal((device.Id, "Wörkstation-é", device.MachineSid, device.ProtectedKey), (found.Id, found.Machine, found.MachineSid, found.ProtectedKey));
            Assert.Equal(created, found.Created, TimeSpan.FromMilliseconds(1));
            Assert.Null(found.Revoked);
            Assert.Null(found.LastSeen);
            Assert.Null(found.LastIp);
            Assert.Contains(registry.List(), d => d.Id == device.Id);

            // One spelling only: ids are lower-case hex, and nothing else names a device.
            Assert.Null(registry.Find(device.Id.ToUpperInvariant()));
            Assert.Null(registry.Find("*"));
            Assert.False(registry.Revoke(device.Id.ToUpperInvariant(), created));

            Assert.True(registry.Revoke(device.Id, created.AddMinutes(1)));
            Assert.True(registry.Revoke(device.Id, created.AddMinutes(2)));
            Assert.Equal(created.AddMinutes(1), registry.Find(device.Id)!.Revoked!.Value, TimeSpan.FromMilliseconds(1));
            Assert.False(registry.Revoke(DeviceId.New(), created));
        }

        [Theory, MemberData(nameof(Kinds))]
        public async Task TheLastSeenTimeIsWrittenOncePerIntervalEvenByRacers(string kind)
        {
            var registry = Open(kind);
            var device = NewDevice(Now());
            registry.Add(device);
            var t = Now();
            var interval = TimeSpan.FromHours(1);

            using var start = new ManualResetEventSlim();
            var racers = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            {
                start.Wait();
                return registry.Touch(device.Id, t, "10.0.0." + i, interval);
            })).ToArray();
            start.Set();
            var wrote = await Task.WhenAll(racers);
            Assert.Equal(1, wrote.Count(w => w));
            var seen = registry.Find(device.Id)!;
            Assert.Equal(t, seen.LastSeen!.Value, TimeSpan.FromMilliseconds(1));
            Assert.StartsWith("10.0.0.", seen.LastIp);

            Assert.False(registry.Touch(device.Id, t.AddMinutes(59), "10.9.9.9", interval));
            Assert.True(registry.Touch(device.Id, t.AddMinutes(61), "10.9.9.9", interval));
            seen = registry.Find(device.Id)!;
            Assert.Equal((t.AddMinutes(61), "10.9.9.9"), (new DateTime(seen.LastSeen!.Value.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc), seen.LastIp));
            Assert.False(registry.Touch(DeviceId.New(), t, "10.0.0.1", interval));
        }

        [Theory, MemberData(nameof(Kinds))]
        public async Task ARevocationRacingLastSeenWritesIsNeverLost(string kind)
        {
            var registry = Open(kind);
            var device = NewDevice(Now());
            registry.Add(device);
            var t = Now();
            var touches = Task.Run(() =>
            {
                for (var i = 0; i < 20; i++) registry.Touch(device.Id, t.AddHours(2 * i), "10.0.0.1", TimeSpan.FromHours(1));
            });
            var revoke = Task.Run(() => registry.Revoke(device.Id, t));
            await touches;
            Assert.True(await revoke);
            Assert.True(registry.Find(device.Id)!.IsRevoked);
        }

        public static IEnumerable<object[]> Statements() =>
            typeof(SqlDeviceStatements).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => new object[] { f.Name });

        [Theory, MemberData(nameof(Statements))]
        public void EveryDeviceStatementIsValidTSql(string name)
        {
            var sql = (string)typeof(SqlDeviceStatements).GetField(name)!.GetRawConstantValue()!;
            new TSql160Parser(true).Parse(new StringReader(sql), out IList<ParseError> errors);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)) + "\n" + sql);
        }

        [Fact]
        public void DeviceIdsAreLowerCaseHexOf128RandomBits()
        {
            var ids = Enumerable.Range(0, 1000).Select(_ => DeviceId.New()).ToList();
            Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
            Assert.Equal(1000, ids.Distinct().Count());
            Assert.All(ids, id => Assert.True(DeviceId.IsWellFormed(id)));
            Assert.False(DeviceId.IsWellFormed(ids[0].ToUpperInvariant()));
            Assert.False(DeviceId.IsWellFormed(ids[0] + "0"));
            Assert.False(DeviceId.IsWellFormed(null));
        }
    }
}
