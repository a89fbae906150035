namespace SecureMFA.Core.SignIn
{
    /// <summary>What a submitted code did.</summary>
    public enum VerifyOutcome
    {
        Success,
        /// <summary>A wrong code: counted toward the lockout.</summary>
        WrongCode,
        /// <summary>Not the right number of digits (or not a recovery code's form): not counted as an attempt.</summary>
        Malformed,
        /// <summary>A wrong code now, right a few steps away: the phone's clock is off. Counted like a wrong code.</summary>
        ClockDrift,
        /// <summary>A right code whose time step was already used: refused, counted at most once per time step.</summary>
        Replayed,
        /// <summary>This failure, or an earlier one, locked the user.</summary>
        Locked,
        Disabled,
        /// <summary>No such OTP user (removed since the page was shown, or never enrolled).</summary>
        UnknownUser,
    }
}
