using System;
using System.Net;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Enrollment;
using SecureMFA.Core.Events;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.SignIn
{
    /// <summary>
    /// The second factor, independent of AD FS: which page a user gets, and what a submitted code does.
    /// Store and secret failures propagate (StoreUnavailableException, SecretUnreadableException) for the
    /// caller to turn into an error page.
    /// </summary>
    public sealed class OtpSignIn
    {
        private readonly ProviderConfiguration _config;
        private readonly IOtpUserStore _store;
        private readonly ISecretProtector _protector;
        private readonly IEventSink _events;
        private readonly Func<DateTime> _clock;
        private readonly TotpVerifier _verifier;

        public OtpSignIn(ProviderConfiguration config, IOtpUserStore store, ISecretProtector protector, IEventSink events, Func<DateTime> clock)
        {
            _config = config;
            _store = store;
            _protector = protector;
            _events = events;
            _clock = clock;
            _verifier = new TotpVerifier(config.DriftWindowSteps);
        }

        public BeginResult Begin(string upn, IPAddress? client)
        {
            var result = Decide(upn, client);
            if (_config.VerboseLog)
                _events.Write(OtpEventId.ProviderOk, EventLevel.Information, $"{upn} from {client}: {result.Kind} page.");
            return result;
        }

        private BeginResult Decide(string upn, IPAddress? client)
        {
            var user = _store.Find(upn);
            if (user != null && user.Disabled) return new BeginResult(BeginKind.Disabled);
            if (user != null && user.IsLockedAt(_clock())) return new BeginResult(BeginKind.Locked, lockedUntil: user.LockedUntil);
            if (user != null && user.Enrolled) return new BeginResult(BeginKind.Code);

            if (!_config.QrAllowedNetworks.Allows(client)) return new BeginResult(BeginKind.EnrolmentNotAllowed);
            return new BeginResult(BeginKind.Enrol, Enrolment(upn, user));
        }

        public VerifyOutcome Verify(string upn, string? code, IPAddress? client, string? userAgent)
        {
            var now = _clock();
            var user = _store.Find(upn);
            if (user == null) return VerifyOutcome.UnknownUser;
            if (user.Disabled) return VerifyOutcome.Disabled;
            if (user.IsLockedAt(now)) return VerifyOutcome.Locked;

            var attempt = new LogonAttempt(now, client?.ToString(), userAgent);
            var key = _protector.Unprotect(user.Upn, user.ProtectedSecret);
            var match = _verifier.Verify(key, code, user.Parameters, now);
            if (match != null)
            {
                var outcome = _store.RecordSuccess(user.Upn, match.TimeStep, attempt);
                switch (outcome)
                {
                    case SuccessOutcome.Accepted:
                        _events.Write(OtpEventId.OtpOk, EventLevel.Information,
                            $"OTP accepted for {user.Upn} from {attempt.ClientIp}" + (match.DriftSteps != 0 ? $"; the device clock is {match.DriftSteps * user.Parameters.PeriodSeconds:+#;-#} s off" : "") + ".");
                        return VerifyOutcome.Success;
                    case SuccessOutcome.Disabled: return VerifyOutcome.Disabled;
                    case SuccessOutcome.Locked: return VerifyOutcome.Locked;
                    case SuccessOutcome.NotFound: return VerifyOutcome.UnknownUser;
                }
                return Fail(user.Upn, code, attempt, VerifyOutcome.Replayed, "a code that was already used");
            }
            return Fail(user.Upn, code, attempt, VerifyOutcome.WrongCode, "a wrong or malformed code");
        }

        private VerifyOutcome Fail(string upn, string? code, LogonAttempt attempt, VerifyOutcome outcome, string what)
        {
            var after = _store.RecordFailure(upn, Sanitize(code), attempt, _config.Lockout);
            if (after == null) return VerifyOutcome.UnknownUser;
            var locked = after.IsLockedAt(attempt.UtcNow);
            _events.Write(OtpEventId.OtpFailed, EventLevel.Warning,
                $"OTP refused for {upn} from {attempt.ClientIp}: {what}; {after.FailedLogonCount} consecutive failure(s)" + (locked ? $"; locked until {after.LockedUntil:u}." : "."));
            return locked ? VerifyOutcome.Locked : outcome;
        }

        /// <summary>The unconfirmed user's existing secret (so a scanned QR stays valid), or a new user with a new one.</summary>
        private EnrollmentMaterial Enrolment(string upn, OtpUser? user)
        {
            if (user == null)
            {
                var key = SharedSecret.NewKey();
                var created = new NewOtpUser(upn, _protector.Protect(UpnKey.Normalize(upn), key), _config.EnrollmentParameters);
                if (_store.Create(created)) return EnrollmentMaterial.Create(_config, UpnKey.Normalize(upn), key, created.Parameters);
                // Another farm node enrolled this user a moment ago: show the secret it stored.
                user = _store.Find(upn) ?? throw new StoreUnavailableException($"{upn} could neither be created nor found.");
            }
            return EnrollmentMaterial.Create(_config, user.Upn, _protector.Unprotect(user.Upn, user.ProtectedSecret), user.Parameters);
        }

        /// <summary>Only digits and spaces of what was typed are stored, so a pasted password or markup is never kept.</summary>
        private static string Sanitize(string? code)
        {
            if (code == null) return "";
            var digits = new System.Text.StringBuilder();
            foreach (var c in code)
                if ((c >= '0' && c <= '9') || c == ' ') digits.Append(c);
            return LogonAttempt.Truncate(digits.ToString().Trim(), LogonAttempt.MaxCodeLength) ?? "";
        }
    }
}
