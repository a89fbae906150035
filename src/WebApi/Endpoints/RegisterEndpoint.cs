using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SecureMFA.Core.Events;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Crypto;
using SecureMFA.Otp.Json;
using SecureMFA.Otp.Protocol;
using SecureMFA.WebApi.Hosting;
using SecureMFA.WebApi.Http;
using SecureMFA.WebApi.Limits;
using SecureMFA.WebApi.Signing;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>POST {base}/v1/devices/register (section 5): the bootstrap value buys a device its own key.</summary>
    public static class RegisterEndpoint
    {
        public sealed class Request
        {
            public string? Machine { get; set; }
            public string? MachineSid { get; set; }

            /// <summary>The members as WIN OTP's client writes them; one of the wrong type is a <see cref="JsonFormatException"/>.</summary>
            public static Request From(JsonObject json) => new Request { Machine = json.String(ApiWords.Members.Machine), MachineSid = json.String(ApiWords.Members.MachineSid) };
        }

        public static async Task Handle(HttpContext context)
        {
            var runtime = context.RequestServices.GetRequiredService<ApiRuntime>();
            var limits = context.RequestServices.GetRequiredService<ApiRateLimiters>();
            var refusals = context.RequestServices.GetRequiredService<RefusalEvents>();
            var bootstrap = runtime.Config.ApiHeadersValue;
            if (bootstrap.Length == 0)
            {
                await ApiError.Write(context, StatusCodes.Status403Forbidden, ApiWords.Errors.RegistrationClosed, "Device registration is closed: the server has no api_headers_value.");
                return;
            }
            // The right value is checked first and spends only its own budgets: someone else's wrong values from a shared
            // address (a NAT, one installer's typos) never lock it out. So the wrong-value limit bounds load and log noise,
            // not guessing; the value's length (16+ random characters) is what defeats guessing (protocol threat model).
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var presented = context.Request.Headers[ApiHeaders.Bootstrap];
            if (presented.Count != 1 || !SameSecret(presented[0] ?? "", bootstrap))
            {
                var blocked = limits.BootstrapBlocked(address);
                if (blocked.HasValue)
                {
                    await ApiError.Write(context, StatusCodes.Status429TooManyRequests, ApiWords.Errors.RateLimited, "Too many wrong bootstrap values from this address; try again later.", retryAfter: blocked);
                    return;
                }
                if (presented.Count > 0) limits.CountBootstrapFailure(address);
                refusals.Write(ApiWords.Errors.BadBootstrap, address, presented.Count == 0 ? "no X-SMFA-Bootstrap header" : "a wrong bootstrap value", runtime.Clock.UtcNow);
                await ApiError.Write(context, StatusCodes.Status401Unauthorized, ApiWords.Errors.BadBootstrap, "The X-SMFA-Bootstrap header is missing or wrong.");
                return;
            }

            var body = await RequestBody.Read(context);
            if (body == null) return;
            var request = ApiJson.TryRead(body, Request.From);
            var problem = request == null ? "the body is not a JSON object" : Check(request);
            if (problem != null)
            {
                await ApiError.Write(context, StatusCodes.Status400BadRequest, ApiWords.Errors.BadRequest, "Registration needs {\"machine\": \"<computer name>\", \"machineSid\": \"<SID or empty>\"}: " + problem + ".");
                return;
            }
            var wait = context.RequestServices.GetRequiredService<RegistrationBudget>().Take(address);
            if (wait.HasValue)
            {
                refusals.Write(ApiWords.Errors.RateLimited, address, "registration budget spent (api_register_per_address_per_hour or api_register_per_hour)", runtime.Clock.UtcNow);
                await ApiError.Write(context, StatusCodes.Status429TooManyRequests, ApiWords.Errors.RateLimited, "Too many devices registered from this address or in all; try again later.", retryAfter: wait);
                return;
            }

            var now = runtime.Clock.UtcNow;
            var key = RandomNumberGenerator.GetBytes(MessageSignature.DeviceKeyBytes);
            Device device;
            do
            {
                var id = DeviceId.New();
                device = new Device
                {
                    Id = id,
                    Machine = request!.Machine!,
                    MachineSid = request.MachineSid ?? "",
                    ProtectedKey = runtime.Protector.Protect(Device.KeyBinding(id), key),
                    Created = now,
                };
            } while (!runtime.Devices.Add(device));

            runtime.Events.Write(OtpEventId.ProviderOk, EventLevel.Information,
                $"Device {device.Id} registered for computer {device.Machine}" + (device.MachineSid.Length > 0 ? $" ({device.MachineSid})" : "") + $" from {address}.");
            await ApiJson.Write(context, new JsonWriter()
                .Add(ApiWords.Members.DeviceId, device.Id)
                .Add(ApiWords.Members.DeviceKey, Convert.ToBase64String(key))
                .Add(ApiWords.Members.ServerTime, new DateTimeOffset(now).ToUnixTimeSeconds()));
        }

        private static string? Check(Request request)
        {
            if (request.Machine == null || request.Machine.Trim().Length == 0) return "machine is missing";
            if (request.Machine.Length > 256) return "machine is longer than 256 characters";
            if (HasControl(request.Machine)) return "machine contains control characters";
            if (request.MachineSid != null && (request.MachineSid.Length > 256 || HasControl(request.MachineSid))) return "machineSid is not a SID";
            return null;
        }

        private static bool HasControl(string text)
        {
            foreach (var c in text)
                if (char.IsControl(c)) return true;
            return false;
        }

        /// <summary>Compared as SHA-256 hashes in fixed time: neither the content nor the length of the secret leaks through timing.</summary>
        private static bool SameSecret(string presented, string expected) =>
            FixedTime.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
