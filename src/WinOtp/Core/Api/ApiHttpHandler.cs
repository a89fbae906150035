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
            // A CLR hosted by a native process (LogonUI) has no target framework of its own and may start with the
            // legacy protocol defaults: make sure TLS 1.2 is allowed. Only adds, never removes what is set.
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
#endif
            return handler;
        }
    }
}
