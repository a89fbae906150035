using System.Text.Json.Serialization;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>The 200 answer of POST {base}/v1/otp/verify (section 7): clients decide on <see cref="Result"/> (<see cref="ApiWords.Results"/>) only.</summary>
    public sealed class VerifyResponse
    {
        public string Result { get; set; } = "";

        /// <summary><see cref="ApiWords.Reasons"/>; absent otherwise.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Reason { get; set; }

        /// <summary>With clock_drift: how far the phone's clock is off, positive when ahead.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? DriftSeconds { get; set; }

        /// <summary>ISO 8601 UTC, with locked.</summary>
        public string? LockedUntil { get; set; }
        public int? AttemptsLeft { get; set; }
        public long ServerTime { get; set; }
        public OfflinePackage? Offline { get; set; }
    }
}
