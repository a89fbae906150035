namespace SecureMFA.Core.Configuration
{
    public enum IssueSeverity { Warning, Error }

    /// <summary>One problem found in SecureMfaOtpProvider.json, naming the key it is about.</summary>
    public sealed class ConfigurationIssue
    {
        public ConfigurationIssue(IssueSeverity severity, string key, string message) => (Severity, Key, Message) = (severity, key, message);

        public IssueSeverity Severity { get; }

        /// <summary>The configuration key, or empty for a problem with the file as a whole.</summary>
        public string Key { get; }
        public string Message { get; }

        public override string ToString() => Key.Length == 0 ? Message : Key + ": " + Message;
    }
}
