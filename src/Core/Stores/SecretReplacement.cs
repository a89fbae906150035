namespace SecureMFA.Core.Stores
{
    /// <summary>One secret to re-protect: written only if the stored value is still <see cref="CurrentProtected"/>.</summary>
    public sealed class SecretReplacement
    {
        public SecretReplacement(string upn, string currentProtected, string newProtected)
        {
            Upn = upn;
            CurrentProtected = currentProtected;
            NewProtected = newProtected;
        }

        public string Upn { get; }
        public string CurrentProtected { get; }
        public string NewProtected { get; }
    }
}
