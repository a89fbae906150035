using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SecureMFA.Core.SignIn;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Totp;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>
    /// Issue 19, finding 1: whoever holds a device key (one bootstrap value away) and sees one code of a user fetches an
    /// offline package; what it unwraps must not sign anyone in at the API, nor at the Core sign-in AD FS runs.
    /// </summary>
    public sealed class OfflineSecretTests : IDisposable
    {
        private const int Steps = 40;
        // Three verifications per step of one user: past the per-UPN limit (real time) the API would answer 429.
        private readonly ApiFactory _api = new ApiFactory(aspNetSettings: new Dictionary<string, string>
        {
            ["Limits:UpnBurst"] = "1000", ["Limits:UpnPerMinute"] = "1000", ["Limits:DeviceBurst"] = "1000", ["Limits:DevicePerSecond"] = "1000",
        });

        public void Dispose() => _api.Dispose();

        private ApiDeployment Deployment => _api.Deployment;

        [Fact]
        public async Task ADeviceKeyAndOneCodeGiveNoCodeThatTheApiOrAdfsAccepts()
        {
            var thief = await _api.NewDevice("THIEF");
            var upn = Deployment.NewUser();
            var observed = Deployment.CodeAt(upn, _api.Clock.GetUtcNow());
            var answer = await thief.Verify(upn, observed, offline: true, offlineDays: 30);
            Assert.Equal("accept", answer.Result);
            var package = answer.Json.GetProperty("offline").Deserialize<OfflinePackage>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            var unwrapped = OfflineSecretWrap.Unwrap(thief.Key, package)!;
            Assert.NotNull(unwrapped);
            // What the package holds is the offline secret of this user on the thief's device, not the user's own.
            Assert.NotEqual(Deployment.SecretOf(upn), unwrapped);
            Assert.Equal(OfflineSecret.Derive(Deployment.SecretOf(upn), thief.DeviceId), unwrapped);

            var adfs = new OtpSignIn(Deployment.Config, Deployment.Store, Deployment.Protector, new RecordedEvents(), _api.Clock);
            var parameters = new TotpParameters(TotpAlgorithm.SHA1, 6, 30);
            var collisions = 0;
            for (var i = 1; i <= Steps; i++)
            {
                _api.Clock.Advance(TimeSpan.FromSeconds(30));
                var step = TotpVerifier.TimeStepAt(_api.Clock.UtcNow, 30);
                var forged = Code(unwrapped, step, parameters);
                // A six-digit code of another secret equals one of the user's codes near this step (the window, and the
                // steps a drift hint looks at) about once in 50,000 steps: such a step proves nothing and is left out (and counted).
                if (Enumerable.Range(-10, 21).Any(d => Code(Deployment.SecretOf(upn), step + d, parameters) == forged))
                {
                    collisions++;
                    continue;
                }
                var api = await thief.Verify(upn, forged);
                Assert.Equal("reject", api.Result);
                Assert.Equal(VerifyOutcome.WrongCode, adfs.Verify(upn, forged, null, "test").Outcome);
                // The user's own code of that step still works (and resets the failures, so no lockout hides a refusal).
                Assert.Equal("accept", (await thief.Verify(upn, Deployment.CodeAt(upn, _api.Clock.GetUtcNow()))).Result);
            }
            Assert.True(collisions <= 1, collisions + " steps where the offline code happened to equal a user's code");
        }

        [Fact]
        public async Task EachDeviceGetsAnOfflineSecretOfItsOwnAndKeepsIt()
        {
            var first = await _api.NewDevice("PC1");
            var second = await _api.NewDevice("PC2");
            var upn = Deployment.NewUser();
            var a = await Unwrapped(first, upn);
            _api.Clock.Advance(TimeSpan.FromSeconds(30));
            var b = await Unwrapped(second, upn);
            Assert.NotEqual(a, b);
            _api.Clock.Advance(TimeSpan.FromSeconds(30));
            Assert.Equal(a, await Unwrapped(first, upn));
        }

        private async Task<byte[]> Unwrapped(SignedClient device, string upn)
        {
            var answer = await device.Verify(upn, Deployment.CodeAt(upn, _api.Clock.GetUtcNow()), offline: true);
            Assert.Equal("accept", answer.Result);
            var package = answer.Json.GetProperty("offline").Deserialize<OfflinePackage>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            return OfflineSecretWrap.Unwrap(device.Key, package)!;
        }

        private static string Code(byte[] secret, long step, TotpParameters p) =>
            HotpCode.Compute(secret, step, p.Algorithm, p.Digits).ToString(new string('0', p.Digits), CultureInfo.InvariantCulture);
    }
}
