using SecureMFA.Otp.Json;
using SecureMFA.Otp.Protocol;

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

        /// <summary>The members as WIN OTP's client writes them; one of the wrong type is a <see cref="JsonFormatException"/>.</summary>
        public static VerifyRequest From(JsonObject json) => new VerifyRequest
        {
            Upn = json.String(ApiWords.Members.Upn),
            Code = json.String(ApiWords.Members.Code),
            Scenario = json.String(ApiWords.Members.Scenario),
            Machine = json.String(ApiWords.Members.Machine),
            Offline = json.Bool(ApiWords.Members.Offline),
            OfflineDays = json.Int32(ApiWords.Members.OfflineDays),
        };
    }
}
