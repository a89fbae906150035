namespace SecureMFA.WinOtp.Events
{
    /// <summary>
    /// The event log seam. Messages never hold a code, a password, a secret, a key or the bootstrap value: callers
    /// pass user names, outcomes, reasons and times only.
    /// </summary>
    public interface IWinOtpEventLog
    {
        void Write(WinOtpEventId id, WinOtpEventLevel level, string message);
    }

    /// <summary>
    /// Application log ids, source "SecureMFA WIN OTP". 5550-5553 and 5556-5557 keep the original product's
    /// meanings; 5554 and 5555 are the offline vault's; 5558 is a sign-in that needed no code; 5559 and 5560 the rollout's
    /// (users not yet enrolled, report-only); 5561 and 5562 the lost phone's (recovery code, help-desk challenge).
    /// </summary>
    public enum WinOtpEventId
    {
        ConfigurationOk = 5550,
        ConfigurationFailed = 5551,
        ProviderOk = 5552,
        ProviderFailed = 5553,
        OfflineStored = 5554,
        OfflineRefused = 5555,
        OtpOk = 5556,
        OtpFailed = 5557,
        /// <summary>A sign-in that needs no code: names the account (and its SID), the rule that matched and the scenario.</summary>
        CodeNotRequired = 5558,
        /// <summary>A user the WEB API says has no OTP account: refused (Deny), let through (Allow), or within or past a grace (Grace).</summary>
        NotEnrolled = 5559,
        /// <summary>win_enforce = ReportOnly: nothing was asked; what would have been done (as sent to the WEB API).</summary>
        ReportOnly = 5560,
        /// <summary>A one-time recovery code signed a user in at the tile (online or offline), or was reported to the API.</summary>
        RecoveryCodeUsed = 5561,
        /// <summary>An offline help-desk challenge was shown, or its answer signed a user in.</summary>
        OfflineUnlockCodeUsed = 5562,
    }

    /// <summary>Verbose events are written only when verboselog is on.</summary>
    public enum WinOtpEventLevel { Verbose, Information, Warning, Error }
}
