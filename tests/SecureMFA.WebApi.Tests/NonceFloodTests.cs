using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Otp.Protocol;
using SecureMFA.WebApi.Signing;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>Devices that flood the API with signed requests cannot use up the nonce memory of the others.</summary>
    public sealed class NonceFloodTests : IDisposable
    {
        private const int Total = 60;
        private readonly ApiFactory _api = new ApiFactory(aspNetSettings: new Dictionary<string, string>
        {
            ["Limits:NoncesTotal"] = Total.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Limits:NoncesPerDevice"] = "1000",
            ["Limits:DeviceBurst"] = "10",
            ["Limits:DevicePerSecond"] = "1",
        });

        public void Dispose() => _api.Dispose();

        [Fact]
        public async Task ManyDevicesFloodingLeaveAQuietDeviceItsSignedAnswers()
        {
            var quiet = await _api.NewDevice("QUIET");
            var flooders = new List<SignedClient>();
            for (var i = 0; i < 8; i++) flooders.Add(await _api.NewDevice("FLOOD" + i));
            var nonces = _api.Services.GetRequiredService<NonceCache>();
            var firstNonce = MessageSignature.NewNonce();
            var first = await flooders[0].Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), nonce: firstNonce);
            Assert.Equal(200, first.Status);

            var answers = await Task.WhenAll(flooders.SelectMany(d => Enumerable.Range(0, 25).Select(_ => d.Self())));
            Assert.Contains(answers, a => a.Status == 429);
            Assert.InRange(nonces.Count, 1, Total);

            for (var i = 0; i < 3; i++)
            {
                var answer = await quiet.Self();
                Assert.Equal(200, answer.Status);
                Assert.True(answer.IsSignedBy(quiet.Key));
            }
            Assert.InRange(nonces.Count, 1, Total);
            // Whatever was forgotten to make room, a flooder's earlier request still cannot be replayed.
            var replayed = await flooders[0].Send(HttpMethod.Get, "/v1/devices/self", Array.Empty<byte>(), nonce: firstNonce);
            Assert.NotEqual(200, replayed.Status);
            Assert.Null(replayed.Signature);
        }
    }
}
