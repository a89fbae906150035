using System;
using SecureMFA.Otp.Protocol;
using SecureMFA.WinOtp.Decision;

namespace SecureMFA.WinOtp.Api
{
    // POST /v1/otp/verify: the body sent, the signed answer read back, and the protocol's result words.

    /// <summary>The body of POST /v1/otp/verify.</summary>
    public sealed class VerifyRequest
    {
        public VerifyRequest(string upn, string code, LogonScenario scenario, string machine)
        {
            Upn = upn;
            Code = code;
            Scenario = scenario;
            Machine = machine;
        }

        public string Upn { get; }
        public string Code { get; }
        public LogonScenario Scenario { get; }
        public string Machine { get; }
        public bool Offline { get; set; }
        /// <summary>Sent when Offline is true; the server caps it.</summary>
        public int OfflineDays { get; set; }
    }

    /// <summary>A signed 200 reply of POST /v1/otp/verify.</summary>
    public sealed class VerifyAnswer
    {
        public VerifyResult Result { get; set; }
        public DateTime? LockedUntil { get; set; }
        public int? AttemptsLeft { get; set; }
        public long ServerTime { get; set; }
        /// <summary>malformed, clock_drift, or null.</summary>
        public string? Reason { get; set; }
        public int? DriftSeconds { get; set; }
        /// <summary>Present only for an accepted code asked with offline = true, when the server allows offline use.</summary>
        public OfflinePackage? Offline { get; set; }
        /// <summary>With not_enrolled: when the API first saw the user (Unix seconds), when its store keeps it.</summary>
        public long? FirstSeen { get; set; }
        /// <summary>True when the API took the code as a one-time recovery code; then how many are left after an accept.</summary>
        public bool RecoveryCode { get; set; }
        public int? RecoveryCodesLeft { get; set; }
    }

    /// <summary>The body of POST /v1/rollout/report (section 7a).</summary>
    public sealed class RolloutReportRequest
    {
        public RolloutReportRequest(string? upn, string account, LogonScenario scenario, string machine, string outcome) =>
            (Upn, Account, Scenario, Machine, Outcome) = (upn, account, scenario, machine, outcome);

        /// <summary>Null when the account gives no OTP identity.</summary>
        public string? Upn { get; }
        public string Account { get; }
        public LogonScenario Scenario { get; }
        public string Machine { get; }
        /// <summary>One of <see cref="ApiWords.RolloutOutcomes"/>.</summary>
        public string Outcome { get; }
    }

    /// <summary>A signed 200 reply of POST /v1/rollout/report: the outcome as the server recorded it.</summary>
    public sealed class RolloutReportAnswer
    {
        public string Outcome { get; set; } = "";
        public long? FirstSeen { get; set; }
        public bool Recorded { get; set; }
        public long ServerTime { get; set; }
    }

    /// <summary>A signed 200 reply of POST /v1/otp/recovery-used: accept (processed), or locked/disabled/not_enrolled (nothing burnt).</summary>
    public sealed class RecoveryUsedAnswer
    {
        public VerifyResult Result { get; set; }
        public int Burned { get; set; }
        public long ServerTime { get; set; }
    }

    /// <summary>The protocol's <c>result</c> values.</summary>
    public enum VerifyResult { Accept, Reject, Replay, Locked, Disabled, NotEnrolled }

    public static class VerifyResultNames
    {
        public static bool TryParse(string? text, out VerifyResult result)
        {
            switch (text)
            {
                case ApiWords.Results.Accept: result = VerifyResult.Accept; return true;
                case ApiWords.Results.Reject: result = VerifyResult.Reject; return true;
                case ApiWords.Results.Replay: result = VerifyResult.Replay; return true;
                case ApiWords.Results.Locked: result = VerifyResult.Locked; return true;
                case ApiWords.Results.Disabled: result = VerifyResult.Disabled; return true;
                case ApiWords.Results.NotEnrolled: result = VerifyResult.NotEnrolled; return true;
                default: result = VerifyResult.Reject; return false;
            }
        }
    }
}
