namespace SecureMFA.WebApi.Signing
{
    /// <summary>Endpoint metadata: requests to this endpoint are signed by a device, and so are its responses.</summary>
    public sealed class SignedEndpoint
    {
        public static readonly SignedEndpoint Instance = new SignedEndpoint();

        private SignedEndpoint() { }
    }
}
