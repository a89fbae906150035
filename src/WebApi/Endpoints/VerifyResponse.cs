using SecureMFA.Otp.Json;
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
        public string? Reason { get; set; }

        /// <summary>With clock_drift: how far the phone's clock is off, positive when ahead.</summary>
        public int? DriftSeconds { get; set; }

        /// <summary>ISO 8601 UTC, with locked.</summary>
        public string? LockedUntil { get; set; }
        public int? AttemptsLeft { get; set; }
        public long ServerTime { get; set; }
        public OfflinePackage? Offline { get; set; }

        /// <summary>
        /// The body: reason and driftSeconds only when set; lockedUntil, attemptsLeft and offline always, null when not
        /// set (as section 7 shows them).
        /// </summary>
        public JsonWriter ToJson()
        {
            var json = new JsonWriter().Add("result", Result);
            if (Reason != null) json.Add("reason", Reason);
            if (DriftSeconds.HasValue) json.Add("driftSeconds", DriftSeconds.Value);
            if (LockedUntil != null) json.Add("lockedUntil", LockedUntil); else json.AddNull("lockedUntil");
            if (AttemptsLeft.HasValue) json.Add("attemptsLeft", AttemptsLeft.Value); else json.AddNull("attemptsLeft");
            json.Add("serverTime", ServerTime);
            if (Offline != null) json.Add("offline", Offline.ToJson()); else json.AddNull("offline");
            return json;
        }
    }
}
