using System;
using System.Collections.Generic;
using System.IO;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Security;
using SecureMFA.Core.SignIn;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>
    /// On every store: a WEB API request whose wrong code was counted is not counted again when it comes back to another
    /// server (another OtpSignIn on the same store, with nothing in memory), and a new request is.
    /// </summary>
    public class RepeatedRequestContractTests
    {
        public static IEnumerable<object[]> Kinds() => StoreUnderTest.Kinds();

        [Theory, MemberData(nameof(Kinds))]
        public void ARequestWhoseFailureWasCountedCountsOnceOnEveryServer(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var protector = new PlainSecretProtector();
            var key = SharedSecret.NewKey();
            var upn = s.NewUpn();
            s.Store.Create(new NewOtpUser(upn, protector.Protect(upn, key), TotpParameters.Default));
            var now = DateTime.UtcNow;
            var config = ConfigurationLoader.LoadOrThrow("{\"ui_login_failures\": \"5\", \"ui_lockout_minutes\": \"5\"}");
            OtpSignIn Server(DateTime clock) => new OtpSignIn(config, s.Store, protector, new TextEventSink(TextWriter.Null), new VariableClock(clock));
            var wrong = TotpGenerator.Compute(key, TotpParameters.Default, now.AddHours(-5)) == "000000" ? "000001" : "000000";
            const string agent = "SecureMFA WIN OTP WEB API rdp on PC1, device d1";

            var first = Server(now).Verify(upn, wrong, null, agent, "EBESExQVFhcYGRobHB0eHw==");
            Assert.Equal((VerifyOutcome.WrongCode, 4), (first.Outcome, first.AttemptsLeft));
            Assert.Equal(agent + ", request EBESExQVFhcYGRobHB0eHw==", s.Store.Find(upn)!.UserAgent);

            // The same request at a second server, 200 s later, even with a code that is right by then: refused, not counted.
            var later = now.AddSeconds(200);
            var repeat = Server(later).Verify(upn, TotpGenerator.Compute(key, TotpParameters.Default, later), null, agent, "EBESExQVFhcYGRobHB0eHw==");
            Assert.Equal((VerifyOutcome.WrongCode, 4), (repeat.Outcome, repeat.AttemptsLeft));
            Assert.Equal(1, s.Store.Find(upn)!.FailedLogonCount);

            var other = Server(later).Verify(upn, wrong, null, agent, "ICEiIyQlJicoKSorLC0uLw==");
            Assert.Equal((VerifyOutcome.WrongCode, 3), (other.Outcome, other.AttemptsLeft));
            // Beyond the window (a request is stale after 300 s either side of its timestamp) nothing is remembered.
            var stale = Server(later.AddSeconds(601)).Verify(upn, wrong, null, agent, "ICEiIyQlJicoKSorLC0uLw==");
            Assert.Equal(3, s.Store.Find(upn)!.FailedLogonCount);
            Assert.Equal(VerifyOutcome.WrongCode, stale.Outcome);
            // Without a request id (AD FS) every wrong code counts, as ever.
            Server(later).Verify(upn, wrong, null, "AD FS", null);
            Server(later).Verify(upn, wrong, null, "AD FS", null);
            Assert.Equal(5, s.Store.Find(upn)!.FailedLogonCount);
        }

        [Theory, MemberData(nameof(Kinds))]
        public void TwoRequestsWithAnAgentLongerThanTheColumnStillCountTwice(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var protector = new PlainSecretProtector();
            var key = SharedSecret.NewKey();
            var upn = s.NewUpn();
            s.Store.Create(new NewOtpUser(upn, protector.Protect(upn, key), TotpParameters.Default));
            var now = DateTime.UtcNow;
            var config = ConfigurationLoader.LoadOrThrow("{\"ui_login_failures\": \"5\", \"ui_lockout_minutes\": \"5\"}");
            var server = new OtpSignIn(config, s.Store, protector, new TextEventSink(TextWriter.Null), new VariableClock(now));
            var wrong = TotpGenerator.Compute(key, TotpParameters.Default, now) == "000000" ? "000001" : "000000";
            // An agent filling the column: were the request id cut off, both requests would read as one and the second go uncounted.
            var agent = new string('a', LogonAttempt.MaxUserAgentLength);

            server.Verify(upn, wrong, null, agent, "EBESExQVFhcYGRobHB0eHw==");
            var second = server.Verify(upn, wrong, null, agent, "ICEiIyQlJicoKSorLC0uLw==");
            Assert.Equal((VerifyOutcome.WrongCode, 3), (second.Outcome, second.AttemptsLeft));
            var stored = s.Store.Find(upn)!;
            Assert.Equal(2, stored.FailedLogonCount);
            Assert.EndsWith(", request ICEiIyQlJicoKSorLC0uLw==", stored.UserAgent);
            Assert.Equal(LogonAttempt.MaxUserAgentLength, stored.UserAgent!.Length);
        }

        [Theory, MemberData(nameof(Kinds))]
        public void ARepeatOfAnAcceptedRequestIsAReplayNotAnUncountedReject(string kind)
        {
            using var s = StoreUnderTest.Open(kind);
            var protector = new PlainSecretProtector();
            var key = SharedSecret.NewKey();
            var upn = s.NewUpn();
            s.Store.Create(new NewOtpUser(upn, protector.Protect(upn, key), TotpParameters.Default));
            var now = DateTime.UtcNow;
            var config = ConfigurationLoader.LoadOrThrow("{\"ui_login_failures\": \"5\", \"ui_lockout_minutes\": \"5\"}");
            OtpSignIn Server(DateTime clock) => new OtpSignIn(config, s.Store, protector, new TextEventSink(TextWriter.Null), new VariableClock(clock));
            var wrong = TotpGenerator.Compute(key, TotpParameters.Default, now.AddHours(-5)) == "000000" ? "000001" : "000000";
            const string agent = "SecureMFA WIN OTP WEB API rdp on PC1, device d1";

            Assert.Equal(VerifyOutcome.WrongCode, Server(now).Verify(upn, wrong, null, agent, "EBESExQVFhcYGRobHB0eHw==").Outcome);
            var code = TotpGenerator.Compute(key, TotpParameters.Default, now.AddSeconds(1));
            Assert.Equal(VerifyOutcome.Success, Server(now.AddSeconds(1)).Verify(upn, code, null, agent, "ICEiIyQlJicoKSorLC0uLw==").Outcome);
            // The accepted request again, at another server: the step is used, so it is a replay, counted as such.
            Assert.Equal(VerifyOutcome.Replayed, Server(now.AddSeconds(2)).Verify(upn, code, null, agent, "ICEiIyQlJicoKSorLC0uLw==").Outcome);
            Assert.Equal(1, s.Store.Find(upn)!.FailedLogonCount);
        }
    }
}
