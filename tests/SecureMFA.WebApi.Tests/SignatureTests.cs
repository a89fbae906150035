using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using SecureMFA.Otp.Protocol;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>Sections 3 and 4: every refusal rule of a signed request, in memory.</summary>
    public sealed class SignatureTests : IDisposable
    {
        private readonly ApiFactory _api = new ApiFactory();

        public void Dispose() => _api.Dispose();

        private static void Refused(ApiAnswer answer, string error)
        {
            Assert.Equal(401, answer.Status);
            Assert.Equal(error, answer.Error);
            Assert.False(string.IsNullOrEmpty(answer.Json.GetProperty("message").GetString()));
            Assert.Null(answer.Signature);
        }

        [Theory]
        [InlineData(ApiHeaders.Device)]
        [InlineData(ApiHeaders.Timestamp)]
        [InlineData(ApiHeaders.Nonce)]
        [InlineData(ApiHeaders.Signature)]
        public async Task AMissingHeaderIsMissingSignature(string header)
        {
            var device = await _api.NewDevice();
            Refused(await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), tamper: r => r.Headers.Remove(header)), "missing_signature");
        }

        [Theory]
        [InlineData(ApiHeaders.Device, "dev ice")]
        [InlineData(ApiHeaders.Device, "0123456789012345678901234567890123456789012345678901234567890123456789")]
        [InlineData(ApiHeaders.Timestamp, "17645e5")]
        [InlineData(ApiHeaders.Timestamp, "-1764500000")]
        [InlineData(ApiHeaders.Timestamp, "")]
        [InlineData(ApiHeaders.Nonce, "EBESExQVFhcYGRobHB0e")]
        [InlineData(ApiHeaders.Nonce, "EBESExQVFhcYGRobHB0eHx8f")]
        [InlineData(ApiHeaders.Signature, "not base64!")]
        [InlineData(ApiHeaders.Signature, "AAECAwQFBgcICQoLDA0ODw==")]
        public async Task AMalformedHeaderIsMalformedHeader(string header, string value)
        {
            var device = await _api.NewDevice();
            Refused(await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), tamper: r =>
            {
                r.Headers.Remove(header);
                r.Headers.TryAddWithoutValidation(header, value);
            }), value.Length == 0 ? "missing_signature" : "malformed_header");
        }

        [Fact]
        public async Task AHeaderSentTwiceIsMalformed()
        {
            var device = await _api.NewDevice();
            Refused(await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), tamper: r => r.Headers.Add(ApiHeaders.Nonce, MessageSignature.NewNonce())), "malformed_header");
        }

        [Fact]
        public async Task UnknownAndRevokedDevicesAreRefused()
        {
            var device = await _api.NewDevice();
            var id = device.DeviceId;
            device.DeviceId = "0123456789abcdef0123456789abcdef";
            Refused(await device.Self(), "unknown_device");
            // Another spelling of a real id names no device (it would get its own nonce history).
            device.DeviceId = id.ToUpperInvariant();
            Refused(await device.Self(), "unknown_device");
            device.DeviceId = id;
            Assert.Equal(200, (await device.Self()).Status);
        }

        [Fact]
        public async Task ARevokedDeviceGetsA403DeviceRevokedSignedWithItsKeyBindingTheNonce()
        {
            var device = await _api.NewDevice();
            var upn = _api.Deployment.NewUser();
            Assert.True(_api.Deployment.Devices.Revoke(device.DeviceId, DateTime.UtcNow));
            foreach (var answer in new[] { await device.Self(), await device.Verify(upn, _api.Deployment.CodeAt(upn, _api.Clock.GetUtcNow())) })
            {
                Assert.Equal((403, "device_revoked"), (answer.Status, answer.Error));
                Assert.False(string.IsNullOrEmpty(answer.Json.GetProperty("message").GetString()));
                Assert.True(answer.IsSignedBy(device.Key), "unsigned " + answer.Text);
                // Bound to this request's nonce: the answer cannot be handed to another request.
                Assert.False(MessageSignature.VerifyResponse(device.Key, MessageSignature.NewNonce(), answer.Status, answer.Body, answer.Signature));
            }
            Assert.Equal(0, _api.Deployment.Store.Find(upn)!.LogonCount);
            // Only the device's own signature earns a signed answer: anyone else still gets the unsigned 401s.
            var other = await _api.NewDevice();
            Refused(await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), signedKey: other.Key), "bad_signature");
            Refused(await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), timestamp: _api.Clock.GetUtcNow().ToUnixTimeSeconds() - 301), "stale_timestamp");
        }

        [Fact]
        public async Task TheTimestampIsSignedExactlyAsSentLeadingZerosIncluded()
        {
            var device = await _api.NewDevice();
            var now = _api.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var answer = await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), timestampText: "00" + now);
            Assert.Equal(200, answer.Status);
            Assert.True(answer.IsSignedBy(device.Key));
            // Signed over another spelling than the one sent: refused.
            var nonce = MessageSignature.NewNonce();
            var respelled = await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), nonce: nonce, timestampText: "0" + now, tamper: r =>
            {
                r.Headers.Remove(ApiHeaders.Signature);
                r.Headers.Add(ApiHeaders.Signature, SignedClient.SignAsDocumented(device.Key, "GET", _api.BasePath + "/v1/devices/self", now, nonce, Array.Empty<byte>()));
            });
            Refused(respelled, "bad_signature");
        }

        [Theory]
        [InlineData(301)]
        [InlineData(-301)]
        public async Task ATimestampMoreThan300SecondsOffEitherWayIsStale(int offset)
        {
            var device = await _api.NewDevice();
            var now = _api.Clock.GetUtcNow().ToUnixTimeSeconds();
            var stale = await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), timestamp: now + offset);
            Refused(stale, "stale_timestamp");
            Assert.Equal(now, stale.Json.GetProperty("serverTime").GetInt64());
            var edge = await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), timestamp: now + Math.Sign(offset) * 300);
            Assert.Equal(200, edge.Status);
        }

        [Fact]
        public async Task AnotherKeysSignatureIsBadSignature()
        {
            var device = await _api.NewDevice();
            var other = await _api.NewDevice();
            Refused(await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), signedKey: other.Key), "bad_signature");
        }

        [Fact]
        public async Task ATamperedBodyIsBadSignature()
        {
            var device = await _api.NewDevice();
            var upn = _api.Deployment.NewUser();
            var signedFor = Encoding.UTF8.GetBytes($"{{\"upn\":\"{upn}\",\"code\":\"000000\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}}");
            var sent = Encoding.UTF8.GetBytes($"{{\"upn\":\"{upn}\",\"code\":\"111111\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}}");
            Refused(await device.Send(HttpMethod.Post, "/v1/otp/verify", sent, signedBody: signedFor), "bad_signature");
            Assert.Equal(0, _api.Deployment.Store.Find(upn)!.FailedLogonCount);
        }

        [Fact]
        public async Task ATamperedPathOrMethodIsBadSignature()
        {
            var device = await _api.NewDevice();
            var body = Encoding.UTF8.GetBytes("{\"upn\":\"a@b.c\",\"code\":\"1\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}");
            Refused(await device.Send(HttpMethod.Post, "/v1/otp/verify", body, signedPath: _api.BasePath + "/v1/devices/self"), "bad_signature");
            // The base path is part of what is signed.
            Refused(await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), signedPath: "/v1/devices/self"), "bad_signature");
            // The query string is not.
            var withQuery = await device.Send(HttpMethod.Get, "/v1/devices/self?x=1", Array.Empty<byte>(), signedPath: _api.BasePath + "/v1/devices/self");
            Assert.Equal(200, withQuery.Status);
        }

        [Fact]
        public async Task ANonceIsUsedOnceWithin600SecondsAndOnlyAfterTheSignatureVerified()
        {
            var device = await _api.NewDevice();
            var other = await _api.NewDevice();
            var nonce = MessageSignature.NewNonce();
            // Someone without the key cannot use up the device's nonce.
            Refused(await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), nonce: nonce, signedKey: other.Key), "bad_signature");
            Assert.Equal(200, (await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), nonce: nonce)).Status);
            Refused(await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), nonce: nonce), "replayed_nonce");
            // Nonces are per device.
            Assert.Equal(200, (await other.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), nonce: nonce)).Status);
            _api.Clock.Advance(TimeSpan.FromSeconds(599));
            Refused(await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), nonce: nonce), "replayed_nonce");
            _api.Clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal(200, (await device.Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), nonce: nonce)).Status);
        }

        [Fact]
        public async Task EveryResponseToAVerifiedRequestIsSignedWithItsNonceAndNoOtherIs()
        {
            var device = await _api.NewDevice();
            var self = await device.Self();
            Assert.True(self.IsSignedBy(device.Key));
            // The signature binds the request's nonce: it does not verify for another request.
            Assert.False(new ApiAnswer { Status = self.Status, Body = self.Body, Signature = self.Signature, Nonce = MessageSignature.NewNonce() }.IsSignedBy(device.Key));
            Assert.False(new ApiAnswer { Status = 201, Body = self.Body, Signature = self.Signature, Nonce = self.Nonce }.IsSignedBy(device.Key));

            foreach (var (body, error) in new[] { ("nope", "bad_request"), ("{\"upn\":\"\",\"code\":\"1\",\"scenario\":\"rdp\",\"machine\":\"PC1\"}", "invalid_upn"),
                         ("{\"upn\":\"a@b.c\",\"code\":\"1\",\"scenario\":\"ssh\",\"machine\":\"PC1\"}", "invalid_scenario") })
            {
                var answer = await device.VerifyRaw(body);
                Assert.Equal((400, error), (answer.Status, answer.Error));
                Assert.True(answer.IsSignedBy(device.Key), error);
            }
        }

        [Fact]
        public async Task TheLastSeenTimeIsWrittenAtMostOnceAnHour()
        {
            var device = await _api.NewDevice();
            Assert.Null(_api.Deployment.Devices.Find(device.DeviceId)!.LastSeen);
            await device.Self();
            var first = _api.Deployment.Devices.Find(device.DeviceId)!.LastSeen;
            Assert.NotNull(first);
            _api.Clock.Advance(TimeSpan.FromMinutes(59));
            await device.Self();
            Assert.Equal(first, _api.Deployment.Devices.Find(device.DeviceId)!.LastSeen);
            _api.Clock.Advance(TimeSpan.FromMinutes(2));
            await device.Self();
            Assert.True(_api.Deployment.Devices.Find(device.DeviceId)!.LastSeen > first);
        }
    }
}
