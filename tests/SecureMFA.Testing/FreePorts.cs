using System.Net;
using System.Net.Sockets;

namespace SecureMFA.Testing
{
    public static class FreePorts
    {
        /// <summary>A TCP port on 127.0.0.1 that nothing listens on now (the system's pick, so parallel tests do not collide).</summary>
        public static int Next()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
            finally { listener.Stop(); }
        }
    }
}
