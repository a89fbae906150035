using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using SecureMFA.Core.Stores;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>Users not yet enrolled (not_enrolled with firstSeen, not_confirmed) and report-only rollout reports (section 7a), on SQLite.</summary>
    public sealed class RolloutTests : IDisposable
    {
        private readonly ApiFactory _api = new ApiFactory();

        public void Dispose() => _api.Dispose();

        private static Task<ApiAnswer> Report(SignedClient device, object body) =>
            device.Send(HttpMethod.Post, "/v1/rollout/report", JsonSerializer.SerializeToUtf8Bytes(body));

        private IRolloutRecords Rollout => SecureMFA.Core.Stores.Sql.SqliteStoreFactory.OpenRollout(_api.Deployment.Config.SqlitePath);

        [Fact]
        public async Task AnUnknownUserIsNotEnrolledWithTheFirstSightingWhichHoldsOnAnotherServerOfTheFarm()
        {
            var start = DateTimeOffset.UtcNow.AddDays(-3);
            _api.Clock.UtcNow = start.UtcDateTime;
            var device = await _api.NewDevice();
            var first = await device.Verify("Newcomer@adatum.labnet", "123456");
            Assert.Equal(200, first.Status);
            Assert.True(first.IsSignedBy(device.Key));
            Assert.Equal("not_enrolled", first.Result);
            Assert.Equal(start.ToUnixTimeSeconds(), first.Json.GetProperty("firstSeen").GetInt64());
            Assert.False(first.Json.TryGetProperty("reason", out _));

            // A day later, on another server of the farm (same store, its own clock): the same first sighting, in any letter case.
            using var second = new ApiFactory(_api.Deployment);
            second.Clock.UtcNow = start.AddDays(1).UtcDateTime;
            var again = new SignedClient(second.Http(), second.BasePath, device.DeviceId, device.Key, () => second.Clock.GetUtcNow());
            var later = await again.Verify("newcomer@adatum.labnet", "");
            Assert.Equal("not_enrolled", later.Result);
            Assert.Equal(start.ToUnixTimeSeconds(), later.Json.GetProperty("firstSeen").GetInt64());
            Assert.Equal(start.ToUnixTimeSeconds(), new DateTimeOffset(Rollout.FirstSeen("NEWCOMER@adatum.labnet", DateTime.UtcNow)!.Value).ToUnixTimeSeconds());
        }

        [Fact]
        public async Task AnEnrolledUserWithoutACodeIsAnUncountedMalformedAndNeverGetsAFirstSighting()
        {
            var device = await _api.NewDevice();
            var upn = _api.Deployment.NewUser();
            Assert.Equal("accept", (await device.Verify(upn, _api.Deployment.CodeAt(upn, _api.Clock.GetUtcNow()))).Result);

            var blank = await device.Verify(upn, "");
            Assert.Equal("reject", blank.Result);
            Assert.Equal("malformed", blank.Json.GetProperty("reason").GetString());
            Assert.False(blank.Json.TryGetProperty("firstSeen", out _));
            Assert.Equal(0, _api.Deployment.Store.Find(upn)!.FailedLogonCount);
        }

        [Fact]
        public async Task ANeverConfirmedUserWithoutACodeIsNotConfirmedYetARightCodeStillConfirmsAndAWrongOneCounts()
        {
            var device = await _api.NewDevice();
            var upn = _api.Deployment.NewUser();
            var blank = await device.Verify(upn, "");
            Assert.Equal("not_enrolled", blank.Result);
            Assert.Equal("not_confirmed", blank.Json.GetProperty("reason").GetString());
            Assert.Equal(_api.Clock.GetUtcNow().ToUnixTimeSeconds(), blank.Json.GetProperty("firstSeen").GetInt64());

            var code = _api.Deployment.CodeAt(upn, _api.Clock.GetUtcNow());
            var wrong = code == "000000" ? "000001" : "000000";
            Assert.Equal("reject", (await device.Verify(upn, wrong)).Result);
            Assert.Equal(1, _api.Deployment.Store.Find(upn)!.FailedLogonCount);
            Assert.Equal("accept", (await device.Verify(upn, code)).Result);
            Assert.True(_api.Deployment.Store.Find(upn)!.Enrolled);
        }

        [Fact]
        public async Task ReportsAreKeptPerUserDeviceAndOutcomeAndCodeRequiredBecomesNotEnrolledWithoutAnAccount()
        {
            var device = await _api.NewDevice();
            var enrolled = _api.Deployment.NewUser();
            Assert.Equal("accept", (await device.Verify(enrolled, _api.Deployment.CodeAt(enrolled, _api.Clock.GetUtcNow()))).Result);

            var ready = await Report(device, new { upn = enrolled, account = "ADATUM\\ready", scenario = "logon", machine = "PC1", outcome = "code_required" });
            Assert.Equal(200, ready.Status);
            Assert.True(ready.IsSignedBy(device.Key));
            Assert.Equal("code_required", ready.Json.GetProperty("outcome").GetString());
            Assert.True(ready.Json.GetProperty("recorded").GetBoolean());
            Assert.False(ready.Json.TryGetProperty("firstSeen", out _));
            await Report(device, new { upn = enrolled, account = "ADATUM\\ready", scenario = "unlock", machine = "PC1", outcome = "code_required" });

            var newcomer = await Report(device, new { upn = "bob@adatum.labnet", account = "ADATUM\\bob", scenario = "rdp", machine = "PC1", outcome = "code_required" });
            Assert.Equal("not_enrolled", newcomer.Json.GetProperty("outcome").GetString());
            Assert.Equal(_api.Clock.GetUtcNow().ToUnixTimeSeconds(), newcomer.Json.GetProperty("firstSeen").GetInt64());
            var unmapped = await Report(device, new { account = "LOCALPC\\svc", scenario = "logon", machine = "PC1", outcome = "identity_not_mapped" });
            Assert.Equal("identity_not_mapped", unmapped.Json.GetProperty("outcome").GetString());

            var rows = Rollout.List();
            var mine = Assert.Single(rows, r => r.User == enrolled.ToLowerInvariant());
            Assert.Equal((2L, "code_required", "unlock", device.DeviceId, true), (mine.Reports, mine.Outcome, mine.Scenario, mine.DeviceId, mine.Mapped));
            Assert.Contains(rows, r => r.User == "bob@adatum.labnet" && r.Outcome == "not_enrolled" && r.Reports == 1);
            Assert.Contains(rows, r => r.User == "LOCALPC\\svc" && !r.Mapped && r.Outcome == "identity_not_mapped");
            // A report changes no user and counts toward no lockout.
            Assert.Equal(0, _api.Deployment.Store.Find(enrolled)!.FailedLogonCount);
            Assert.Null(_api.Deployment.Store.Find("bob@adatum.labnet"));
        }

        [Theory]
        [InlineData("{\"upn\":\"a@adatum.labnet\",\"account\":\"a\",\"scenario\":\"logon\",\"machine\":\"PC1\",\"outcome\":\"fine\"}", "bad_request")]
        [InlineData("{\"upn\":\"a@adatum.labnet\",\"scenario\":\"logon\",\"machine\":\"PC1\",\"outcome\":\"excluded\"}", "bad_request")]
        [InlineData("{\"account\":\"a\",\"scenario\":\"logon\",\"machine\":\"PC1\",\"outcome\":\"code_required\"}", "bad_request")]
        [InlineData("{\"upn\":\"a b@adatum.labnet\",\"account\":\"a\",\"scenario\":\"logon\",\"machine\":\"PC1\",\"outcome\":\"code_required\"}", "invalid_upn")]
        [InlineData("{\"upn\":\"a@adatum.labnet\",\"account\":\"a\",\"scenario\":\"console\",\"machine\":\"PC1\",\"outcome\":\"code_required\"}", "invalid_scenario")]
        public async Task AReportOfTheWrongShapeIsRefusedSigned(string body, string error)
        {
            var device = await _api.NewDevice();
            var answer = await device.Send(HttpMethod.Post, "/v1/rollout/report", Encoding.UTF8.GetBytes(body));
            Assert.Equal(400, answer.Status);
            Assert.True(answer.IsSignedBy(device.Key));
            Assert.Equal(error, answer.Error);
            Assert.Empty(Rollout.List());
        }

        [Fact]
        public async Task AnUnsignedReportIsRefused()
        {
            var http = _api.Http();
            var response = await http.PostAsync(_api.BasePath + "/v1/rollout/report",
                new StringContent("{\"account\":\"a\",\"scenario\":\"logon\",\"machine\":\"PC1\",\"outcome\":\"excluded\"}", Encoding.UTF8, "application/json"));
            Assert.Equal(401, (int)response.StatusCode);
            Assert.Empty(Rollout.List());
        }
    }
}
