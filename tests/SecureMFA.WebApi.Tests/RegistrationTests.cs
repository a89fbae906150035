using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SecureMFA.Core.Stores;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>Section 5: registration with the bootstrap value.</summary>
    public sealed class RegistrationTests : IDisposable
    {
        private readonly ApiFactory _api = new ApiFactory(aspNetSettings: new Dictionary<string, string> { ["Limits:BootstrapFailures"] = "3" });

        public void Dispose() => _api.Dispose();

        [Fact]
        public async Task TheRightBootstrapGivesADeviceWhoseKeyIsStoredEncryptedAndNeverLogged()
        {
            var answer = await SignedClient.Register(_api.Http(), _api.BasePath, ApiDeployment.Bootstrap, "{\"machine\":\"PC1\",\"machineSid\":\"S-1-5-21-1004336348-1177238915-682003330\"}");
            Assert.Equal(200, answer.Status);
            Assert.Null(answer.Signature);
            var id = answer.Json.GetProperty("deviceId").GetString()!;
            var key = answer.Json.GetProperty("deviceKey").GetString()!;
            Assert.Matches("^[A-Za-z0-9_-]{1,64}$", id);
            Assert.Equal(32, Convert.FromBase64String(key).Length);
            Assert.InRange(answer.Json.GetProperty("serverTime").GetInt64(), _api.Clock.GetUtcNow().ToUnixTimeSeconds() - 1, _api.Clock.GetUtcNow().ToUnixTimeSeconds() + 1);

            var stored = _api.Deployment.Devices.Find(id)!;
            Assert.Equal("PC1", stored.Machine);
            Assert.Equal("S-1-5-21-1004336348-1177238915-682003330", stored.MachineSid);
            Assert.StartsWith("v2:", stored.ProtectedKey);
            Assert.DoesNotContain(key, stored.ProtectedKey);
            Assert.Equal(Convert.FromBase64String(key), _api.Deployment.Protector.Unprotect(Device.KeyBinding(id), stored.ProtectedKey));
            Assert.Contains(_api.Events.Messages(Core.Events.OtpEventId.ProviderOk), m => m.Contains($"Device {id} registered for computer PC1"));
            Assert.DoesNotContain(key, _api.Events.Text);
            Assert.DoesNotContain(ApiDeployment.Bootstrap, _api.Events.Text);

            // The key works: the device can sign.
            var device = new SignedClient(_api.Http(), _api.BasePath, id, Convert.FromBase64String(key), () => _api.Clock.GetUtcNow());
            var self = await device.Self();
            Assert.Equal(200, self.Status);
            Assert.Equal(id, self.Json.GetProperty("deviceId").GetString());
            Assert.Equal("PC1", self.Json.GetProperty("machine").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", self.Json.GetProperty("registered").GetString());
        }

        [Fact]
        public async Task AWrongBootstrapIs401AndWrongOnesFromOneAddressAreLimited()
        {
            var http = _api.Http();
            var missing = await SignedClient.Register(http, _api.BasePath, null, "{\"machine\":\"PC1\"}");
            Assert.Equal((401, "bad_bootstrap"), (missing.Status, missing.Error));
            for (var i = 0; i < 3; i++)
            {
                var wrong = await SignedClient.Register(http, _api.BasePath, ApiDeployment.Bootstrap + "x", "{\"machine\":\"PC1\"}");
                Assert.Equal((401, "bad_bootstrap"), (wrong.Status, wrong.Error));
                Assert.Null(wrong.Signature);
            }
            // The limit counts wrong values only (the missing header above did not count): now a wrong one waits...
            var limited = await SignedClient.Register(http, _api.BasePath, ApiDeployment.Bootstrap + "y", "{\"machine\":\"PC1\"}");
            Assert.Equal((429, "rate_limited"), (limited.Status, limited.Error));
            Assert.NotNull(limited.RetryAfter);
            Assert.True(int.Parse(limited.RetryAfter!) > 0);
            Assert.Empty(_api.Deployment.Devices.List());
            // ...but the right one, from the same address, is never refused for someone else's typos.
            var right = await SignedClient.Register(http, _api.BasePath, ApiDeployment.Bootstrap, "{\"machine\":\"PC1\"}");
            Assert.Equal(200, right.Status);
            Assert.Single(_api.Deployment.Devices.List());
            Assert.DoesNotContain(ApiDeployment.Bootstrap, _api.Events.Text);
        }

        [Theory]
        [InlineData("api_register_per_address_per_hour", "api_register_per_hour")]
        [InlineData("api_register_per_hour", "api_register_per_address_per_hour")]
        public async Task RegistrationsWithTheRightValueHaveABudgetPerAddressAndOverall(string tight, string loose)
        {
            using var api = new ApiFactory(new ApiDeployment(new Dictionary<string, string> { [tight] = "3", [loose] = "1000" }));
            var http = api.Http();
            for (var i = 0; i < 3; i++)
                Assert.Equal(200, (await SignedClient.Register(http, api.BasePath, ApiDeployment.Bootstrap, "{\"machine\":\"PC1\"}")).Status);
            var over = await SignedClient.Register(http, api.BasePath, ApiDeployment.Bootstrap, "{\"machine\":\"PC1\"}");
            Assert.Equal((429, "rate_limited"), (over.Status, over.Error));
            Assert.InRange(int.Parse(over.RetryAfter!), 1, 3600);
            Assert.Equal(3, api.Deployment.Devices.List().Count);
            // A wrong value is still told it is wrong (the budget is spent by right values only, and says nothing about the value).
            var wrong = await SignedClient.Register(http, api.BasePath, ApiDeployment.Bootstrap + "x", "{\"machine\":\"PC1\"}");
            Assert.Equal((401, "bad_bootstrap"), (wrong.Status, wrong.Error));
        }

        [Fact]
        public async Task OneAddressSpendingItsBudgetOrTypingWrongValuesLeavesOtherAddressesAndItsOwnRightValueAlone()
        {
            using var api = new ApiFactory(new ApiDeployment(new Dictionary<string, string> { ["api_register_per_address_per_hour"] = "2" }),
                new Dictionary<string, string> { ["Limits:BootstrapFailures"] = "2" });
            var http = api.Http();
            async Task<ApiAnswer> From(string address, string bootstrap)
            {
                using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, api.BasePath + "/v1/devices/register")
                {
                    Content = new System.Net.Http.StringContent("{\"machine\":\"PC1\"}", System.Text.Encoding.UTF8, "application/json"),
                };
                request.Headers.Add(ApiFactory.AddressHeader, address);
                request.Headers.Add(Otp.Protocol.ApiHeaders.Bootstrap, bootstrap);
                return await SignedClient.Send(http, request, null);
            }
            Assert.Equal(200, (await From("192.0.2.1", ApiDeployment.Bootstrap)).Status);
            Assert.Equal(200, (await From("192.0.2.1", ApiDeployment.Bootstrap)).Status);
            Assert.Equal(429, (await From("192.0.2.1", ApiDeployment.Bootstrap)).Status);
            Assert.Equal(200, (await From("192.0.2.2", ApiDeployment.Bootstrap)).Status);
            // Wrong values from a third address: it is limited for wrong values, never for the right one.
            for (var i = 0; i < 2; i++) Assert.Equal(401, (await From("192.0.2.3", "wrong-wrong-wrong-wrong")).Status);
            Assert.Equal(429, (await From("192.0.2.3", "wrong-wrong-wrong-wrong")).Status);
            Assert.Equal(200, (await From("192.0.2.3", ApiDeployment.Bootstrap)).Status);
            Assert.Equal(401, (await From("192.0.2.4", "wrong-wrong-wrong-wrong")).Status);
            Assert.Equal(4, api.Deployment.Devices.List().Count);
        }

        [Fact]
        public async Task WithoutABootstrapValueRegistrationIsClosed()
        {
            using var closed = new ApiFactory(new ApiDeployment(new Dictionary<string, string> { ["api_headers_value"] = "" }));
            var answer = await SignedClient.Register(closed.Http(), closed.BasePath, "", "{\"machine\":\"PC1\"}");
            Assert.Equal((403, "registration_closed"), (answer.Status, answer.Error));
        }

        [Theory]
        [InlineData("not json")]
        [InlineData("{}")]
        [InlineData("{\"machine\":\"\"}")]
        [InlineData("{\"machine\":42}")]
        [InlineData("{\"Machine\":\"PC1\"}")]
        [InlineData("{\"machine\":\"PC1\",\"machine\":\"PC2\"}")]
        [InlineData("{\"machine\":\"PC\\n1\"}")]
        public async Task ABodyNotOfTheDocumentedShapeIs400(string body)
        {
            var answer = await SignedClient.Register(_api.Http(), _api.BasePath, ApiDeployment.Bootstrap, body);
            Assert.Equal((400, "bad_request"), (answer.Status, answer.Error));
            Assert.Empty(_api.Deployment.Devices.List());
        }

        [Fact]
        public async Task AMachineNameOver256CharactersIsRefused()
        {
            var answer = await SignedClient.Register(_api.Http(), _api.BasePath, ApiDeployment.Bootstrap, $"{{\"machine\":\"{new string('a', 257)}\"}}");
            Assert.Equal((400, "bad_request"), (answer.Status, answer.Error));
            var ok = await SignedClient.Register(_api.Http(), _api.BasePath, ApiDeployment.Bootstrap, $"{{\"machine\":\"{new string('a', 256)}\"}}");
            Assert.Equal(200, ok.Status);
            Assert.Equal(new string('a', 256), Assert.Single(_api.Deployment.Devices.List()).Machine);
        }
    }
}
