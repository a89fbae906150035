using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Core.Events;
using SecureMFA.WebApi.Hosting;

namespace SecureMFA.Testing
{
    /// <summary>
    /// The real WEB API (src/WebApi's application on Kestrel) on a free 127.0.0.1 port over a configuration file, its
    /// events recorded, on the test's clock when one is given (then a new TOTP step is a clock move, not a wait) or on
    /// real time. The one way the tests run the API on a socket; SecureMFA.WebApi.Tests' ApiFactory is the in-memory one.
    /// </summary>
    public sealed class RunningWebApi : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private RunningWebApi(WebApplication app, Uri origin, RecordedEvents events)
        {
            _app = app;
            Origin = origin;
            Events = events;
            BasePath = app.Services.GetRequiredService<ApiRuntime>().Config.ApiBasePath;
        }

        public Uri Origin { get; }
        public RecordedEvents Events { get; }
        public string BasePath { get; }

        /// <summary>What a client is configured with: the origin and the base path, e.g. http://127.0.0.1:5123/api/securemfaotp.</summary>
        public string Endpoint => Origin + BasePath.TrimStart('/');

        /// <param name="extraArgs">More command-line settings, e.g. "--Limits:UpnBurst=1000".</param>
        public static async Task<RunningWebApi> Start(string configPath, VariableClock? clock = null, params string[] extraArgs)
        {
            var events = new RecordedEvents();
            var origin = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
            var args = new[] { "--config", configPath, "--urls", origin.ToString().TrimEnd('/') }.Concat(extraArgs).ToArray();
            var app = ApiApplication.Build(args, services =>
            {
                services.AddSingleton<IEventSink>(events);
                if (clock != null) services.AddSingleton<TimeProvider>(clock);
            });
            await app.StartAsync();
            return new RunningWebApi(app, origin, events);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
