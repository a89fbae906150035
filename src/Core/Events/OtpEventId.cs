namespace SecureMFA.Core.Events
{
    /// <summary>Event ids of source "Secure MFA OTP" in the Application log.</summary>
    public enum OtpEventId
    {
        ConfigurationOk = 5550,
        ConfigurationFailed = 5551,
        ProviderOk = 5552,
        ProviderFailed = 5553,
        OtpOk = 5556,
        OtpFailed = 5557,
    }
}
