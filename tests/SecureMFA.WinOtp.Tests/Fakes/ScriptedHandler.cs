using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    /// <summary>An HttpMessageHandler answering with whatever the test scripts, after recording the request.</summary>
    public sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Func<FakeApiRequest, HttpResponseMessage> _answer;

        public ScriptedHandler(Func<FakeApiRequest, HttpResponseMessage> answer)
        {
            _answer = answer;
        }

        public FakeApiRequest? Last { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content == null ? new byte[0] : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            Last = new FakeApiRequest(request, body);
            return _answer(Last);
        }

        /// <summary>A reply with this status and body, signed for <paramref name="nonce"/> when a key is given.</summary>
        public static HttpResponseMessage Reply(int status, string body, byte[]? key = null, string? nonce = null, string? signature = null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(bytes) };
            if (signature == null && key != null && nonce != null) signature = MessageSignature.SignResponse(key, nonce, status, bytes);
            if (signature != null) response.Headers.TryAddWithoutValidation(ApiHeaders.Signature, signature);
            return response;
        }
    }
}
