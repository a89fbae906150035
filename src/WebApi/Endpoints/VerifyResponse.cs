using SecureMFA.Otp.Json;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>The 200 answer of POST {base}/v1/otp/verify (section 7): clients decide on <see cref="Result"/> (<see cref="ApiWords.Results"/>) only.</summary>
    public sealed class VerifyResponse
    {
        public string Result { get; set; } = "";

        /// <summary><see cref="ApiWords.Reasons"/>; absent otherwise.</summary>
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
            var json = new JsonWriter().Add(ApiWords.Members.Result, Result);
            if (Reason != null) json.Add(ApiWords.Members.Reason, Reason);
            if (DriftSeconds.HasValue) json.Add(ApiWords.Members.DriftSeconds, DriftSeconds.Value);
            if (LockedUntil != null) json.Add(ApiWords.Members.LockedUntil, LockedUntil); else json.AddNull(ApiWords.Members.LockedUntil);
            if (AttemptsLeft.HasValue) json.Add(ApiWords.Members.AttemptsLeft, AttemptsLeft.Value); else json.AddNull(ApiWords.Members.AttemptsLeft);
            json.Add(ApiWords.Members.ServerTime, ServerTime);
            if (Offline != null) json.Add(ApiWords.Members.Offline, Offline.ToJson()); else json.AddNull(ApiWords.Members.Offline);
            return json;
        }
    }
}
