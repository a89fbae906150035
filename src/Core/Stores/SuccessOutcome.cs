namespace SecureMFA.Core.Stores
{
    /// <summary>What recording a correct code did.</summary>
    public enum SuccessOutcome
    {
        Accepted,
        /// <summary>The code's time step was already used (or an earlier one): refused.</summary>
        Replayed,
        Disabled,
        Locked,
        NotFound,
    }
}
