namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>The body of POST {base}/v1/otp/verify (section 7).</summary>
    public sealed class VerifyRequest
    {
        public string? Upn { get; set; }
        public string? Code { get; set; }
        public string? Scenario { get; set; }
        public string? Machine { get; set; }
        public bool? Offline { get; set; }
        public int? OfflineDays { get; set; }
    }
}
