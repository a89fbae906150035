using SecureMFA.Otp.Json;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>The body of POST {base}/v1/otp/verify (section 7).</summary>
    public sealed class VerifyRequest
    {
        public static readonly string[] Scenarios = { "logon", "unlock", "rdp", "credui" };

        public string? Upn { get; set; }
        public string? Code { get; set; }
        public string? Scenario { get; set; }
        public string? Machine { get; set; }
        public bool? Offline { get; set; }
        public int? OfflineDays { get; set; }

        /// <summary>The members as WIN OTP's client writes them; one of the wrong type is a <see cref="JsonFormatException"/>.</summary>
        public static VerifyRequest From(JsonObject json) => new VerifyRequest
        {
            Upn = json.String("upn"),
            Code = json.String("code"),
            Scenario = json.String("scenario"),
            Machine = json.String("machine"),
            Offline = json.Bool("offline"),
            OfflineDays = json.Int32("offlineDays"),
        };
    }
}
