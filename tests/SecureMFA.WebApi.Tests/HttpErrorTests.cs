using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>Sections 8 and 9: health, and the JSON error bodies the framework would otherwise leave empty.</summary>
    public sealed class HttpErrorTests : IDisposable
    {
        private readonly ApiFactory _api = new ApiFactory(aspNetSettings: new Dictionary<string, string> { ["Limits:DeviceBurst"] = "3", ["Limits:DevicePerSecond"] = "1" });

        public void Dispose() => _api.Dispose();

        private static void JsonError(ApiAnswer answer, int status, string error)
        {
            Assert.Equal((status, error), (answer.Status, answer.Error));
            Assert.False(string.IsNullOrEmpty(answer.Json.GetProperty("message").GetString()));
        }

        [Fact]
        public async Task HealthSaysOkWithTheStoreAndNoSecret()
        {
            using var response = await _api.Http().GetAsync(_api.BasePath + "/v1/health");
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            var json = System.Text.Json.JsonDocument.Parse(text).RootElement;
            Assert.Equal("ok", json.GetProperty("status").GetString());
            Assert.Equal("SQLITE", json.GetProperty("store").GetString());
            Assert.Equal(3, json.GetProperty("schemaVersion").GetInt32());
            Assert.Matches(@"^\d+\.\d+\.\d+", json.GetProperty("version").GetString());
            Assert.Equal(_api.Clock.GetUtcNow().ToUnixTimeSeconds(), json.GetProperty("serverTime").GetInt64());
            Assert.False(response.Headers.Contains("X-SMFA-Signature"));
            Assert.DoesNotContain(ApiDeployment.Passphrase, text);
            Assert.DoesNotContain(_api.Deployment.Folder, text);
        }

        [Theory]
        [InlineData("GET", "/v1/nothing")]
        [InlineData("GET", "/v2/health")]
        [InlineData("GET", "/")]
        public async Task UnknownPathsAre404Json(string method, string path)
        {
            var answer = await SignedClient.Send(_api.Http(), new HttpRequestMessage(new HttpMethod(method), (path == "/" ? "" : _api.BasePath) + path), null);
            JsonError(answer, 404, "not_found");
            Assert.Null(answer.Signature);
        }

        [Fact]
        public async Task TheApiAnswersOnlyUnderItsBasePath()
        {
            JsonError(await SignedClient.Send(_api.Http(), new HttpRequestMessage(HttpMethod.Get, "/v1/health"), null), 404, "not_found");
        }

        [Theory]
        [InlineData("POST", "/v1/health")]
        [InlineData("GET", "/v1/devices/register")]
        [InlineData("DELETE", "/v1/devices/self")]
        [InlineData("GET", "/v1/otp/verify")]
        public async Task WrongMethodsAre405Json(string method, string path)
        {
            var answer = await SignedClient.Send(_api.Http(), new HttpRequestMessage(new HttpMethod(method), _api.BasePath + path), null);
            JsonError(answer, 405, "method_not_allowed");
            Assert.Null(answer.Signature);
        }

        [Fact]
        public async Task BodiesOver8192BytesAre413JsonAndUnsigned()
        {
            var device = await _api.NewDevice();
            var padding = new string('x', 8192);
            var verify = await device.Send(HttpMethod.Post, "/v1/otp/verify", Encoding.UTF8.GetBytes($"{{\"upn\":\"a@b.c\",\"pad\":\"{padding}\"}}"));
            JsonError(verify, 413, "too_large");
            Assert.Null(verify.Signature);
            JsonError(await SignedClient.Register(_api.Http(), _api.BasePath, ApiDeployment.Bootstrap, $"{{\"machine\":\"{padding}\"}}"), 413, "too_large");
            // Exactly 8192 is allowed.
            var body = "{\"upn\":\"a@b.c\",\"code\":\"1\",\"scenario\":\"rdp\",\"machine\":\"PC1\",\"pad\":\"\"}";
            body = body.Replace("\"pad\":\"\"", "\"pad\":\"" + new string('y', 8192 - body.Length) + "\"");
            Assert.Equal(8192, Encoding.UTF8.GetByteCount(body));
            Assert.Equal("not_enrolled", (await device.VerifyRaw(body)).Result);
        }

        [Fact]
        public async Task ADeviceOverItsRateIs429SignedWithRetryAfter()
        {
            var device = await _api.NewDevice();
            var statuses = new List<ApiAnswer>();
            for (var i = 0; i < 6; i++) statuses.Add(await device.Self());
            var limited = statuses.Where(a => a.Status == 429).ToList();
            Assert.NotEmpty(limited);
            Assert.All(limited, a =>
            {
                Assert.Equal("rate_limited", a.Error);
                Assert.True(a.IsSignedBy(device.Key));
                Assert.NotNull(a.RetryAfter);
            });
            // Another device has its own share.
            Assert.Equal(200, (await (await _api.NewDevice()).Self()).Status);
        }

        [Fact]
        public async Task AStoreThatCannotBeReachedIs503Json()
        {
            // A SQL Server nobody listens on: the API starts (the store may come up later) and says so.
            using var api = new ApiFactory(new ApiDeployment(new Dictionary<string, string>
            {
                ["auth_mode"] = "MSSQL", ["sqlserver"] = "127.0.0.1,1", ["sqlintegratedsecurity"] = "false",
                ["sqluseraccount"] = "sa", ["sqluserpassword"] = "Not-A-Real-Password-1",
            }));
            var health = await SignedClient.Send(api.Http(), new HttpRequestMessage(HttpMethod.Get, api.BasePath + "/v1/health"), null);
            Assert.Equal(503, health.Status);
            Assert.Equal(("unavailable", "store_unavailable"), (health.Json.GetProperty("status").GetString(), health.Error));
            Assert.DoesNotContain("Not-A-Real-Password-1", health.Text);
            var register = await SignedClient.Register(api.Http(), api.BasePath, ApiDeployment.Bootstrap, "{\"machine\":\"PC1\"}");
            JsonError(register, 503, "store_unavailable");
            Assert.DoesNotContain("Not-A-Real-Password-1", api.Events.Text);
        }
    }
}
