using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Otp.Json;
using SecureMFA.Otp.Protocol;
using SecureMFA.WebApi.Hosting;
using SecureMFA.WebApi.Http;
using SecureMFA.WebApi.Signing;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>GET {base}/v1/devices/self (section 6): reachable, key right, clocks agreeing.</summary>
    public static class DeviceSelfEndpoint
    {
        public static Task Handle(HttpContext context)
        {
            var runtime = context.RequestServices.GetRequiredService<ApiRuntime>();
            var device = (context.Features.Get<SignedRequest>() ?? throw new InvalidOperationException("self reached without a verified signature")).Device;
            return ApiJson.Write(context, new JsonWriter()
                .Add(ApiWords.Members.DeviceId, device.Id)
                .Add(ApiWords.Members.Machine, device.Machine)
                .Add(ApiWords.Members.Registered, ApiJson.UtcTime(device.Created))
                .Add(ApiWords.Members.ServerTime, new DateTimeOffset(runtime.Clock.UtcNow).ToUnixTimeSeconds()));
        }
    }
}
