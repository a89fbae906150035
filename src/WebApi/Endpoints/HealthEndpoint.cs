using System;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Core.Events;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Otp.Json;
using SecureMFA.Otp.Protocol;
using SecureMFA.WebApi.Hosting;
using SecureMFA.WebApi.Http;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>
    /// GET {base}/v1/health (section 8), unsigned, for load balancers: the store's schema is checked at most every few
    /// seconds however often it is polled. No secret and no user data.
    /// </summary>
    public sealed class HealthEndpoint
    {
        private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
        private static readonly string Version = ProductVersion();
        private readonly object _gate = new object();
        private DateTime _checkedAt = DateTime.MinValue;
        private string? _failure;

        public static Task Handle(HttpContext context)
        {
            var runtime = context.RequestServices.GetRequiredService<ApiRuntime>();
            var failure = context.RequestServices.GetRequiredService<HealthEndpoint>().Check(runtime);
            if (failure != null)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return ApiJson.Write(context, new JsonWriter()
                    .Add("status", "unavailable")
                    .Add(ApiWords.Members.Error, ApiWords.Errors.StoreUnavailable)
                    .Add(ApiWords.Members.Message, "The user store cannot be reached; the details are in the server's event log."));
            }
            return ApiJson.Write(context, new JsonWriter()
                .Add("status", "ok")
                .Add("store", runtime.Config.AuthMode.ToString())
                .Add("schemaVersion", SqlStatements.SchemaVersion)
                .Add("version", Version)
                .Add(ApiWords.Members.ServerTime, new DateTimeOffset(runtime.Clock.UtcNow).ToUnixTimeSeconds()));
        }

        /// <summary>Null when the store answers and has the schema this build needs, else why not (for the event log).</summary>
        private string? Check(ApiRuntime runtime)
        {
            lock (_gate)
            {
                // Read inside the lock, recorded after the check: probes that waited behind a slow check (a store timing
                // out) take its answer instead of each running another.
                if (DateTime.UtcNow - _checkedAt < CacheFor) return _failure;
                string? failure = null;
                try
                {
                    runtime.CheckStoreSchema();
                }
                catch (StoreUnavailableException ex)
                {
                    failure = ex.Message;
                }
                if (failure != null && failure != _failure)
                    runtime.Events.Write(OtpEventId.ProviderFailed, EventLevel.Error, "Health check: " + failure);
                _checkedAt = DateTime.UtcNow;
                return _failure = failure;
            }
        }

        private static string ProductVersion()
        {
            var informational = typeof(HealthEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = informational.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }
    }
}
