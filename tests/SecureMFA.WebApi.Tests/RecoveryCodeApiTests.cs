using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using SecureMFA.Core.Events;
using SecureMFA.Core.Recovery;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Recovery;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>
    /// Recovery codes at the WEB API (sections 7 and 7b): a verify takes one, told from a TOTP code by its form, once,
    /// counted like a wrong code when wrong; the offline package carries the unused ones only as slow salted hashes; a
    /// device reports the ones it accepted offline and the server burns them.
    /// </summary>
    public sealed class RecoveryCodeApiTests : IDisposable
    {
        private readonly ApiFactory _api = new ApiFactory();

        public void Dispose() => _api.Dispose();

        private ApiDeployment Deployment => _api.Deployment;

        private string[] GiveCodes(string upn)
        {
            var codes = RecoveryCode.Generate().ToArray();
            Assert.True(Deployment.Store.ReplaceRecoveryCodes(upn, codes.Select(c => RecoveryCode.Hash(upn, RecoveryCode.Normalize(c)!)).ToList(), DateTime.UtcNow));
            return codes;
        }

        private static string StoreHash(string upn, string code) => RecoveryCode.Hash(upn, RecoveryCode.Normalize(code)!);

        private Task<ApiAnswer> Report(SignedClient device, string upn, params string[] hashes) =>
            device.Send(HttpMethod.Post, "/v1/otp/recovery-used", JsonSerializer.SerializeToUtf8Bytes(new { upn, machine = "PC1", codes = hashes }));

        [Fact]
        public async Task AVerifyTakesARecoveryCodeOnceAndAWrongOneCounts()
        {
            var device = await _api.NewDevice();
            var upn = Deployment.NewUser();
            var codes = GiveCodes(upn);

            var accept = await device.Verify(upn, codes[0].ToLowerInvariant().Replace("-", " "), offline: true);
            Assert.True(accept.IsSignedBy(device.Key));
            Assert.Equal("accept", accept.Result);
            Assert.True(accept.Json.GetProperty("recoveryCode").GetBoolean());
            Assert.Equal(9, accept.Json.GetProperty("recoveryCodesLeft").GetInt32());
            // No package for a recovery code: it proves nothing about the authenticator app.
            Assert.Equal(JsonValueKind.Null, accept.Json.GetProperty("offline").ValueKind);
            Assert.Contains(_api.Events.Messages(OtpEventId.OtpOk), m => m.Contains("Recovery code accepted for " + upn) && m.Contains("PC1") && m.Contains(device.DeviceId));

            var again = await device.Verify(upn, codes[0]);
            Assert.Equal("reject", again.Result);
            Assert.True(again.Json.GetProperty("recoveryCode").GetBoolean());
            Assert.Equal(4, again.Json.GetProperty("attemptsLeft").GetInt32());
            Assert.False(again.Json.TryGetProperty("recoveryCodesLeft", out _));
            Assert.Equal(1, Deployment.Store.Find(upn)!.FailedLogonCount);
            Assert.Contains(_api.Events.Text.Split('\n'), l => l.Contains(upn) && l.Contains("a wrong or used recovery code"));
            foreach (var code in codes) Assert.DoesNotContain(RecoveryCode.Normalize(code)!, _api.Events.Text);

            // A TOTP code still reads as one, and has no recoveryCode member.
            var totp = await device.Verify(upn, Deployment.CodeAt(upn, _api.Clock.GetUtcNow()));
            Assert.Equal("accept", totp.Result);
            Assert.False(totp.Json.TryGetProperty("recoveryCode", out _));
        }

        [Fact]
        public async Task ThePackageCarriesTheUnusedCodesOnlyAsSlowSaltedHashes()
        {
            var device = await _api.NewDevice();
            var upn = Deployment.NewUser();
            var codes = GiveCodes(upn);
            Assert.Equal("accept", (await device.Verify(upn, codes[9])).Result);

            var answer = await device.Verify(upn, Deployment.CodeAt(upn, _api.Clock.GetUtcNow()), offline: true, offlineDays: 7);
            var offline = answer.Json.GetProperty("offline");
            Assert.Equal(OfflineRecoveryCode.Iterations, offline.GetProperty("recoveryIterations").GetInt32());
            var carried = offline.GetProperty("recoveryCodes").EnumerateArray().Select(e => OfflineRecoveryCode.Parse(e.GetString())!).ToList();
            Assert.Equal(9, carried.Count);
            Assert.Equal(9, carried.Select(c => Convert.ToBase64String(c.Salt)).Distinct().Count());
            var text = answer.Text;
            foreach (var code in codes)
            {
                Assert.DoesNotContain(RecoveryCode.Normalize(code)!, text);
                Assert.DoesNotContain(StoreHash(upn, code), text);
            }
            // Each unused code matches exactly one entry; the used one none.
            foreach (var code in codes.Take(9))
                Assert.Single(carried, c => c.Matches(StoreHash(upn, code), OfflineRecoveryCode.Iterations));
            Assert.DoesNotContain(carried, c => c.Matches(StoreHash(upn, codes[9]), OfflineRecoveryCode.Iterations));
        }

        [Fact]
        public async Task AReportBurnsCodesUsedOfflineAndKeepsThemWhileTheUserIsLocked()
        {
            var device = await _api.NewDevice();
            var upn = Deployment.NewUser();
            var codes = GiveCodes(upn);

            var burnt = await Report(device, upn, StoreHash(upn, codes[1]), StoreHash(upn, codes[2]));
            Assert.True(burnt.IsSignedBy(device.Key));
            Assert.Equal("accept", burnt.Result);
            Assert.Equal(2, burnt.Json.GetProperty("burned").GetInt32());
            Assert.Equal(8, Deployment.Store.Find(upn)!.RecoveryCodesLeft);
            Assert.Contains(_api.Events.Text.Split('\n'), l => l.Contains($"2 recovery code(s) of {upn} used offline on PC1 are now used here too"));
            Assert.Equal("reject", (await device.Verify(upn, codes[1])).Result);

            // Already used (here, at AD FS): processed, nothing more to burn.
            var again = await Report(device, upn, StoreHash(upn, codes[2]));
            Assert.Equal(("accept", 0), (again.Result, again.Json.GetProperty("burned").GetInt32()));

            for (var i = 0; i < 5; i++) await device.Verify(upn, "000000" == Deployment.CodeAt(upn, _api.Clock.GetUtcNow()) ? "000001" : "000000");
            var locked = await Report(device, upn, StoreHash(upn, codes[3]));
            Assert.Equal(("locked", 0), (locked.Result, locked.Json.GetProperty("burned").GetInt32()));
            Assert.Equal(RecoveryCodeOutcome.Locked, Deployment.Store.UseRecoveryCode(upn, StoreHash(upn, codes[3]), new LogonAttempt(DateTime.UtcNow, null, null)));

            Assert.Equal(400, (await Report(device, upn, "not-a-hash")).Status);
            Assert.Equal(400, (await Report(device, upn)).Status);
            Assert.Equal("not_enrolled", (await Report(device, "nobody@adatum.labnet", StoreHash(upn, codes[4]))).Result);
        }
    }
}
