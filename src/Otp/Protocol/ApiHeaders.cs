namespace SecureMFA.Otp.Protocol
{
    /// <summary>The HTTP headers of the SecureMFA WEB API protocol (docs/webapi-protocol.md).</summary>
    public static class ApiHeaders
    {
        public const string Bootstrap = "X-SMFA-Bootstrap";
        public const string Device = "X-SMFA-Device";
        public const string Timestamp = "X-SMFA-Timestamp";
        public const string Nonce = "X-SMFA-Nonce";
        public const string Signature = "X-SMFA-Signature";
    }
}
