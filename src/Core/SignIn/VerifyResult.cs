using System;

namespace SecureMFA.Core.SignIn
{
    /// <summary>The outcome of a submitted code, with what the page (or the WEB API) tells the user.</summary>
    public sealed class VerifyResult
    {
        public VerifyResult(VerifyOutcome outcome, int digits, int? attemptsLeft = null, DateTime? lockedUntil = null,
            int? driftSeconds = null, long? acceptedStep = null, bool recoveryCode = false, int? recoveryCodesLeft = null)
        {
            Outcome = outcome;
            Digits = digits;
            AttemptsLeft = attemptsLeft;
            LockedUntil = lockedUntil;
            DriftSeconds = driftSeconds;
            AcceptedStep = acceptedStep;
            RecoveryCode = recoveryCode;
            RecoveryCodesLeft = recoveryCodesLeft;
        }

        public VerifyOutcome Outcome { get; }
        public bool Succeeded => Outcome == VerifyOutcome.Success;

        /// <summary>How many digits the user's codes have ("enter the 6-digit code").</summary>
        public int Digits { get; }

        /// <summary>Failures left before the lockout; null when lockout is off or nothing was counted.</summary>
        public int? AttemptsLeft { get; }
        public DateTime? LockedUntil { get; }

        /// <summary>How far the phone's clock is off, in seconds (positive: ahead), when known.</summary>
        public int? DriftSeconds { get; }

        /// <summary>The time step (Unix seconds / period) of the accepted code.</summary>
        public long? AcceptedStep { get; }

        /// <summary>True when a one-time recovery code was used instead of a TOTP code.</summary>
        public bool RecoveryCode { get; }
        public int? RecoveryCodesLeft { get; }
    }
}
