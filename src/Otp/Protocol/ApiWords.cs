namespace SecureMFA.Otp.Protocol
{
    /// <summary>
    /// The words of the SecureMFA WEB API protocol (docs/webapi-protocol.md) that the server (src/WebApi) and the
    /// client (WIN OTP) both spell: paths, error codes, verify results and reasons, scenarios and JSON member names.
    /// Spelt once here, so the two sides cannot drift; a test checks every word against the document.
    /// </summary>
    public static class ApiWords
    {
        /// <summary>Paths below the endpoint (section 1): <c>{endpoint}/v1/otp/verify</c>.</summary>
        public static class Paths
        {
            public const string Health = "/v1/health";
            public const string Register = "/v1/devices/register";
            public const string DeviceSelf = "/v1/devices/self";
            public const string Verify = "/v1/otp/verify";
            /// <summary>Report-only rollout (section 7a): what a tile would have done, for Get-xOTP_RolloutReadiness.</summary>
            public const string RolloutReport = "/v1/rollout/report";
            /// <summary>Recovery codes a device accepted offline, reported so the server burns them too (section 7b).</summary>
            public const string RecoveryUsed = "/v1/otp/recovery-used";
        }

        /// <summary>The <c>error</c> codes of section 9.</summary>
        public static class Errors
        {
            public const string BadRequest = "bad_request";
            public const string InvalidUpn = "invalid_upn";
            public const string InvalidScenario = "invalid_scenario";
            public const string MissingSignature = "missing_signature";
            public const string MalformedHeader = "malformed_header";
            public const string UnknownDevice = "unknown_device";
            /// <summary>403, signed: the device's own signature verified, and an administrator revoked it.</summary>
            public const string DeviceRevoked = "device_revoked";
            public const string StaleTimestamp = "stale_timestamp";
            public const string BadSignature = "bad_signature";
            public const string ReplayedNonce = "replayed_nonce";
            public const string BadBootstrap = "bad_bootstrap";
            public const string RegistrationClosed = "registration_closed";
            public const string NotFound = "not_found";
            public const string MethodNotAllowed = "method_not_allowed";
            public const string TooLarge = "too_large";
            public const string RateLimited = "rate_limited";
            public const string StoreUnavailable = "store_unavailable";
            public const string Internal = "internal";
        }

        /// <summary>The <c>result</c> of a verify (section 7): clients decide on it only.</summary>
        public static class Results
        {
            public const string Accept = "accept";
            public const string Reject = "reject";
            public const string Replay = "replay";
            public const string Locked = "locked";
            public const string Disabled = "disabled";
            public const string NotEnrolled = "not_enrolled";
        }

        /// <summary>The <c>reason</c> a reject may carry (section 7).</summary>
        public static class Reasons
        {
            /// <summary>Not the right number of digits; not counted as an attempt.</summary>
            public const string Malformed = "malformed";
            /// <summary>A code of a past step up to 10 steps back: the phone's clock is slow (<c>driftSeconds</c>).</summary>
            public const string ClockDrift = "clock_drift";
            /// <summary>With not_enrolled: the OTP user exists but never confirmed a first code, and none was given.</summary>
            public const string NotConfirmed = "not_confirmed";
        }

        /// <summary>The <c>outcome</c> of a rollout report (section 7a): what the tile would have done in enforce mode.</summary>
        public static class RolloutOutcomes
        {
            public const string CodeRequired = "code_required";
            public const string Excluded = "excluded";
            public const string NotEnrolled = "not_enrolled";
            public const string IdentityNotMapped = "identity_not_mapped";
            public const string OfflineNotReady = "offline_not_ready";

            public static readonly string[] All = { CodeRequired, Excluded, NotEnrolled, IdentityNotMapped, OfflineNotReady };
        }

        /// <summary>The <c>scenario</c> of a verify (section 7).</summary>
        public static class Scenarios
        {
            public const string Logon = "logon";
            public const string Unlock = "unlock";
            public const string Rdp = "rdp";
            public const string CredUi = "credui";

            public static readonly string[] All = { Logon, Unlock, Rdp, CredUi };
        }

        /// <summary>JSON member names of the requests and answers (sections 1 and 5-8), case-sensitive camelCase.</summary>
        public static class Members
        {
            public const string Error = "error";
            public const string Message = "message";
            public const string ServerTime = "serverTime";
            public const string Machine = "machine";
            public const string MachineSid = "machineSid";
            public const string DeviceId = "deviceId";
            public const string DeviceKey = "deviceKey";
            public const string Registered = "registered";
            public const string Upn = "upn";
            public const string Code = "code";
            public const string Scenario = "scenario";
            public const string Offline = "offline";
            public const string OfflineDays = "offlineDays";
            public const string Result = "result";
            public const string Reason = "reason";
            public const string DriftSeconds = "driftSeconds";
            public const string LockedUntil = "lockedUntil";
            public const string AttemptsLeft = "attemptsLeft";
            /// <summary>With not_enrolled, and in a rollout report's answer: when the API first saw the user (Unix seconds).</summary>
            public const string FirstSeen = "firstSeen";
            public const string Account = "account";
            public const string Outcome = "outcome";
            public const string Recorded = "recorded";
            /// <summary>In a verify answer: true when the code was a one-time recovery code (section 7).</summary>
            public const string RecoveryCode = "recoveryCode";
            public const string RecoveryCodesLeft = "recoveryCodesLeft";
            /// <summary>In an offline package: the user's unused recovery codes as slow salted hashes, and their PBKDF2 iterations.</summary>
            public const string RecoveryCodes = "recoveryCodes";
            public const string RecoveryIterations = "recoveryIterations";
            /// <summary>In a recovery-used report: the store hashes of the codes used offline; in its answer, how many were burnt now.</summary>
            public const string Codes = "codes";
            public const string Burned = "burned";
        }
    }
}
