namespace SecureMFA.Core.Events
{
    public enum EventLevel { Information, Warning, Error }

    /// <summary>
    /// Where product events go: the Windows Application log on AD FS servers, standard error or a
    /// file elsewhere. Callers pass messages that never contain secrets or passphrases.
    /// </summary>
    public interface IEventSink
    {
        void Write(OtpEventId id, EventLevel level, string message);
    }

    /// <summary>Event ids of source "Secure MFA OTP" in the Application log.</summary>
    public enum OtpEventId
    {
        ConfigurationOk = 5550,
        ConfigurationFailed = 5551,
        ProviderOk = 5552,
        ProviderFailed = 5553,
        OtpOk = 5556,
        OtpFailed = 5557,
        /// <summary>A help-desk change made by a support cmdlet, an offline unlock code included (who, what, to whom, from where); written by the module.</summary>
        SupportChange = 5565,
    }
}
