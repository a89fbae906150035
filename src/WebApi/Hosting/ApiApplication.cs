using System;
using System.IO;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using SecureMFA.Core.Events;
using SecureMFA.Core.Startup;
using SecureMFA.Otp.Protocol;
using SecureMFA.WebApi.Endpoints;
using SecureMFA.WebApi.Http;
using SecureMFA.WebApi.Limits;
using SecureMFA.WebApi.Signing;

namespace SecureMFA.WebApi.Hosting
{
    /// <summary>
    /// Builds the WEB API: services, the pipeline (JSON errors, routing, request signatures) and the four endpoints
    /// under api_base_path. Arguments: --config FILE (SecureMfaOtpProvider.json; default: the demo's embedded SQLite
    /// under --data, default .data), --urls, and ASP.NET settings such as --Limits:DevicePerSecond.
    /// </summary>
    public static class ApiApplication
    {
        /// <summary>Worker threads kept ready: the concurrent requests a server is expected to hold while the store answers.</summary>
        public const int MinimumThreads = 128;

        public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
        {
            // The store calls block (SQL, LDAP, the SQLite group commit): without enough threads ready, a burst of
            // sign-ins waits for the thread pool to grow, about one thread per half second.
            ThreadPool.GetMinThreads(out var workers, out var io);
            if (workers < MinimumThreads) ThreadPool.SetMinThreads(MinimumThreads, io);
            var builder = WebApplication.CreateBuilder(args);
            // A Windows service when started by the service manager; nothing changes otherwise.
            builder.Host.UseWindowsService();
            // Framework request logs are noise here (and slow under load); the product's events say what matters.
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("System", LogLevel.Warning)
                .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information)
                // A failed start is reported by Program in one line (a taken port names --urls); the console would
                // repeat it as a stack trace. Other providers (the Windows event log of the service) still get it.
                .AddFilter<ConsoleLoggerProvider>("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

            var services = builder.Services;
            services.Configure<KestrelServerOptions>(o =>
            {
                o.AddServerHeader = false;
                o.Limits.MaxRequestBodySize = RequestBody.MaxBytes;
            });
            services.Configure<IISServerOptions>(o => o.MaxRequestBodySize = RequestBody.MaxBytes);
            services.Configure<ApiLimits>(builder.Configuration.GetSection(ApiLimits.Section));
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton(EventSinks.ForPlatform(WindowsEventLogSink.WebApiSourceName));
            services.AddSingleton(p => StartRuntime(p.GetRequiredService<IConfiguration>(), p.GetRequiredService<IEventSink>(), p.GetRequiredService<TimeProvider>()));
            services.AddSingleton(p =>
            {
                var limits = p.GetRequiredService<IOptions<ApiLimits>>().Value;
                return new NonceCache(TimeSpan.FromSeconds(MessageSignature.NonceLifetimeSeconds), limits.NoncesPerDevice, limits.NoncesTotal);
            });
            services.AddSingleton<ApiRateLimiters>();
            services.AddSingleton(p => new RegistrationBudget(p.GetRequiredService<ApiRuntime>().Config));
            services.AddSingleton(p => new RefusalEvents(p.GetRequiredService<IEventSink>()));
            services.AddSingleton<HealthEndpoint>();
            overrides?.Invoke(services);

            var app = builder.Build();
            CheckLimits(app.Services);
            // Opened now, so a bad configuration or store stops the start (event 5551/5553) instead of the first request.
            // The container made it, so the container disposes it (and the store) with the application.
            var runtime = app.Services.GetRequiredService<ApiRuntime>();

            // Under IIS as an application at a virtual path, that path arrives as PathBase: route on the full path
            // either way, so api_base_path means the same wherever the API is hosted.
            app.Use((context, next) =>
            {
                if (context.Request.PathBase.HasValue)
                {
                    context.Request.Path = context.Request.PathBase.Add(context.Request.Path);
                    context.Request.PathBase = PathString.Empty;
                }
                return next(context);
            });
            app.UseMiddleware<JsonErrorsMiddleware>();
            app.UseRouting();
            app.UseMiddleware<RequestSignatureMiddleware>();

            var api = app.MapGroup(runtime.Config.ApiBasePath == "/" ? "" : runtime.Config.ApiBasePath);
            api.MapGet(ApiWords.Paths.Health, HealthEndpoint.Handle);
            api.MapPost(ApiWords.Paths.Register, RegisterEndpoint.Handle);
            api.MapGet(ApiWords.Paths.DeviceSelf, DeviceSelfEndpoint.Handle).WithMetadata(SignedEndpoint.Instance);
            api.MapPost(ApiWords.Paths.Verify, VerifyEndpoint.Handle).WithMetadata(SignedEndpoint.Instance);
            api.MapPost(ApiWords.Paths.RolloutReport, RolloutReportEndpoint.Handle).WithMetadata(SignedEndpoint.Instance);
            api.MapPost(ApiWords.Paths.RecoveryUsed, RecoveryUsedEndpoint.Handle).WithMetadata(SignedEndpoint.Instance);
            return app;
        }

        /// <summary>Stops the start (event 5551) on a request limit that cannot work: not a number, or below 1.</summary>
        private static void CheckLimits(IServiceProvider services)
        {
            string? problem;
            try { problem = services.GetRequiredService<IOptions<ApiLimits>>().Value.Problem(); }
            catch (InvalidOperationException ex) { problem = ex.Message; } // the binder's "Failed to convert ... at 'Limits:…'"
            if (problem == null) return;
            EventSinks.Guarded(services.GetRequiredService<IEventSink>())
                .Write(OtpEventId.ConfigurationFailed, EventLevel.Error, "The SecureMFA WEB API request limits are invalid: " + problem);
            throw new DeploymentException("the request limits are invalid: " + problem);
        }

        private static ApiRuntime StartRuntime(IConfiguration configuration, IEventSink events, TimeProvider time)
        {
            var configPath = configuration["config"];
            var dataFolder = configuration["data"] ?? ".data";
            return ApiRuntime.Start(string.IsNullOrEmpty(configPath) ? null : Path.GetFullPath(configPath), dataFolder, events,
                new TimeProviderClock(time), Console.Out);
        }
    }
}
