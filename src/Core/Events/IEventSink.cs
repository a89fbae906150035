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
}
