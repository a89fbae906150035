using System.Text.Json.Serialization;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>The 200 answer of POST {base}/v1/otp/verify (section 7): clients decide on <see cref="Result"/> only.</summary>
    public sealed class VerifyResponse
    {
        public const string Accept = "accept";
        public const string Reject = "reject";
        public const string Replay = "replay";
        public const string Locked = "locked";
        public const string Disabled = "disabled";
        public const string NotEnrolled = "not_enrolled";

        public string Result { get; set; } = "";

        /// <summary>malformed or clock_drift; absent otherwise.</summary>
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
