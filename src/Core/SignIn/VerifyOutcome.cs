namespace SecureMFA.Core.SignIn
{
    /// <summary>What a submitted code did.</summary>
    public enum VerifyOutcome
    {
        Success,
        WrongCode,
        /// <summary>A correct code whose time step was already used: refused and counted.</summary>
        Replayed,
        /// <summary>This failure, or an earlier one, locked the user.</summary>
        Locked,
        Disabled,
        /// <summary>No such OTP user (removed since the page was shown, or never enrolled).</summary>
        UnknownUser,
    }
}
