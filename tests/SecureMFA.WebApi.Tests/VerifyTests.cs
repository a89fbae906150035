using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SecureMFA.Core.Events;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Totp;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>Section 7: every result of a verification, its signature, and the offline package.</summary>
    public sealed class VerifyTests : IDisposable
    {
        private readonly ApiFactory _api = new ApiFactory();

        public void Dispose() => _api.Dispose();

        private ApiDeployment Deployment => _api.Deployment;

        private static ApiAnswer Signed(ApiAnswer answer, SignedClient device, string result)
        {
            Assert.Equal(200, answer.Status);
            Assert.True(answer.IsSignedBy(device.Key), "unsigned " + answer.Text);
            Assert.Equal(result, answer.Result);
            return answer;
        }

        /// <summary>The machine name comes from the request body: no separator or bidi character in it reaches an event as itself.</summary>
        [Theory]
        [InlineData("PC1\u2028forged", "PC1\\u2028forged")]
        [InlineData("PC1\u2029forged", "PC1\\u2029forged")]
        [InlineData("PC1\u0085forged", "PC1\\u0085forged")]
        [InlineData("PC1\r\n5556 Information OTP ok for admin", "PC1\\u000d\\u000a5556")]
        [InlineData("PC1\u202Egnp.exe", "PC1\\u202egnp.exe")]
        public async Task AForgedMachineNameCannotStartASecondEventLine(string machine, string escaped)
        {
            var device = await _api.NewDevice();
            var upn = Deployment.NewUser();
            var body = JsonSerializer.SerializeToUtf8Bytes(new { upn, code = "000000", scenario = "rdp", machine });
            await device.Send(System.Net.Http.HttpMethod.Post, "/v1/otp/verify", body);
            var messages = _api.Events.Events.Select(e => e.Message).ToList();
            Assert.Contains(messages, m => m.Contains(escaped));
            Assert.All(messages, m => Assert.DoesNotContain(m, c => char.IsControl(c) || c == '\u2028' || c == '\u2029'
                || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format));
        }

        [Fact]
        public async Task TheFirstAcceptedCodeConfirmsANewUserAndTheSameCodeIsThenAReplay()
        {
            var device = await _api.NewDevice();
            var upn = Deployment.NewUser();
            Assert.False(Deployment.Store.Find(upn)!.Enrolled);
            var code = Deployment.CodeAt(upn, _api.Clock.GetUtcNow());
            var accept = Signed(await device.Verify(upn.ToUpperInvariant(), code), device, "accept");
            Assert.Equal(JsonValueKind.Null, accept.Json.GetProperty("lockedUntil").ValueKind);
            Assert.Equal(JsonValueKind.Null, accept.Json.GetProperty("attemptsLeft").ValueKind);
            Assert.Equal(JsonValueKind.Null, accept.Json.GetProperty("offline").ValueKind);
            Assert.Equal(_api.Clock.GetUtcNow().ToUnixTimeSeconds(), accept.Json.GetProperty("serverTime").GetInt64());
            var user = Deployment.Store.Find(upn)!;
            Assert.True(user.Enrolled);
            Assert.Contains("SecureMFA WIN OTP", user.UserAgent);
            Assert.Contains(_api.Events.Messages(OtpEventId.OtpOk), m => m.Contains(upn) && m.Contains("logon on PC1") && m.Contains(device.DeviceId));

            var replay = Signed(await device.Verify(upn, " " + code.Substring(0, 3) + " " + code.Substring(3)), device, "replay");
            Assert.Equal(4, replay.Json.GetProperty("attemptsLeft").GetInt32());
            Assert.DoesNotContain(code, _api.Events.Text);
        }

        [Fact]
        public async Task AWrongCodeCountsAndSaysHowManyAttemptsAreLeftUntilTheLock()
        {
            var device = await _api.NewDevice();
            var upn = Deployment.NewUser();
            var wrong = Deployment.CodeAt(upn, _api.Clock.GetUtcNow().AddHours(-3)) == "000000" ? "000001" : "000000";
            for (var left = 4; left >= 1; left--)
            {
                var reject = Signed(await device.Verify(upn, wrong), device, "reject");
                Assert.Equal(left, reject.Json.GetProperty("attemptsLeft").GetInt32());
                Assert.False(reject.Json.TryGetProperty("reason", out _));
            }
            var locked = Signed(await device.Verify(upn, wrong), device, "locked");
            var until = DateTime.Parse(locked.Json.GetProperty("lockedUntil").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
            Assert.Equal(_api.Clock.UtcNow.AddMinutes(5), until, TimeSpan.FromSeconds(1));
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", locked.Json.GetProperty("lockedUntil").GetString());
            // Locked: even the right code is refused until then.
            Signed(await device.Verify(upn, Deployment.CodeAt(upn, _api.Clock.GetUtcNow())), device, "locked");
            _api.Clock.Advance(TimeSpan.FromMinutes(6));
            Signed(await device.Verify(upn, Deployment.CodeAt(upn, _api.Clock.GetUtcNow())), device, "accept");
        }

        [Fact]
        public async Task ACodeFromMinutesAgoIsClockDriftAFutureOneIsAPlainWrongCodeAndAMalformedOneDoesNotCount()
        {
            var device = await _api.NewDevice();
            var upn = Deployment.NewUser();
            var behind = Signed(await device.Verify(upn, Deployment.CodeAt(upn, _api.Clock.GetUtcNow().AddMinutes(-3))), device, "reject");
            Assert.Equal("clock_drift", behind.Json.GetProperty("reason").GetString());
            Assert.InRange(behind.Json.GetProperty("driftSeconds").GetInt32(), -210, -150);
            Assert.Equal(4, behind.Json.GetProperty("attemptsLeft").GetInt32());

            // A code of a step to come must not be confirmed: it would become valid when that step comes (an oracle for guesses).
            foreach (var minutes in new[] { 2, 3, 5 })
            {
                var ahead = Signed(await device.Verify(upn, Deployment.CodeAt(upn, _api.Clock.GetUtcNow().AddMinutes(minutes))), device, "reject");
                Assert.False(ahead.Json.TryGetProperty("reason", out _), ahead.Text);
                Assert.False(ahead.Json.TryGetProperty("driftSeconds", out _), ahead.Text);
            }
            Assert.Equal(4, Deployment.Store.Find(upn)!.FailedLogonCount);

            foreach (var code in new[] { "12345", "1234567", "abcdef" })
            {
                var malformed = Signed(await device.Verify(upn, code), device, "reject");
                Assert.Equal("malformed", malformed.Json.GetProperty("reason").GetString());
            }
            // No code at all from a user who never confirmed one: not enrolled yet (RolloutTests), and not counted either.
            Assert.Equal("not_confirmed", Signed(await device.Verify(upn, ""), device, "not_enrolled").Json.GetProperty("reason").GetString());
            Assert.Equal(4, Deployment.Store.Find(upn)!.FailedLogonCount);
        }

        [Fact]
        public async Task ACapturedWrongCodeRequestCountsOnceAcrossARestartOfTheApi()
        {
            var deployment = new ApiDeployment();
            var upn = deployment.NewUser();
            var now = DateTimeOffset.UtcNow;
            var wrong = deployment.CodeAt(upn, now.AddHours(-3)) == "000000" ? "000001" : "000000";
            var body = System.Text.Encoding.UTF8.GetBytes($"{{\"upn\":\"{upn}\",\"code\":\"{wrong}\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}}");
            var nonce = MessageSignature.NewNonce();
            var timestamp = now.ToUnixTimeSeconds();
            SignedClient device;
            using (var first = new ApiFactory(deployment))
            {
                first.Clock.UtcNow = now.UtcDateTime;
                device = await first.NewDevice();
                var counted = await device.Send(System.Net.Http.HttpMethod.Post, "/v1/otp/verify", body, nonce: nonce, timestamp: timestamp);
                Assert.Equal("reject", counted.Result);
                Assert.Equal(4, counted.Json.GetProperty("attemptsLeft").GetInt32());
            }
            Assert.Equal(1, deployment.Store.Find(upn)!.FailedLogonCount);

            // A new API process (or another server) on the same store, 100 s later: its nonce memory is empty.
            using var second = new ApiFactory(deployment);
            second.Clock.UtcNow = now.AddSeconds(100).UtcDateTime;
            var again = new SignedClient(second.Http(), second.BasePath, device.DeviceId, device.Key, () => second.Clock.GetUtcNow());
            var replayed = await again.Send(System.Net.Http.HttpMethod.Post, "/v1/otp/verify", body, nonce: nonce, timestamp: timestamp);
            Assert.Equal(200, replayed.Status);
            Assert.True(replayed.IsSignedBy(device.Key));
            Assert.Equal("reject", replayed.Result);
            Assert.Equal(1, deployment.Store.Find(upn)!.FailedLogonCount);

            // A new request with the same code is a new attempt and counts.
            var fresh = await again.Verify(upn, wrong, scenario: "rdp");
            Assert.Equal("reject", fresh.Result);
            Assert.Equal(2, deployment.Store.Find(upn)!.FailedLogonCount);
        }

        [Fact]
        public async Task DisabledAndUnknownUsersAreSaidSo()
        {
            var device = await _api.NewDevice();
            var disabled = Deployment.NewUser(disabled: true);
            Signed(await device.Verify(disabled, Deployment.CodeAt(disabled, _api.Clock.GetUtcNow())), device, "disabled");
            Signed(await device.Verify("nobody@adatum.labnet", "123456"), device, "not_enrolled");
            Assert.Contains(_api.Events.Messages(OtpEventId.OtpFailed), m => m.Contains("nobody@adatum.labnet") && m.Contains("not enrolled"));
        }

        [Theory]
        [InlineData("{\"upn\":\"\",\"code\":\"123456\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}", "invalid_upn")]
        [InlineData("{\"upn\":\"alice\",\"code\":\"123456\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}", "invalid_upn")]
        [InlineData("{\"upn\":\"al ice@adatum.labnet\",\"code\":\"123456\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}", "invalid_upn")]
        [InlineData("{\"upn\":\"alice@adatum.labnet\\u200b\",\"code\":\"123456\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}", "invalid_upn")]
        [InlineData("{\"upn\":\"a\\u0301lice@adatum.labnet\",\"code\":\"123456\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}", "invalid_upn")]
        [InlineData("{\"upn\":\"alice@adatum@labnet\",\"code\":\"123456\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}", "invalid_upn")]
        // Compatibility characters (a full-width letter, the Kelvin sign) are NFC but have a plainer spelling: refused, never folded.
        [InlineData("{\"upn\":\"\\uff41lice@adatum.labnet\",\"code\":\"123456\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}", "invalid_upn")]
        [InlineData("{\"upn\":\"\\u212aim@adatum.labnet\",\"code\":\"123456\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}", "invalid_upn")]
        [InlineData("{\"upn\":\" alice@adatum.labnet\",\"code\":\"123456\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}", "invalid_upn")]
        [InlineData("{\"upn\":\"alice@adatum.labnet\",\"code\":\"123456\",\"scenario\":\"RDP\",\"machine\":\"PC1\"}", "invalid_scenario")]
        [InlineData("{\"upn\":\"alice@adatum.labnet\",\"code\":123456,\"scenario\":\"rdp\",\"machine\":\"PC1\"}", "bad_request")]
        [InlineData("{\"upn\":\"alice@adatum.labnet\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}", "bad_request")]
        [InlineData("{\"upn\":\"alice@adatum.labnet\",\"code\":\"123456\",\"scenario\":\"rdp\"}", "bad_request")]
        [InlineData("{\"upn\":\"alice@adatum.labnet\",\"code\":\"123456\",\"scenario\":\"rdp\",\"machine\":\"PC1\",\"offline\":\"yes\"}", "bad_request")]
        [InlineData("{\"upn\":\"alice@adatum.labnet\",\"code\":\"123456\",\"scenario\":\"rdp\",\"machine\":\"PC1\",\"offlineDays\":-1}", "bad_request")]
        [InlineData("[1,2]", "bad_request")]
        public async Task RequestsNotOfTheDocumentedShapeAre400AndSigned(string body, string error)
        {
            var device = await _api.NewDevice();
            var answer = await device.VerifyRaw(body);
            Assert.Equal((400, error), (answer.Status, answer.Error));
            Assert.True(answer.IsSignedBy(device.Key));
        }

        [Fact]
        public async Task UnknownPropertiesAreIgnored()
        {
            var device = await _api.NewDevice();
            var upn = Deployment.NewUser();
            var answer = await device.VerifyRaw($"{{\"upn\":\"{upn}\",\"code\":\"{Deployment.CodeAt(upn, _api.Clock.GetUtcNow())}\",\"scenario\":\"unlock\",\"machine\":\"PC1\",\"future\":{{\"x\":1}}}}");
            Signed(answer, device, "accept");
        }

        [Fact]
        public async Task TooManyVerificationsForOneUpnAreLimitedWhateverTheDeviceAndSpelling()
        {
            var first = await _api.NewDevice();
            var second = await _api.NewDevice();
            var upn = Deployment.NewUser();
            for (var i = 0; i < 10; i++)
            {
                var device = i % 2 == 0 ? first : second;
                Signed(await device.Verify(i % 3 == 0 ? upn.ToUpperInvariant() : upn, "12345"), device, "reject");
            }
            var limited = await first.Verify(upn, "12345");
            Assert.Equal((429, "rate_limited"), (limited.Status, limited.Error));
            Assert.True(limited.IsSignedBy(first.Key));
            Assert.NotNull(limited.RetryAfter);
            // Another user is not affected.
            var other = Deployment.NewUser();
            Signed(await first.Verify(other, Deployment.CodeAt(other, _api.Clock.GetUtcNow())), first, "accept");
        }

        [Fact]
        public async Task TheOfflinePackageUnwrapsWithThisDevicesKeyOnlyAndCarriesThePolicy()
        {
            var device = await _api.NewDevice();
            var thief = await _api.NewDevice();
            var upn = Deployment.NewUser("Carol@Adatum.Labnet", new TotpParameters(TotpAlgorithm.SHA256, 8, 30));
            var now = _api.Clock.GetUtcNow();
            var answer = Signed(await device.Verify(upn, Deployment.CodeAt(upn, now), offline: true, offlineDays: 7), device, "accept");
            var package = answer.Json.GetProperty("offline").Deserialize<OfflinePackage>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            Assert.Equal(3, package.V);
            Assert.Equal("carol@adatum.labnet", package.Upn);
            Assert.Equal(Deployment.Config.Company, package.Issuer);
            Assert.Equal(("SHA256", 8, 30), (package.Alg, package.Digits, package.Period));
            Assert.Equal(answer.Json.GetProperty("serverTime").GetInt64() + 7 * 86400, package.ValidUntil);
            Assert.Equal((5, 5), (package.MaxFailures, package.LockoutMinutes));
            Assert.Equal(TotpVerifier.TimeStepAt(now.UtcDateTime, 30), package.LastStep);
            Assert.Equal(OfflineSecret.Derive(Deployment.SecretOf(upn), device.DeviceId), OfflineSecretWrap.Unwrap(device.Key, package));
            Assert.Null(OfflineSecretWrap.Unwrap(thief.Key, package));
            package.ValidUntil += 86400;
            Assert.Null(OfflineSecretWrap.Unwrap(device.Key, package));
            Assert.DoesNotContain(Convert.ToBase64String(Deployment.SecretOf(upn)), _api.Events.Text);
        }

        [Fact]
        public async Task TheOfflinePackageIsCappedAtTheServersMaximum()
        {
            var device = await _api.NewDevice();
            var upn = Deployment.NewUser();
            var answer = Signed(await device.Verify(upn, Deployment.CodeAt(upn, _api.Clock.GetUtcNow()), offline: true, offlineDays: 400), device, "accept");
            var offline = answer.Json.GetProperty("offline");
            Assert.Equal(answer.Json.GetProperty("serverTime").GetInt64() + 30 * 86400, offline.GetProperty("validUntil").GetInt64());

            var defaulted = Deployment.NewUser();
            var noDays = Signed(await device.Verify(defaulted, Deployment.CodeAt(defaulted, _api.Clock.GetUtcNow()), offline: true), device, "accept");
            Assert.Equal(noDays.Json.GetProperty("serverTime").GetInt64() + 30 * 86400, noDays.Json.GetProperty("offline").GetProperty("validUntil").GetInt64());
        }

        [Fact]
        public async Task NoOfflinePackageUnlessAskedAndAccepted()
        {
            var device = await _api.NewDevice();
            var upn = Deployment.NewUser();
            var code = Deployment.CodeAt(upn, _api.Clock.GetUtcNow());
            Assert.Equal(JsonValueKind.Null, Signed(await device.Verify(upn, "000000" == code ? "111111" : "000000", offline: true), device, "reject").Json.GetProperty("offline").ValueKind);
            Assert.Equal(JsonValueKind.Null, Signed(await device.Verify(upn, code, offline: false), device, "accept").Json.GetProperty("offline").ValueKind);
            Assert.Equal(JsonValueKind.Null, Signed(await device.Verify(upn, code, offline: true), device, "replay").Json.GetProperty("offline").ValueKind);
        }

        [Fact]
        public async Task NoOfflinePackageWhenTheServerAllowsNone()
        {
            using var api = new ApiFactory(new ApiDeployment(new Dictionary<string, string> { ["api_offline_max_days"] = "0" }));
            var device = await api.NewDevice();
            var upn = api.Deployment.NewUser();
            var answer = await device.Verify(upn, api.Deployment.CodeAt(upn, api.Clock.GetUtcNow()), offline: true, offlineDays: 5);
            Assert.Equal("accept", answer.Result);
            Assert.Equal(JsonValueKind.Null, answer.Json.GetProperty("offline").ValueKind);
        }

        [Fact]
        public async Task WithoutLockoutThePackageSaysNoneAndRejectsSayNothingOfAttempts()
        {
            using var api = new ApiFactory(new ApiDeployment(new Dictionary<string, string> { ["ui_login_failures"] = "0" }));
            var device = await api.NewDevice();
            var upn = api.Deployment.NewUser();
            var reject = await device.Verify(upn, "000000" == api.Deployment.CodeAt(upn, api.Clock.GetUtcNow()) ? "111111" : "000000");
            Assert.Equal(JsonValueKind.Null, reject.Json.GetProperty("attemptsLeft").ValueKind);
            var answer = await device.Verify(upn, api.Deployment.CodeAt(upn, api.Clock.GetUtcNow()), offline: true);
            var offline = answer.Json.GetProperty("offline");
            Assert.Equal((0, 0), (offline.GetProperty("maxFailures").GetInt32(), offline.GetProperty("lockoutMinutes").GetInt32()));
        }

        [Fact]
        public async Task AnUnreadableSecretIsA500InternalSignedWithTheDetailsOnlyInTheEventLog()
        {
            var device = await _api.NewDevice();
            var upn = Deployment.NewUser();
            var stored = Deployment.Store.Find(upn)!.ProtectedSecret;
            // Planted: another user's ciphertext, which the per-user binding refuses.
            var other = Deployment.NewUser();
            Assert.True(Deployment.Store.ReplaceSecret(upn, stored, Deployment.Store.Find(other)!.ProtectedSecret));
            var answer = await device.Verify(upn, "123456");
            Assert.Equal((500, "internal"), (answer.Status, answer.Error));
            Assert.True(answer.IsSignedBy(device.Key));
            Assert.DoesNotContain(upn, answer.Text);
            Assert.Contains(_api.Events.Messages(OtpEventId.ProviderFailed), m => m.Contains("SecretUnreadableException") && m.Contains(upn));
        }
    }
}
