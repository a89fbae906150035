using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using SecureMFA.Otp.Time;
using SecureMFA.Testing;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// The fake WEB API the other tests sign in against answers as the real one (src/WebApi, started on 127.0.0.1) does,
    /// where the client's decisions depend on it. The same requests go to both; their answers must agree.
    /// </summary>
    public sealed class FakeWebApiContractTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "winotp-contract", Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
        }

        /// <summary>docs/webapi-protocol.md: a code of the wrong length is rejected with reason "malformed" and not counted, so no attemptsLeft.</summary>
        [Fact]
        public async Task AMalformedCodeIsRejectedUncountedWithoutAttemptsLeftByBothApis()
        {
            var clock = new VariableClock(DateTime.UtcNow);
            await using var real = await ApiWithAlice.Start(Path.Combine(_folder, "api"), clock);
            var realAnswers = await MalformedThenWrong(ApiEndpoint.Parse(real.Endpoint), new HttpClientHandler(), clock, ApiWithAlice.Bootstrap, () => ApiWithAlice.WrongCode(clock));

            var harness = new WinOtpHarness();
            var fakeAnswers = await MalformedThenWrong(ApiEndpoint.Parse(FakeWebApi.Endpoint), harness.Api, harness.Clock, harness.Api.Bootstrap,
                () => ((int.Parse(harness.Code()) + 500000) % 1000000).ToString("000000"));

            foreach (var answers in new[] { realAnswers, fakeAnswers })
            {
                Assert.Equal(VerifyResult.Reject, answers.Malformed.Result);
                Assert.Equal("malformed", answers.Malformed.Reason);
                Assert.Null(answers.Malformed.AttemptsLeft);
                // Not counted: the first wrong code after it leaves all but one attempt.
                Assert.Equal(VerifyResult.Reject, answers.Wrong.Result);
                Assert.Null(answers.Wrong.Reason);
            }
            Assert.Equal(realAnswers.Wrong.AttemptsLeft, fakeAnswers.Wrong.AttemptsLeft);
            Assert.Equal(4, fakeAnswers.Wrong.AttemptsLeft);
        }

        private static async Task<(VerifyAnswer Malformed, VerifyAnswer Wrong)> MalformedThenWrong(ApiEndpoint endpoint, HttpMessageHandler handler, IClock clock, string bootstrap, Func<string> wrongCode)
        {
            using var client = new WebApiClient(endpoint, handler, TimeSpan.FromSeconds(10), clock);
            var registration = await client.RegisterAsync(bootstrap, "PC1", "S-1-5-21-1-2-3");
            Assert.True(registration.Kind == ApiReplyKind.Answered, registration.Detail);
            var device = registration.Answer!.Device;
            var malformed = await client.VerifyAsync(device, new VerifyRequest(WinOtpHarness.Upn, "12345", LogonScenario.Rdp, "PC1"));
            Assert.True(malformed.Kind == ApiReplyKind.Answered, malformed.Detail);
            var wrong = await client.VerifyAsync(device, new VerifyRequest(WinOtpHarness.Upn, wrongCode(), LogonScenario.Rdp, "PC1"));
            Assert.True(wrong.Kind == ApiReplyKind.Answered, wrong.Detail);
            return (malformed.Answer!, wrong.Answer!);
        }
    }
}
