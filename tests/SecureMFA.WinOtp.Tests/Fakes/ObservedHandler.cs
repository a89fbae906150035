using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    /// <summary>Calls back when a request leaves (before the inner handler answers it), then passes it on. Never disposes the inner handler.</summary>
    public sealed class ObservedHandler : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _inner;
        private readonly Action<HttpRequestMessage> _onRequest;

        public ObservedHandler(HttpMessageHandler inner, Action<HttpRequestMessage> onRequest)
        {
            _inner = new HttpMessageInvoker(inner ?? throw new ArgumentNullException(nameof(inner)), false);
            _onRequest = onRequest ?? throw new ArgumentNullException(nameof(onRequest));
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _onRequest(request);
            return _inner.SendAsync(request, cancellationToken);
        }

        // The coordinator disposes its client (and so this handler) after every call; the harness hands the same one out again.
        protected override void Dispose(bool disposing) { }
    }
}
