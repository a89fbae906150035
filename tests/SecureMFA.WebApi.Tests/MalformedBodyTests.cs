using System;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SecureMFA.Core.Events;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.WebApi.Tests
{
    /// <summary>A body the server cannot read as HTTP (a broken chunked encoding) is the client's fault: 400, not 500 and an error event.</summary>
    public sealed class MalformedBodyTests
    {
        [Fact]
        public async Task ABrokenChunkedBodyIs400BadRequestWithoutAnErrorEvent()
        {
            var deployment = new ApiDeployment();
            await using var api = await RunningWebApi.Start(deployment.ConfigPath);
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(api.Origin.Host, api.Origin.Port);
            var stream = tcp.GetStream();
            var request = $"POST {api.BasePath}/v1/otp/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
                          "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            var buffer = new byte[4096];
            var received = new StringBuilder();
            // The server closes the connection after it (the framing is broken); the timeout only keeps a regression from hanging.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0) received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            var answer = received.ToString();
            Assert.StartsWith("HTTP/1.1 400", answer);
            Assert.Contains("\"error\":\"bad_request\"", answer);
            Assert.Empty(api.Events.Messages(OtpEventId.ProviderFailed));
        }
    }
}
