using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using SecureMFA.Otp.Protocol;
using SecureMFA.Testing;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>The signed client against docs/webapi-protocol.md: its worked example both ways, and every way an answer can be unusable.</summary>
    public class ApiClientTests
    {
        private static readonly byte[] DocumentKey = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        private const string DocumentNonce = "EBESExQVFhcYGRobHB0eHw==";
        private const string DocumentBody = "{\"upn\":\"alice@adatum.labnet\",\"code\":\"287082\",\"scenario\":\"rdp\",\"machine\":\"PC1\",\"offline\":false}";
        private const string DocumentReply = "{\"result\":\"accept\",\"lockedUntil\":null,\"serverTime\":1764500001,\"offline\":null}";
        private const string DocumentReplySignature = "KYguVeUHMLvkQZpabBx+lil8eXI8graRMpKFVGeNpNw=";
        private static readonly DeviceCredentials Device = new DeviceCredentials("dev1", DocumentKey);
        private static readonly VerifyRequest DocumentRequest = new VerifyRequest("alice@adatum.labnet", "287082", LogonScenario.Rdp, "PC1");

        private static WebApiClient Client(System.Net.Http.HttpMessageHandler handler, int timeoutMs = 5000, string endpoint = FakeWebApi.Endpoint) =>
            new WebApiClient(ApiEndpoint.Parse(endpoint), handler, TimeSpan.FromMilliseconds(timeoutMs), VariableClock.AtDocumentTime(), () => DocumentNonce);

        [Fact]
        public async Task TheRequestIsTheWorkedExampleByteForByte()
        {
            var handler = new ScriptedHandler(_ => ScriptedHandler.Reply(200, DocumentReply, signature: DocumentReplySignature));
            using (var client = Client(handler)) await client.VerifyAsync(Device, DocumentRequest);
            var sent = handler.Last!;
            Assert.Equal("POST", sent.Method);
            Assert.Equal("/api/securemfaotp/v1/otp/verify", sent.Uri.AbsolutePath);
            Assert.Equal(DocumentBody, sent.BodyText);
            Assert.Equal("application/json", sent.ContentType);
            Assert.Equal("dev1", sent.Headers[ApiHeaders.Device]);
            Assert.Equal("1764500000", sent.Headers[ApiHeaders.Timestamp]);
            Assert.Equal(DocumentNonce, sent.Headers[ApiHeaders.Nonce]);
            Assert.Equal("NscokOgubl02jjKYiySHXaTBfqlV6TEGaMaGu+w8+EA=", sent.Headers[ApiHeaders.Signature]);
            Assert.False(sent.Headers.ContainsKey(ApiHeaders.Bootstrap));
        }

        [Fact]
        public async Task TheWorkedExampleReplyIsAccepted()
        {
            var handler = new ScriptedHandler(_ => ScriptedHandler.Reply(200, DocumentReply, signature: DocumentReplySignature));
            using (var client = Client(handler))
            {
                var reply = await client.VerifyAsync(Device, DocumentRequest);
                Assert.Equal(ApiReplyKind.Answered, reply.Kind);
                Assert.Equal(VerifyResult.Accept, reply.Answer!.Result);
                Assert.Equal(1764500001, reply.Answer.ServerTime);
                Assert.Null(reply.Answer.Offline);
                Assert.Null(reply.Answer.AttemptsLeft);
            }
        }

        [Theory]
        [InlineData(201, DocumentReply, DocumentReplySignature, "BadSignature")] // another status under the same signature
        [InlineData(200, "{\"result\":\"accept\",\"lockedUntil\":null,\"serverTime\":1764500002,\"offline\":null}", DocumentReplySignature, "BadSignature")] // body altered
        [InlineData(200, DocumentReply, "LYguVeUHMLvkQZpabBx+lil8eXI8graRMpKFVGeNpNw=", "BadSignature")] // signature altered
        [InlineData(200, DocumentReply, "not base64!", "BadSignature")]
        [InlineData(200, DocumentReply, null, "Unsigned")] // a forged accept without a signature
        public async Task AnAcceptThatDoesNotVerifyIsNeverAnAccept(int status, string body, string? signature, string failure)
        {
            var handler = new ScriptedHandler(_ => ScriptedHandler.Reply(status, body, signature: signature));
            using (var client = Client(handler))
            {
                var reply = await client.VerifyAsync(Device, DocumentRequest);
                Assert.Equal(ApiReplyKind.Unreachable, reply.Kind);
                Assert.Null(reply.Answer);
                Assert.Equal(failure, reply.Failure.ToString());
            }
        }

        [Fact]
        public async Task ARecordedAcceptDoesNotAnswerAnotherRequest()
        {
            // The reply is signed for the worked example's nonce; this request uses a fresh one.
            var handler = new ScriptedHandler(_ => ScriptedHandler.Reply(200, DocumentReply, signature: DocumentReplySignature));
            using (var client = new WebApiClient(ApiEndpoint.Parse(FakeWebApi.Endpoint), handler, TimeSpan.FromSeconds(5), VariableClock.AtDocumentTime()))
            {
                var reply = await client.VerifyAsync(Device, DocumentRequest);
                Assert.Equal(ApiFailure.BadSignature, reply.Failure);
                Assert.NotEqual(DocumentNonce, handler.Last!.Headers[ApiHeaders.Nonce]);
                Assert.True(MessageSignature.IsWellFormedNonce(handler.Last.Headers[ApiHeaders.Nonce]));
            }
        }

        [Fact]
        public async Task AForgerWithoutTheDeviceKeyIsRefusedAgainstTheFakeApi()
        {
            var harness = new WinOtpHarness();
            var device = harness.Register();
            harness.Api.Mode = FakeApiMode.ForgeAccept;
            using (var client = harness.Client())
            {
                var reply = await client.VerifyAsync(device, new VerifyRequest(WinOtpHarness.Upn, "000000", LogonScenario.Rdp, "PC1"));
                Assert.Equal(ApiFailure.BadSignature, reply.Failure);
            }
            harness.Api.Mode = FakeApiMode.StripSignature;
            using (var client = harness.Client())
            {
                var reply = await client.VerifyAsync(device, new VerifyRequest(WinOtpHarness.Upn, harness.Code(), LogonScenario.Rdp, "PC1"));
                Assert.Equal(ApiFailure.Unsigned, reply.Failure);
            }
        }

        [Fact]
        public async Task UnsignedRefusalsAreUnreachableAndTheirCodeOnlyGoesToTheDetail()
        {
            var handler = new ScriptedHandler(_ => ScriptedHandler.Reply(401, "{\"error\":\"stale_timestamp\",\"message\":\"m\",\"serverTime\":1764509000}"));
            using (var client = Client(handler))
            {
                var reply = await client.VerifyAsync(Device, DocumentRequest);
                Assert.Equal(ApiFailure.Unsigned, reply.Failure);
                Assert.Equal(401, reply.StatusCode);
                Assert.Contains("stale_timestamp", reply.Detail);
                Assert.Equal(1764509000, reply.ServerTime);
            }
        }

        [Theory]
        [InlineData(400, "invalid_upn")]
        [InlineData(400, "bad_request")]
        [InlineData(429, "rate_limited")]
        public async Task SignedRefusalsAreRefusals(int status, string code)
        {
            var handler = new ScriptedHandler(r => ScriptedHandler.Reply(status, "{\"error\":\"" + code + "\",\"message\":\"m\"}", DocumentKey, r.Headers[ApiHeaders.Nonce]));
            using (var client = Client(handler))
            {
                var reply = await client.VerifyAsync(Device, DocumentRequest);
                Assert.Equal(ApiReplyKind.Refused, reply.Kind);
                Assert.Equal(code, reply.ErrorCode);
            }
        }

        [Theory]
        [InlineData(503, "{\"error\":\"store_unavailable\",\"message\":\"m\"}", "ServerError")]
        [InlineData(500, "{\"error\":\"internal\",\"message\":\"m\"}", "ServerError")]
        [InlineData(200, "{\"result\":\"maybe\",\"serverTime\":1}", "BadReply")]
        [InlineData(200, "{\"result\":\"reject\",\"result\":\"accept\",\"serverTime\":1}", "BadReply")]
        [InlineData(200, "{\"result\":\"accept\"}", "BadReply")]
        [InlineData(200, "{\"result\":\"locked\",\"lockedUntil\":\"tomorrow\",\"serverTime\":1}", "BadReply")]
        [InlineData(200, "{\"result\":\"accept\",\"serverTime\":\"1\"}", "BadReply")]
        [InlineData(200, "{\"result\":\"accept\",\"serverTime\":1,\"offline\":{\"v\":2}}", "BadReply")]
        [InlineData(200, "accept", "BadReply")]
        [InlineData(200, "", "BadReply")]
        [InlineData(302, "", "BadReply")]
        public async Task SignedAnswersThatDecideNothingAreUnreachable(int status, string body, string failure)
        {
            var handler = new ScriptedHandler(r => ScriptedHandler.Reply(status, body, DocumentKey, r.Headers[ApiHeaders.Nonce]));
            using (var client = Client(handler))
            {
                var reply = await client.VerifyAsync(Device, DocumentRequest);
                Assert.Equal(ApiReplyKind.Unreachable, reply.Kind);
                Assert.Equal(failure, reply.Failure.ToString());
            }
        }

        [Fact]
        public async Task EveryResultAndItsDetailsAreRead()
        {
            var body = "{\"result\":\"locked\",\"lockedUntil\":\"2026-11-30T10:15:00Z\",\"attemptsLeft\":0,\"serverTime\":1764500001,\"reason\":\"clock_drift\",\"driftSeconds\":-95,\"future\":{\"x\":[1,2.5e3,true]}}";
            var handler = new ScriptedHandler(r => ScriptedHandler.Reply(200, body, DocumentKey, r.Headers[ApiHeaders.Nonce]));
            using (var client = Client(handler))
            {
                var answer = (await client.VerifyAsync(Device, DocumentRequest)).Answer!;
                Assert.Equal(VerifyResult.Locked, answer.Result);
                Assert.Equal(new DateTime(2026, 11, 30, 10, 15, 0, DateTimeKind.Utc), answer.LockedUntil);
                Assert.Equal(DateTimeKind.Utc, answer.LockedUntil!.Value.Kind);
                Assert.Equal(0, answer.AttemptsLeft);
                Assert.Equal("clock_drift", answer.Reason);
                Assert.Equal(-95, answer.DriftSeconds);
            }
            foreach (var (text, result) in new[] { ("reject", VerifyResult.Reject), ("replay", VerifyResult.Replay), ("disabled", VerifyResult.Disabled), ("not_enrolled", VerifyResult.NotEnrolled) })
            {
                var one = new ScriptedHandler(r => ScriptedHandler.Reply(200, "{\"result\":\"" + text + "\",\"serverTime\":5}", DocumentKey, r.Headers[ApiHeaders.Nonce]));
                using (var client = Client(one)) Assert.Equal(result, (await client.VerifyAsync(Device, DocumentRequest)).Answer!.Result);
            }
        }

        [Fact]
        public async Task OfflineRequestsCarryTheDaysAndTheirPackageIsRead()
        {
            var harness = new WinOtpHarness();
            var device = harness.Register();
            using (var client = harness.Client())
            {
                var reply = await client.VerifyAsync(device, new VerifyRequest(WinOtpHarness.Upn, harness.Code(), LogonScenario.Logon, "PC1") { Offline = true, OfflineDays = 7 });
                Assert.EndsWith(",\"offline\":true,\"offlineDays\":7}", harness.Api.Requests.Last().BodyText);
                var package = reply.Answer!.Offline!;
                Assert.Equal(WinOtpHarness.Upn, package.Upn);
                Assert.Equal(harness.Clock.UnixSeconds + 7 * 86400L, package.ValidUntil);
                Assert.Equal("Adatum", package.Issuer);
                Assert.Equal(harness.OfflineSecret(), OfflineSecretWrap.Unwrap(device.Key, package));
                Assert.NotEqual(WinOtpHarness.Secret, OfflineSecretWrap.Unwrap(device.Key, package));
            }
        }

        [Fact]
        public async Task ASecondUseOfANonceIsRefusedByTheServerAndIsUnreachable()
        {
            var harness = new WinOtpHarness();
            var device = harness.Register();
            using (var client = harness.Client(nonceSource: () => DocumentNonce))
            {
                Assert.Equal(ApiReplyKind.Answered, (await client.GetSelfAsync(device)).Kind);
                var again = await client.GetSelfAsync(device);
                Assert.Equal(ApiFailure.Unsigned, again.Failure);
                Assert.Contains("replayed_nonce", again.Detail);
            }
        }

        [Fact]
        public async Task TheDeviceCheckReportsClockSkew()
        {
            var harness = new WinOtpHarness();
            var device = harness.Register();
            var laterClock = new VariableClock(harness.Clock.UtcNow.AddSeconds(42));
            using (var client = harness.Client(clock: laterClock))
            {
                var reply = await client.GetSelfAsync(device);
                Assert.Equal(device.DeviceId, reply.Answer!.DeviceId);
                Assert.Equal(42, reply.Answer.ClockSkewSeconds);
                Assert.Equal("GET", harness.Api.Requests.Last().Method);
                Assert.Equal("/api/securemfaotp/v1/devices/self", harness.Api.Requests.Last().Uri.AbsolutePath);
            }
        }

        [Fact]
        public async Task NoAnswerWithinTheTimeoutIsATimeout()
        {
            var harness = new WinOtpHarness();
            var device = harness.Register();
            harness.Api.Mode = FakeApiMode.Hang;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using (var client = harness.Client(300))
            {
                var reply = await client.VerifyAsync(device, new VerifyRequest(WinOtpHarness.Upn, harness.Code(), LogonScenario.Rdp, "PC1"));
                Assert.Equal(ApiFailure.Timeout, reply.Failure);
                Assert.Contains("300 ms", reply.Detail);
            }
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the call must end at the timeout, not hang");
        }

        /// <summary>Headers on time, then a body that never ends and ignores cancellation, as .NET Framework's network streams do.</summary>
        [Fact]
        public async Task ABodyThatNeverEndsIsCutAtTheTimeout()
        {
            var stream = new EndlessStream();
            var handler = new ScriptedHandler(_ => new System.Net.Http.HttpResponseMessage(HttpStatusCode.OK) { Content = new System.Net.Http.StreamContent(stream) });
            using (var client = Client(handler, timeoutMs: 300))
            {
                var reply = await client.VerifyAsync(Device, DocumentRequest);
                Assert.Equal(ApiFailure.Timeout, reply.Failure);
            }
            Assert.True(stream.Disposed);
        }

        /// <summary>
        /// The response is disposed at the timeout from the timer's thread; an exception there would be unhandled and end
        /// the process (LogonUI). A stream whose disposal throws (as a broken connection's may) must not do that.
        /// </summary>
        [Fact]
        public async Task AResponseWhoseDisposalThrowsAtTheTimeoutIsStillJustATimeout()
        {
            var stream = new EndlessStream(throwOnDispose: true);
            var handler = new ScriptedHandler(_ => new System.Net.Http.HttpResponseMessage(HttpStatusCode.OK) { Content = new System.Net.Http.StreamContent(stream) });
            using (var client = Client(handler, timeoutMs: 300))
            {
                var reply = await client.VerifyAsync(Device, DocumentRequest);
                Assert.Equal(ApiFailure.Timeout, reply.Failure);
            }
            Assert.True(stream.Disposed);
        }

        private sealed class EndlessStream : Stream
        {
            private readonly TaskCompletionSource<int> _disposed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            private readonly bool _throwOnDispose;

            public EndlessStream(bool throwOnDispose = false)
            {
                _throwOnDispose = throwOnDispose;
            }

            public bool Disposed => _disposed.Task.IsCompleted;
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => 0; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();
            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken)
            {
                await _disposed.Task;
                throw new ObjectDisposedException(nameof(EndlessStream));
            }
            public override System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default) =>
                new System.Threading.Tasks.ValueTask<int>(ReadAsync(new byte[buffer.Length], 0, buffer.Length, cancellationToken));
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            protected override void Dispose(bool disposing)
            {
                _disposed.TrySetResult(0);
                base.Dispose(disposing);
                if (_throwOnDispose) throw new IOException("the connection broke while it was being closed");
            }
        }

        [Fact]
        public async Task ARefusedConnectionIsANetworkFailure()
        {
            var harness = new WinOtpHarness();
            var device = harness.Register();
            harness.Api.Mode = FakeApiMode.Down;
            using (var client = harness.Client())
                Assert.Equal(ApiFailure.Network, (await client.VerifyAsync(device, new VerifyRequest(WinOtpHarness.Upn, "123456", LogonScenario.Rdp, "PC1"))).Failure);
        }

        [Fact]
        public async Task RegistrationSendsTheBootstrapOnceAndReadsTheKey()
        {
            var key = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());
            var handler = new ScriptedHandler(_ => ScriptedHandler.Reply(200, "{\"deviceId\":\"dev_42-a\",\"deviceKey\":\"" + key + "\",\"serverTime\":1764500000}"));
            using (var client = Client(handler))
            {
                var reply = await client.RegisterAsync("bootstrap-3f9c1d77a2", "PC1", "S-1-5-21-1");
                Assert.Equal("dev_42-a", reply.Answer!.Device.DeviceId);
                Assert.Equal(Enumerable.Repeat((byte)7, 32), reply.Answer.Device.Key);
            }
            Assert.Equal("/api/securemfaotp/v1/devices/register", handler.Last!.Uri.AbsolutePath);
            Assert.Equal("bootstrap-3f9c1d77a2", handler.Last.Headers[ApiHeaders.Bootstrap]);
            Assert.Equal("{\"machine\":\"PC1\",\"machineSid\":\"S-1-5-21-1\"}", handler.Last.BodyText);
            Assert.False(handler.Last.Headers.ContainsKey(ApiHeaders.Signature));
        }

        [Theory]
        [InlineData(401, "{\"error\":\"bad_bootstrap\",\"message\":\"m\"}", "Refused", "bad_bootstrap")]
        [InlineData(403, "{\"error\":\"registration_closed\",\"message\":\"m\"}", "Refused", "registration_closed")]
        [InlineData(200, "{\"deviceId\":\"dev 1\",\"deviceKey\":\"AAAA\",\"serverTime\":1}", "Unreachable", null)]
        [InlineData(200, "{\"deviceId\":\"dev1\",\"deviceKey\":\"AAECAwQ=\",\"serverTime\":1}", "Unreachable", null)]
        public async Task BadRegistrationsAreNotStored(int status, string body, string kind, string? code)
        {
            var handler = new ScriptedHandler(_ => ScriptedHandler.Reply(status, body));
            using (var client = Client(handler))
            {
                var reply = await client.RegisterAsync("wrong", "PC1", "");
                Assert.Equal(kind, reply.Kind.ToString());
                Assert.Equal(code, reply.ErrorCode);
                Assert.Null(reply.Answer);
            }
        }

        [Fact]
        public void TheProductionHandlerFollowsNoRedirectAndUsesNoProxyUnlessConfigured()
        {
            var settings = new WinOtpSettings("adatum.labnet", ApiEndpoint.Parse(FakeWebApi.Endpoint));
            using (var handler = ApiHttpHandler.Create(settings))
            {
                Assert.False(handler.AllowAutoRedirect);
                Assert.False(handler.UseProxy);
                Assert.False(handler.UseCookies);
            }
            settings.ProxyEnabled = true;
            settings.ProxyServer = "proxy.adatum.labnet";
            settings.ProxyPort = 3128;
            using (var handler = ApiHttpHandler.Create(settings))
            {
                Assert.True(handler.UseProxy);
                Assert.Equal(new Uri("http://proxy.adatum.labnet:3128/"), handler.Proxy!.GetProxy(new Uri(FakeWebApi.Endpoint)));
                Assert.False(handler.Proxy.IsBypassed(new Uri("https://127.0.0.1/")));
            }
        }

        /// <summary>A real socket as the proxy: the HTTPS request must arrive there as a CONNECT to the API's host.</summary>
        [Fact]
        public async Task TheConfiguredProxyCarriesTheRequest()
        {
            var proxy = new TcpListener(IPAddress.Loopback, 0);
            proxy.Start();
            var port = ((IPEndPoint)proxy.LocalEndpoint).Port;
            var firstLine = ReadFirstLineAndRefuseTheTunnel(proxy);

            var settings = new WinOtpSettings("adatum.labnet", ApiEndpoint.Parse(FakeWebApi.Endpoint)) { ProxyEnabled = true, ProxyServer = "127.0.0.1", ProxyPort = port };
            using (var client = new WebApiClient(settings.ApiEndpoint, ApiHttpHandler.Create(settings), TimeSpan.FromSeconds(10), VariableClock.AtDocumentTime()))
            {
                var reply = await client.VerifyAsync(Device, DocumentRequest);
                Assert.Equal(ApiReplyKind.Unreachable, reply.Kind);
            }
            Assert.Equal("CONNECT awebapi.adatum.labnet:443 HTTP/1.1", await firstLine);
            proxy.Stop();
        }

        [Fact]
        public async Task WithoutAProxyTheRequestGoesStraightToTheEndpoint()
        {
            var server = new TcpListener(IPAddress.Loopback, 0);
            server.Start();
            var port = ((IPEndPoint)server.LocalEndpoint).Port;
            var firstLine = ReadFirstLineAndClose(server);

            var settings = new WinOtpSettings("adatum.labnet", ApiEndpoint.Parse("http://127.0.0.1:" + port + "/api/securemfaotp"));
            using (var client = new WebApiClient(settings.ApiEndpoint, ApiHttpHandler.Create(settings), TimeSpan.FromSeconds(10), VariableClock.AtDocumentTime()))
                Assert.Equal(ApiReplyKind.Unreachable, (await client.VerifyAsync(Device, DocumentRequest)).Kind);
            Assert.Equal("POST /api/securemfaotp/v1/otp/verify HTTP/1.1", await firstLine);
            server.Stop();
        }

        /// <summary>
        /// A proxy that cannot reach the API: it answers the CONNECT with 502. (Closed without an answer, the client
        /// tries again on a new connection, which nobody accepts, and the request waits for its whole timeout.)
        /// </summary>
        private static async Task<string> ReadFirstLineAndRefuseTheTunnel(TcpListener listener)
        {
            using (var socket = await listener.AcceptTcpClientAsync())
            {
                var stream = socket.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                var firstLine = (await reader.ReadLineAsync())!;
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync())) { } // the rest of the request head
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                return firstLine;
            }
        }

        private static async Task<string> ReadFirstLineAndClose(TcpListener listener)
        {
            using (var socket = await listener.AcceptTcpClientAsync())
            using (var reader = new StreamReader(socket.GetStream(), Encoding.ASCII))
                return (await reader.ReadLineAsync())!;
        }

        [Theory]
        [InlineData("https://awebapi.adatum.labnet/api/securemfaotp", "https://awebapi.adatum.labnet/api/securemfaotp/v1/otp/verify")]
        [InlineData("https://awebapi.adatum.labnet/api/securemfaotp/", "https://awebapi.adatum.labnet/api/securemfaotp/v1/otp/verify")]
        [InlineData("https://awebapi.adatum.labnet:8443", "https://awebapi.adatum.labnet:8443/v1/otp/verify")]
        [InlineData("http://127.0.0.1:5081/api/securemfaotp", "http://127.0.0.1:5081/api/securemfaotp/v1/otp/verify")]
        public void EndpointsResolvePaths(string endpoint, string resolved)
        {
            Assert.Equal(resolved, ApiEndpoint.Parse(endpoint).Resolve(ApiWords.Paths.Verify).AbsoluteUri);
        }

        [Theory]
        [InlineData("http://awebapi.adatum.labnet/api/securemfaotp", "uses http://")]
        [InlineData("http://10.0.0.5/api", "uses http://")]
        [InlineData("https://user@awebapi/api", "must not carry")]
        [InlineData("api/securemfaotp", "is not an http(s) URL")]
        [InlineData("", "api_endpoint is not set")]
        public void NonHttpsEndpointsAreRefusedWithAClearMessage(string endpoint, string message)
        {
            var error = Assert.Throws<FormatException>(() => ApiEndpoint.Parse(endpoint));
            Assert.Contains(message, error.Message);
        }
    }
}
