namespace SecureMFA.WinOtp.Events
{
    /// <summary>
    /// Application log ids, source "SecureMFA WIN OTP". 5550-5553 and 5556-5557 keep the original product's
    /// meanings; 5554 and 5555 are the offline vault's.
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
    }
}
