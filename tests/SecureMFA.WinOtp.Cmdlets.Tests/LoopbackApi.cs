using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using SecureMFA.Testing;
using SecureMFA.WinOtp.Tests.Fakes;

namespace SecureMFA.WinOtp.Cmdlets.Tests
{
    /// <summary>
    /// WinOtp.Core's fake WEB API (an HttpMessageHandler) behind a real HTTP listener on 127.0.0.1, so the cmdlets use
    /// their production HTTP client, unchanged. Its clock follows real time, plus <see cref="ServerClockOffset"/>.
    /// </summary>
    public sealed class LoopbackApi : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly HttpMessageInvoker _invoker;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _loop;

        public LoopbackApi()
        {
            Clock = new VariableClock(DateTime.UtcNow);
            Api = new FakeWebApi(Clock);
            _invoker = new HttpMessageInvoker(Api, false);
            var port = FreePorts.Next();
            Endpoint = "http://127.0.0.1:" + port + FakeWebApi.BasePath;
            _listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
            _listener.Start();
            _loop = Task.Run(Serve);
        }

        public VariableClock Clock { get; }
        public FakeWebApi Api { get; }
        public string Endpoint { get; }
        public TimeSpan ServerClockOffset { get; set; }

        private async Task Serve()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
                catch (Exception) when (_stop.IsCancellationRequested) { return; }
                catch (HttpListenerException) { return; }
                catch (ObjectDisposedException) { return; }
                try
                {
                    var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), context.Request.Url);
                    using (var body = new System.IO.MemoryStream())
                    {
                        await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
                        if (body.Length > 0 || context.Request.HttpMethod == "POST") request.Content = new ByteArrayContent(body.ToArray());
                    }
                    foreach (var name in context.Request.Headers.AllKeys.Where(k => k != null && k.StartsWith("X-SMFA", StringComparison.OrdinalIgnoreCase)))
                        request.Headers.TryAddWithoutValidation(name!, context.Request.Headers[name]);
                    lock (Clock) Clock.UtcNow = DateTime.UtcNow + ServerClockOffset;
                    using var response = await _invoker.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
                    var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    context.Response.StatusCode = (int)response.StatusCode;
                    foreach (var header in response.Headers) context.Response.Headers[header.Key] = string.Join(",", header.Value);
                    context.Response.ContentType = "application/json";
                    context.Response.ContentLength64 = bytes.Length;
                    await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    context.Response.StatusCode = 500;
                }
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            if (_stop.IsCancellationRequested) return;
            _stop.Cancel();
            _listener.Close();
            try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
            _invoker.Dispose();
        }
    }
}
