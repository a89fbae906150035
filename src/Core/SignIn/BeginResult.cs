using System;
using SecureMFA.Core.Enrollment;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.SignIn
{
    public enum BeginKind
    {
        /// <summary>Unknown or unconfirmed user: show the QR code and ask for the first code.</summary>
        Enrol,
        /// <summary>Confirmed user: ask for the code.</summary>
        Code,
        /// <summary>Not yet enrolled, and the QR code may not be shown from this network.</summary>
        EnrolmentNotAllowed,
        Disabled,
        Locked,
    }

    /// <summary>Which page a user gets when the second factor starts.</summary>
    public sealed class BeginResult
    {
        public BeginResult(BeginKind kind, EnrollmentMaterial? enrollment = null, DateTime? lockedUntil = null, int? digits = null)
        {
            Kind = kind;
            Enrollment = enrollment;
            LockedUntil = lockedUntil;
            Digits = digits ?? TotpParameters.Default.Digits;
        }

        public BeginKind Kind { get; }
        public EnrollmentMaterial? Enrollment { get; }
        public DateTime? LockedUntil { get; }

        /// <summary>How many digits the user's codes have, so the page can ask for exactly that many.</summary>
        public int Digits { get; }
    }
}
