using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Core.Events;
using SecureMFA.Testing;
using SecureMFA.WebApi.Hosting;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>The API in memory (WebApplicationFactory) on a deployment, with the test's clock and event recorder.</summary>
    public sealed class ApiFactory : WebApplicationFactory<ApiRuntime>
    {
        private readonly IDictionary<string, string> _aspNetSettings;

        public ApiFactory(ApiDeployment? deployment = null, IDictionary<string, string>? aspNetSettings = null)
        {
            Deployment = deployment ?? new ApiDeployment();
            _aspNetSettings = aspNetSettings ?? new Dictionary<string, string>();
        }

        public ApiDeployment Deployment { get; }
        public VariableClock Clock { get; } = new VariableClock();
        public RecordedEvents Events { get; } = new RecordedEvents();
        public string BasePath => Deployment.BasePath;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("config", Deployment.ConfigPath);
            foreach (var setting in _aspNetSettings) builder.UseSetting(setting.Key, setting.Value);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<IEventSink>(Events);
                services.AddSingleton<IStartupFilter, TestClientAddress>();
            });
        }

        public HttpClient Http() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        /// <summary>The in-memory server has no client address; a test names one in <see cref="AddressHeader"/>.</summary>
        public const string AddressHeader = "X-Test-Client-Address";

        private sealed class TestClientAddress : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, then) =>
                {
                    if (System.Net.IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                        context.Connection.RemoteIpAddress = address;
                    return then(context);
                });
                next(app);
            };
        }

        public Task<SignedClient> NewDevice(string machine = "PC1") =>
            SignedClient.Register(Http(), BasePath, ApiDeployment.Bootstrap, () => Clock.GetUtcNow(), machine);
    }
}
