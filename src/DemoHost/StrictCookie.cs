using System.Net;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// Cookies the demo sets: HttpOnly (no script reads them), SameSite=Strict (no other site's page sends them),
    /// path /. Not Secure: the demo listens on plain http://127.0.0.1, where a Secure cookie would not come back.
    /// </summary>
    public static class StrictCookie
    {
        public static void Set(HttpListenerResponse response, string name, string value) =>
            response.AppendHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict");

        public static void Clear(HttpListenerResponse response, string name) =>
            response.AppendHeader("Set-Cookie", name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");

        public static string? Read(HttpListenerRequest request, string name) => request.Cookies[name]?.Value;
    }
}
