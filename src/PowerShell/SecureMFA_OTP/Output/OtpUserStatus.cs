namespace SecureMFA.Cmdlets.Output
{
    /// <summary>What the user meets at the next sign-in, one word for support staff; the first that applies wins.</summary>
    public enum OtpUserStatus
    {
        /// <summary>Confirmed the enrolment with a first code: signs in with codes.</summary>
        Enrolled,
        /// <summary>Not confirmed yet: sees the QR code at the next sign-in.</summary>
        Pending,
        /// <summary>Too many wrong codes: refused until LockedUntil, or Unlock-xOTP_User.</summary>
        Locked,
        /// <summary>OTP sign-in refused until Enable-xOTP_User (whatever else is true).</summary>
        Disabled,
    }
}
