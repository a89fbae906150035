using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace SecureMFA.AdfsGacHost
{
    /// <summary>
    /// One real HTTP request to ourselves on 127.0.0.1, so the adapter gets a genuine HttpListenerRequest as AD FS
    /// gives it, here as if through a Web Application Proxy (X-MS-Proxy and X-MS-Forwarded-Client-IP headers).
    /// Disposing answers the request.
    /// </summary>
    internal sealed class LoopbackExchange : IDisposable
    {
        public const string ForwardedClient = "10.9.8.7";
        public const string UserAgent = "SecureMFA-GacHost/1.0";
        private readonly HttpListener _listener;
        private readonly HttpListenerContext _context;
        private readonly Task _client;

        public LoopbackExchange()
        {
            var port = FreePort();
            _listener = new HttpListener();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _client = Task.Run(() =>
            {
                var request = (HttpWebRequest)WebRequest.Create($"http://127.0.0.1:{port}/adfs/ls/");
                request.UserAgent = UserAgent;
                request.Headers["X-MS-Proxy"] = "wap01";
                request.Headers["X-MS-Forwarded-Client-IP"] = ForwardedClient + ":50123";
                request.Timeout = 30000;
                using (request.GetResponse()) { }
            });
            var pending = _listener.GetContextAsync();
            if (!pending.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("the loopback request did not arrive");
            _context = pending.Result;
        }

        public HttpListenerRequest Request => _context.Request;

        public void Dispose()
        {
            _context.Response.StatusCode = 200;
            _context.Response.Close();
            _client.Wait(TimeSpan.FromSeconds(30));
            _listener.Close();
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
