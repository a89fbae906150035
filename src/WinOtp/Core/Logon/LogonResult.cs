using System;

namespace SecureMFA.WinOtp.Logon
{
    /// <summary>
    /// The answer for the tile: whether the credentials may go to Windows, and one message to show. Holds no code,
    /// secret or password that a caller can read, except <see cref="OfflineEnrolment"/>: this computer's offline secret,
    /// set only once both factors were proven (after Windows accepted the password, or a sync with a code).
    /// </summary>
    public sealed class LogonResult
    {
        internal LogonResult(LogonOutcome outcome, string message, string upn = "")
        {
            Outcome = outcome;
            Message = message;
            Upn = upn;
        }

        public LogonOutcome Outcome { get; }

        /// <summary>True only for NotRequired, Accepted, AcceptedOffline, AllowedNotEnrolled and ReportOnly.</summary>
        public bool MayProceed => Outcome == LogonOutcome.NotRequired || Outcome == LogonOutcome.Accepted || Outcome == LogonOutcome.AcceptedOffline ||
            Outcome == LogonOutcome.AllowedNotEnrolled || Outcome == LogonOutcome.ReportOnly;

        /// <summary>With AllowedNotEnrolled under a grace: when the password alone stops being enough.</summary>
        public DateTime? EnrolBy { get; internal set; }

        /// <summary>For the tile, in its language (<see cref="LogonCoordinator.Text"/>), without secrets.</summary>
        public string Message { get; }

        /// <summary>The OTP identity the name resolved to, or empty.</summary>
        public string Upn { get; }
        public DateTime? LockedUntil { get; internal set; }
        public int? AttemptsLeft { get; internal set; }
        /// <summary>How long offline sign-in stays possible, when known (after a sync or an offline sign-in).</summary>
        public DateTime? OfflineValidUntil { get; internal set; }

        /// <summary>With <see cref="LogonOutcome.Challenge"/>: the help-desk challenge to read out (XXXXX-XXXXX), and until when its answer works.</summary>
        public string? UnlockChallenge { get; internal set; }
        public DateTime? UnlockValidUntil { get; internal set; }

        /// <summary>After a recovery code was accepted: how many the user has left (online: the server's count; offline: this computer's).</summary>
        public int? RecoveryCodesLeft { get; internal set; }

        /// <summary>True when offline data waits for <see cref="LogonCoordinator.ReportWindowsResult"/>.</summary>
        public bool HasPendingOfflineData => Pending != null;

        internal PendingVaultWrite? Pending { get; set; }

        /// <summary>Who must use a code decided this (which rule, what matched); null for results that did not get so far.</summary>
        public Decision.CodeVerdict? CodeVerdict { get; internal set; }

        /// <summary>The code-verified sign-in to record for the unlock grace once Windows accepts the password.</summary>
        internal Decision.SessionMoment? GraceToRecord { get; set; }

        /// <summary>
        /// A later step of one sign-in whose code this tile already had accepted (an expired password: the change, then
        /// the logon with the new password). Lets the step through and stores nothing.
        /// </summary>
        public static LogonResult AlreadyChecked() => new LogonResult(LogonOutcome.Accepted, "");

        /// <summary>
        /// Set by <see cref="LogonCoordinator.ReportWindowsResult"/> (and a sync) when the offline secret just stored is new
        /// to this computer: show it to the user once ("add this computer to your authenticator app"), then drop it.
        /// </summary>
        public Offline.OfflineEnrolment? OfflineEnrolment { get; internal set; }

        public override string ToString() => $"{Outcome}: {Message}";
    }
}
