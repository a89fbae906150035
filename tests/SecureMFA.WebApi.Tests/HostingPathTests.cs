using System;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>Hosted as an IIS application at a virtual path, the API serves the same paths and signatures.</summary>
    public sealed class HostingPathTests : IDisposable
    {
        private readonly ApiFactory _api = new ApiFactory();

        public void Dispose() => _api.Dispose();

        [Fact]
        public async Task AVirtualPathArrivingAsPathBaseServesTheSameEndpoints()
        {
            // The test server turns its base address's path into PathBase, as IIS does for an application's virtual path.
            _api.Server.BaseAddress = new Uri("http://localhost/api/securemfaotp/");
            var http = _api.Server.CreateClient();
            using var probe = new HttpRequestMessage(HttpMethod.Get, "v1/health");
            using var health = await http.SendAsync(probe);
            Assert.Equal(200, (int)health.StatusCode);

            var device = await SignedClient.Register(http, "/api/securemfaotp", ApiDeployment.Bootstrap, () => _api.Clock.GetUtcNow());
            var self = await device.Self();
            Assert.Equal(200, self.Status);
            Assert.True(self.IsSignedBy(device.Key));
        }
    }
}
