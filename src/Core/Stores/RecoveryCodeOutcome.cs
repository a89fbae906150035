namespace SecureMFA.Core.Stores
{
    /// <summary>What using a recovery code did.</summary>
    public enum RecoveryCodeOutcome
    {
        Accepted,
        /// <summary>No unused code of the user has this hash (wrong, or used before).</summary>
        NoSuchCode,
        Disabled,
        Locked,
        NotFound,
    }
}
