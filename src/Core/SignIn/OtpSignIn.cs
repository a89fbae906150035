using System;
using System.Net;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Enrollment;
using SecureMFA.Core.Events;
using SecureMFA.Core.Recovery;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using SecureMFA.Core.Totp;
using SecureMFA.Otp.Identity;
using SecureMFA.Otp.Time;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.SignIn
{
    /// <summary>
    /// The second factor, independent of AD FS: which page a user gets, and what a submitted code does. The AD FS
    /// adapter and the WEB API both go through it, so replay and lockout are one state for both. Store and secret
    /// failures propagate (StoreUnavailableException, SecretUnreadableException) for the caller to turn into a page.
    /// </summary>
    public sealed class OtpSignIn
    {
        /// <summary>
        /// How far behind the drift window a code is still recognised, to tell the user their phone's clock is slow. A
        /// code of a step to come is a plain wrong code: confirming it would tell a guesser which guess becomes valid later.
        /// </summary>
        public const int ClockHintSteps = 10;

        private readonly ProviderConfiguration _config;
        private readonly IOtpUserStore _store;
        private readonly ISecretProtector _protector;
        private readonly IEventSink _events;
        private readonly IClock _clock;
        private readonly TotpVerifier _verifier;

        public OtpSignIn(ProviderConfiguration config, IOtpUserStore store, ISecretProtector protector, IEventSink events, IClock clock)
        {
            _config = config;
            _store = store;
            _protector = protector;
            _events = EventSinks.Guarded(events);
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
            var digits = (user?.Parameters ?? _config.EnrollmentParameters).Digits;
            if (user != null && user.Disabled) return new BeginResult(BeginKind.Disabled, digits: digits);
            if (user != null && user.IsLockedAt(_clock.UtcNow)) return new BeginResult(BeginKind.Locked, lockedUntil: user.LockedUntil, digits: digits);
            if (user != null && user.Enrolled) return new BeginResult(BeginKind.Code, digits: digits);

            if (!_config.QrAllowedNetworks.Allows(client)) return new BeginResult(BeginKind.EnrolmentNotAllowed, digits: digits);
            return Enrolment(upn, user);
        }

        /// <param name="requestId">
        /// The WEB API's signed request (its nonce), recorded with the attempt. A repeat of the request whose failure was
        /// counted last, within <see cref="RepeatedRequestWindow"/>, is refused without being checked or counted again: a
        /// captured request replayed on another server, or after a restart, moves the lockout counter once only.
        /// </param>
        public VerifyResult Verify(string upn, string? code, IPAddress? client, string? userAgent, string? requestId = null)
        {
            var now = _clock.UtcNow;
            var user = _store.Find(upn);
            var refused = Refusal(user, now);
            if (refused != null) return refused;
            var parameters = user!.Parameters;
            if (TypedCode.Digits(code, parameters.Digits) == null) return new VerifyResult(VerifyOutcome.Malformed, parameters.Digits);

            // The request id goes last and is never cut: the agent is shortened to leave room for it, or two long-agent
            // requests would read as one and the second go uncounted.
            if (requestId != null)
            {
                var suffix = $", request {requestId}";
                userAgent = LogonAttempt.Truncate(userAgent, Math.Max(0, LogonAttempt.MaxUserAgentLength - suffix.Length)) + suffix;
            }
            var attempt = new LogonAttempt(now, client?.ToString(), userAgent);
            if (requestId != null && IsLastCountedFailure(user, attempt))
            {
                _events.Write(OtpEventId.OtpFailed, EventLevel.Warning,
                    $"OTP refused for {user.Upn} from {attempt.ClientIp}: a repeat of request {requestId}, whose failure was already counted (not counted again).");
                return new VerifyResult(VerifyOutcome.WrongCode, parameters.Digits, AttemptsLeft(user));
            }
            var key = _protector.Unprotect(user.Upn, user.ProtectedSecret);
            var match = _verifier.Verify(key, code, parameters, now);
            if (match == null)
            {
                var drift = _verifier.FindPastDrift(key, code, parameters, now, ClockHintSteps);
                var driftSeconds = drift * parameters.PeriodSeconds;
                return Fail(user, _store.RecordFailure(user.Upn, Mask(code), attempt, _config.Lockout), attempt,
                    drift.HasValue ? VerifyOutcome.ClockDrift : VerifyOutcome.WrongCode, driftSeconds,
                    drift.HasValue ? $"a code from {Describe(driftSeconds!.Value)}: the device's clock is off" : "a wrong code");
            }

            var stepStart = match.TimeStep * parameters.PeriodSeconds;
            var matchedDrift = match.DriftSteps * parameters.PeriodSeconds;
            switch (_store.RecordSuccess(user.Upn, stepStart, attempt))
            {
                case SuccessOutcome.Accepted:
                    UpgradeSecretFormat(user, key);
                    _events.Write(OtpEventId.OtpOk, EventLevel.Information,
                        $"OTP accepted for {user.Upn} from {attempt.ClientIp}" + (matchedDrift != 0 ? $"; the device clock is {matchedDrift:+#;-#} s off" : "") + ".");
                    return new VerifyResult(VerifyOutcome.Success, parameters.Digits, driftSeconds: matchedDrift, acceptedStep: match.TimeStep);
                case SuccessOutcome.Replayed:
                    return Fail(user, _store.RecordReplay(user.Upn, stepStart, Mask(code), attempt, _config.Lockout), attempt,
                        VerifyOutcome.Replayed, null, "a code that was already used (counted once per time step)");
                default:
                    return Refusal(_store.Find(upn), now) ?? new VerifyResult(VerifyOutcome.UnknownUser, parameters.Digits);
            }
        }

        /// <summary>A one-time recovery code instead of a TOTP code; each works once, and a wrong one counts like a wrong code.</summary>
        public VerifyResult VerifyRecoveryCode(string upn, string? typed, IPAddress? client, string? userAgent)
        {
            var now = _clock.UtcNow;
            var user = _store.Find(upn);
            var refused = Refusal(user, now);
            if (refused != null) return refused;
            var digits = user!.Parameters.Digits;
            var code = RecoveryCode.Normalize(typed);
            if (code == null) return new VerifyResult(VerifyOutcome.Malformed, digits, recoveryCode: true);

            var attempt = new LogonAttempt(now, client?.ToString(), userAgent);
            switch (_store.UseRecoveryCode(user.Upn, RecoveryCode.Hash(user.Upn, code), attempt))
            {
                case RecoveryCodeOutcome.Accepted:
                    var left = Math.Max(0, user.RecoveryCodesLeft - 1);
                    _events.Write(OtpEventId.OtpOk, EventLevel.Warning, $"Recovery code accepted for {user.Upn} from {attempt.ClientIp}; {left} left.");
                    return new VerifyResult(VerifyOutcome.Success, digits, recoveryCode: true, recoveryCodesLeft: left);
                case RecoveryCodeOutcome.NoSuchCode:
                    var after = _store.RecordFailure(user.Upn, "R" + new string('*', RecoveryCode.Length - 1), attempt, _config.Lockout);
                    return Fail(user, after, attempt, VerifyOutcome.WrongCode, null, "a wrong or used recovery code", recoveryCode: true);
                default:
                    return Refusal(_store.Find(upn), now) ?? new VerifyResult(VerifyOutcome.UnknownUser, digits);
            }
        }

        /// <summary>
        /// A signed request is taken within 300 s either side of its timestamp (docs/webapi-protocol.md, section 3), so
        /// a repeat of it arrives within 600 s of the first.
        /// </summary>
        public static readonly TimeSpan RepeatedRequestWindow = TimeSpan.FromSeconds(600);

        /// <summary>
        /// Whether the user's last recorded attempt is this very request (the agent names it), was a failure (no success
        /// since: a success writes the agent too) and is recent.
        /// </summary>
        private static bool IsLastCountedFailure(OtpUser user, LogonAttempt attempt) =>
            user.FailedLastLogon.HasValue && attempt.UtcNow - user.FailedLastLogon.Value <= RepeatedRequestWindow &&
            (!user.LastLogon.HasValue || user.LastLogon.Value <= user.FailedLastLogon.Value) &&
            string.Equals(user.UserAgent, attempt.UserAgent, StringComparison.Ordinal);

        private int? AttemptsLeft(OtpUser user) => _config.Lockout.AttemptsLeft(user.FailedLogonCount);

        /// <summary>Why a user cannot submit a code at all now, or null if they can.</summary>
        private static VerifyResult? Refusal(OtpUser? user, DateTime now)
        {
            if (user == null) return new VerifyResult(VerifyOutcome.UnknownUser, TotpParameters.Default.Digits);
            if (user.Disabled) return new VerifyResult(VerifyOutcome.Disabled, user.Parameters.Digits);
            if (user.IsLockedAt(now)) return new VerifyResult(VerifyOutcome.Locked, user.Parameters.Digits, 0, user.LockedUntil);
            return null;
        }

        private VerifyResult Fail(OtpUser before, OtpUser? after, LogonAttempt attempt, VerifyOutcome outcome, int? driftSeconds, string what, bool recoveryCode = false)
        {
            if (after == null) return new VerifyResult(VerifyOutcome.UnknownUser, before.Parameters.Digits, recoveryCode: recoveryCode);
            var locked = after.IsLockedAt(attempt.UtcNow);
            var left = AttemptsLeft(after);
            _events.Write(OtpEventId.OtpFailed, EventLevel.Warning,
                $"OTP refused for {before.Upn} from {attempt.ClientIp}: {what}; {after.FailedLogonCount} consecutive failure(s)" +
                (locked ? $"; locked until {after.LockedUntil:u}." : "."));
            return locked
                ? new VerifyResult(VerifyOutcome.Locked, before.Parameters.Digits, 0, after.LockedUntil, recoveryCode: recoveryCode)
                : new VerifyResult(outcome, before.Parameters.Digits, left, null, driftSeconds, recoveryCode: recoveryCode);
        }

        /// <summary>After a success, a secret in an older format (key format v1) is rewritten in the current one; a concurrent reset wins.</summary>
        /// <param name="secret">The secret the code was just checked with.</param>
        private void UpgradeSecretFormat(OtpUser user, byte[] secret)
        {
            if (_protector.IsCurrentFormat(user.ProtectedSecret)) return;
            try
            {
                var upgraded = _protector.Protect(user.Upn, secret);
                _store.ReplaceSecret(user.Upn, user.ProtectedSecret, upgraded);
            }
            catch (StoreUnavailableException ex)
            {
                _events.Write(OtpEventId.ProviderFailed, EventLevel.Warning, $"The secret of {user.Upn} stays in its older format for now: {ex.Message}");
            }
        }

        /// <summary>The unconfirmed user's existing secret (so a scanned QR stays valid), or a new user with a new one.</summary>
        private BeginResult Enrolment(string upn, OtpUser? user)
        {
            if (user == null)
            {
                var key = SharedSecret.NewKey();
                var created = new NewOtpUser(upn, _protector.Protect(Upn.Normalize(upn), key), _config.EnrollmentParameters);
                if (_store.Create(created))
                    return new BeginResult(BeginKind.Enrol, EnrollmentMaterial.Create(_config, Upn.Normalize(upn), key, created.Parameters), digits: created.Parameters.Digits);
                // Another farm node enrolled this user a moment ago: show the secret it stored.
                user = _store.Find(upn) ?? throw new StoreUnavailableException($"{upn} could neither be created nor found.");
            }
            var material = EnrollmentMaterial.Create(_config, user.Upn, _protector.Unprotect(user.Upn, user.ProtectedSecret), user.Parameters);
            return new BeginResult(BeginKind.Enrol, material, digits: user.Parameters.Digits);
        }

        /// <summary>
        /// What support sees of a failed code (failedcode): its length and first digit, never the whole code, which
        /// may be the next valid one or a mistyped password.
        /// </summary>
        public static string Mask(string? code)
        {
            var digits = new System.Text.StringBuilder();
            foreach (var c in code ?? "")
                if (c >= '0' && c <= '9') digits.Append(c);
            if (digits.Length == 0) return "";
            var length = Math.Min(digits.Length, LogonAttempt.MaxCodeLength);
            return digits[0] + new string('*', length - 1);
        }

        private static string Describe(int seconds) =>
            Math.Abs(seconds) < 90 ? $"{Math.Abs(seconds)} s " + (seconds > 0 ? "ahead" : "behind")
                : $"about {Math.Round(Math.Abs(seconds) / 60.0)} min " + (seconds > 0 ? "ahead" : "behind");
    }
}
