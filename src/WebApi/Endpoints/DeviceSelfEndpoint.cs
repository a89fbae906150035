using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.WebApi.Hosting;
using SecureMFA.WebApi.Http;
using SecureMFA.WebApi.Signing;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>GET {base}/v1/devices/self (section 6): reachable, key right, clocks agreeing.</summary>
    public static class DeviceSelfEndpoint
    {
        public sealed class Response
        {
            public string DeviceId { get; set; } = "";
            public string Machine { get; set; } = "";
            public string Registered { get; set; } = "";
            public long ServerTime { get; set; }
        }

        public static Task Handle(HttpContext context)
        {
            var runtime = context.RequestServices.GetRequiredService<ApiRuntime>();
            var device = (context.Features.Get<SignedRequest>() ?? throw new InvalidOperationException("self reached without a verified signature")).Device;
            return ApiJson.Write(context, new Response
            {
                DeviceId = device.Id,
                Machine = device.Machine,
                Registered = ApiJson.UtcTime(device.Created),
                ServerTime = new DateTimeOffset(runtime.Clock.UtcNow).ToUnixTimeSeconds(),
            });
        }
    }
}
