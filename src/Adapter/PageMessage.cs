using System;
using System.Globalization;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.SignIn;

namespace SecureMFA.Adapter
{
    /// <summary>
    /// The line above the form after a code was refused: what happened and what to do now, with the attempts left
    /// before the lockout when a failure counted. Plain text: the page encodes it.
    /// </summary>
    public static class PageMessage
    {
        /// <summary>The message for a refused attempt, or null when there is nothing to say (no attempt, or a page of its own).</summary>
        public static string? For(VerifyResult? attempt, PageText text, LockoutPolicy lockout)
        {
            if (attempt == null) return null;
            switch (attempt.Outcome)
            {
                case VerifyOutcome.Malformed:
                    // Not counted by the sign-in: no attempts are mentioned.
                    return attempt.RecoveryCode ? text.MalformedRecovery : Format(text.Malformed, attempt.Digits);
                case VerifyOutcome.WrongCode:
                    return Sentences(attempt.RecoveryCode ? text.WrongRecoveryCode : text.WrongCode, Attempts(attempt, text, lockout) ?? text.TryAgainSentence);
                case VerifyOutcome.ClockDrift:
                    var minutes = Math.Max(1, (int)Math.Round(Math.Abs(attempt.DriftSeconds ?? 60) / 60.0));
                    return Sentences(Format(text.ClockDrift, text.Duration(minutes)), Attempts(attempt, text, lockout));
                case VerifyOutcome.Replayed:
                    return Sentences(text.Replayed, Attempts(attempt, text, lockout));
                default:
                    return null;
            }
        }

        /// <summary>"You have 3 attempts left…", "You have one attempt left…", or null when lockout is off.</summary>
        private static string? Attempts(VerifyResult attempt, PageText text, LockoutPolicy lockout)
        {
            if (!lockout.IsEnabled || !(attempt.AttemptsLeft is int left) || left < 1) return null;
            var duration = text.Duration((int)Math.Ceiling(lockout.Duration.TotalMinutes));
            return left == 1 ? Format(text.LastAttempt, duration) : Format(text.AttemptsLeft, left, duration);
        }

        private static string Sentences(string first, string? second) => second == null ? first : first + " " + second;

        private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
    }
}
