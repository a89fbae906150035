using System;
using System.Net;
using System.Net.Http;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Api
{
    /// <summary>
    /// The production HTTP handler: the configured proxy (api_proxy_enable/server/port) or none at all, since
    /// LogonUI runs as SYSTEM and a user's proxy settings mean nothing there; no redirects; no cookies.
    /// </summary>
    public static class ApiHttpHandler
    {
        public static HttpClientHandler Create(WinOtpSettings settings)
        {
            var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
            if (settings.ProxyEnabled)
            {
                handler.UseProxy = true;
                handler.Proxy = new WebProxy(settings.ProxyServer, settings.ProxyPort) { BypassProxyOnLocal = false };
            }
            else
            {
                handler.UseProxy = false;
            }
#if NETFRAMEWORK
            FollowSystemTls();
#endif
            return handler;
        }

#if NETFRAMEWORK
        /// <summary>
        /// TLS versions as the operating system's defaults (Schannel) say, as .NET Framework 4.7+ does for an application
        /// that targets it: TLS 1.2 and 1.3 where Windows offers them, never a version Windows switched off. Needed because
        /// a CLR hosted by a native process (LogonUI) has no target framework of its own and starts with the legacy
        /// protocol list instead; nothing is pinned here.
        /// </summary>
        public static void FollowSystemTls()
        {
            if (ServicePointManager.SecurityProtocol != SecurityProtocolType.SystemDefault) ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
        }
#endif
    }
}
