using System;
using System.IO;
using System.Text;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Events;
using SecureMFA.Core.Security;
using SecureMFA.Core.SignIn;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Stores.Sql;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>What one submitted code does, on a real SQLite store: counting, masking, hints, and format upgrades.</summary>
    public class OtpSignInTests
    {
        private const string Passphrase = "Correct-Horse-Battery-Staple-9";
        private static readonly DateTime Now = new DateTime(2026, 11, 30, 10, 0, 10, DateTimeKind.Utc);
        private readonly SqlOtpUserStore _store = SqliteStoreFactory.Open(Path.Combine(Path.GetTempPath(), "securemfa-tests", Guid.NewGuid().ToString("N"), "otp.db"));
        private readonly ISecretProtector _protector;
        private readonly byte[] _key = SharedSecret.NewKey();
        private readonly VariableClock _clock = new VariableClock(Now);

        public OtpSignInTests() => _protector = new EncryptedSecretProtector(Passphrase, () => KeyDerivationSalt.From(_store));

        private OtpSignIn SignIn(IEventSink? events = null) => new OtpSignIn(
            ConfigurationLoader.LoadOrThrow("{\"ui_login_failures\": \"3\", \"ui_lockout_minutes\": \"10\"}"),
            _store, _protector, events ?? new TextEventSink(TextWriter.Null), _clock);

        private string Enrol(string upn)
        {
            _store.Create(new NewOtpUser(upn, _protector.Protect(upn, _key), TotpParameters.Default));
            return upn;
        }

        private string CodeAt(DateTime time) => TotpGenerator.Compute(_key, TotpParameters.Default, time);

        [Fact]
        public void AWrongCodeIsCountedAndStoredMaskedWithTheAttemptsLeft()
        {
            var upn = Enrol("mask@adatum.labnet");
            var wrong = CodeAt(Now.AddHours(1));
            var first = SignIn().Verify(upn, wrong, null, "test");
            Assert.Equal(VerifyOutcome.WrongCode, first.Outcome);
            Assert.Equal(2, first.AttemptsLeft);
            var user = _store.Find(upn)!;
            Assert.Equal(wrong[0] + "*****", user.FailedCode);
            Assert.DoesNotContain(wrong.Substring(1), user.FailedCode);

            Assert.Equal(1, SignIn().Verify(upn, "000000" == wrong ? "111111" : "000000", null, "test").AttemptsLeft);
            var locked = SignIn().Verify(upn, wrong, null, "test");
            Assert.Equal(VerifyOutcome.Locked, locked.Outcome);
            Assert.Equal(Now.AddMinutes(10), locked.LockedUntil!.Value, TimeSpan.FromSeconds(1));
        }

        [Theory]
        [InlineData("12345")]
        [InlineData("1234567")]
        [InlineData("12a456")]
        [InlineData("password")]
        [InlineData("")]
        public void AMalformedCodeIsNotAnAttempt(string typed)
        {
            var upn = Enrol("malformed" + Guid.NewGuid().ToString("N").Substring(0, 6) + "@adatum.labnet");
            var result = SignIn().Verify(upn, typed, null, "test");
            Assert.Equal(VerifyOutcome.Malformed, result.Outcome);
            Assert.Equal(6, result.Digits);
            Assert.Equal(0, _store.Find(upn)!.FailedLogonCount);
        }

        [Fact]
        public void ACodeFromAPhoneWhoseClockIsBehindSaysByHowMuchAndCounts()
        {
            var upn = Enrol("drift@adatum.labnet");
            var events = new StringWriter();
            var result = SignIn(new TextEventSink(events)).Verify(upn, CodeAt(Now.AddMinutes(-3)), null, "test");
            Assert.Equal(VerifyOutcome.ClockDrift, result.Outcome);
            Assert.Equal(-180, result.DriftSeconds);
            Assert.Equal(1, _store.Find(upn)!.FailedLogonCount);
            Assert.Contains("about 3 min behind", events.ToString());
            Assert.Equal(VerifyOutcome.WrongCode, SignIn().Verify(upn, CodeAt(Now.AddHours(-2)), null, "test").Outcome);
        }

        [Theory]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(5)]
        public void ACodeOfAStepToComeIsAPlainWrongCodeSoNoGuessIsConfirmed(int minutes)
        {
            var upn = Enrol("future" + minutes + "@adatum.labnet");
            var events = new StringWriter();
            var result = SignIn(new TextEventSink(events)).Verify(upn, CodeAt(Now.AddMinutes(minutes)), null, "test");
            Assert.Equal(VerifyOutcome.WrongCode, result.Outcome);
            Assert.Null(result.DriftSeconds);
            Assert.Equal(1, _store.Find(upn)!.FailedLogonCount);
            Assert.DoesNotContain("ahead", events.ToString());
        }

        [Fact]
        public void ASecretOfTheV1KeyFormatIsRewrittenInV2AtTheNextSuccess()
        {
            const string upn = "alice@adatum.labnet";
            // Written by release 1.0 for alice under Passphrase: the RFC 6238 SHA1 key.
            _store.Create(new NewOtpUser(upn, "v1:H3ZtfPHu3+cnxNobUL2mXqYtizI2/1zK/V6+/Ek5P7ox+stq5r34/wDZEYai1/HDfA278eFyMAsk20b0Y/a+o2UxcmospNXtFN33Xi9MnuU=", TotpParameters.Default));
            var code = TotpGenerator.Compute(Encoding.ASCII.GetBytes("12345678901234567890"), TotpParameters.Default, Now);
            Assert.Equal(VerifyOutcome.Success, SignIn().Verify(upn, code, null, "test").Outcome);
            var stored = _store.Find(upn)!.ProtectedSecret;
            Assert.StartsWith("v2:", stored);
            Assert.Equal(Encoding.ASCII.GetBytes("12345678901234567890"), _protector.Unprotect(upn, stored));
        }

        [Fact]
        public void AnEventLogThatFailsDoesNotTurnAnAcceptedCodeIntoAnError()
        {
            var upn = Enrol("eventlog@adatum.labnet");
            var result = SignIn(new FailingSink()).Verify(upn, CodeAt(Now), null, "test");
            Assert.Equal(VerifyOutcome.Success, result.Outcome);
        }

        [Fact]
        public void APlantedPlaintextSecretIsRefusedNamingTheUserNotTheSecret()
        {
            var upn = "planted@adatum.labnet";
            var planted = SharedSecret.ToBase32(_key);
            _store.Create(new NewOtpUser(upn, planted, TotpParameters.Default));
            var ex = Assert.Throws<SecretUnreadableException>(() => SignIn().Verify(upn, CodeAt(Now), null, "test"));
            Assert.Contains(upn, ex.Message);
            Assert.DoesNotContain(planted, ex.Message);
            Assert.Equal(0, _store.Find(upn)!.LogonCount);
        }

        private sealed class FailingSink : IEventSink
        {
            public void Write(OtpEventId id, EventLevel level, string message) => throw new IOException("The event log is full.");
        }
    }
}
