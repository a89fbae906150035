namespace SecureMFA.Adapter
{
    /// <summary>The line shown above a page after something went wrong.</summary>
    public enum PageMessage
    {
        None,
        WrongCode,
        Replayed,
    }
}
