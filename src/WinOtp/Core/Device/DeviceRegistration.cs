using System;
using System.Threading.Tasks;
using SecureMFA.Otp.Protocol;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Device
{
    /// <summary>
    /// Registers this computer with the WEB API once (the installer or the simulator does it, not LogonUI): the
    /// bootstrap value (api_headers_value) goes to the API in one request and is then forgotten; the device key
    /// that comes back is stored under DPAPI machine scope in HKLM\Software\SecureMFA\Device, which is given its
    /// SYSTEM-and-Administrators-only ACL before the API is asked.
    /// </summary>
    public static class DeviceRegistration
    {
        public static async Task<(bool Registered, string Message)> RegisterAsync(WinOtpPlatform platform, WinOtpSettings settings, string bootstrap, string machineSid)
        {
            var events = new GuardedEventLog(platform.Events, settings.VerboseLog);
            var store = new DeviceStore(platform.Registry, platform.Protection);
            try
            {
                // The protected key first: a registration whose key could not be kept from local users must not exist.
                store.PrepareProtectedKey();
            }
            catch (Exception e)
            {
                var message = e is UnauthorizedAccessException ? e.Message
                    : $"{SettingNames.DeviceRegistryPath} could not be created with its ACL (SYSTEM and Administrators only): {e.GetType().Name}: {e.Message}";
                events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, $"Device registration not attempted: {message}");
                return (false, $"{message} The computer was not registered.");
            }
            try
            {
                ApiReply<RegistrationAnswer> reply;
                using (var client = new WebApiClient(settings.ApiEndpoint, platform.HttpHandlerFactory(settings), TimeSpan.FromMilliseconds(settings.ApiTimeoutMs), platform.Clock))
                    reply = await client.RegisterAsync(bootstrap, platform.MachineName, machineSid).ConfigureAwait(false);

                if (reply.Kind != ApiReplyKind.Answered)
                {
                    var message = reply.ErrorCode == ApiWords.Errors.BadBootstrap ? "The API refused the bootstrap value (api_headers_value)."
                        : reply.ErrorCode == ApiWords.Errors.RegistrationClosed ? "The API does not accept registrations (no api_headers_value is configured on it)."
                        : reply.ErrorCode == ApiWords.Errors.RateLimited ? "The API refuses registrations from this address for a while (too many wrong bootstrap values)."
                        : $"The registration failed: {reply.Detail}.";
                    events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, $"Device registration with {settings.ApiEndpoint} failed: {reply.Detail}.");
                    return (false, message);
                }
                store.Save(reply.Answer!.Device);
                events.Write(WinOtpEventId.ProviderOk, WinOtpEventLevel.Information, $"This computer is registered with {settings.ApiEndpoint} as device {reply.Answer.Device.DeviceId}.");
                return (true, $"Registered as device {reply.Answer.Device.DeviceId}.");
            }
            catch (Exception e)
            {
                events.Write(WinOtpEventId.ProviderFailed, WinOtpEventLevel.Error, $"Device registration failed: {e.GetType().Name}: {e.Message}");
                return (false, $"The registration failed: {e.GetType().Name}.");
            }
        }
    }
}
