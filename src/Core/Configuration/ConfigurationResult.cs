using System;
using System.Collections.Generic;
using System.Linq;

namespace SecureMFA.Core.Configuration
{
    /// <summary>
    /// The outcome of reading a configuration: the settings (when usable) and every issue found. The issues and the exception
    /// that carries them to a host that cannot go on are here too: one idea, what reading SecureMfaOtpProvider.json found.
    /// </summary>
    public sealed class ConfigurationResult
    {
        public ConfigurationResult(ProviderConfiguration? configuration, IReadOnlyList<ConfigurationIssue> issues) =>
            (Configuration, Issues) = (configuration, issues);

        /// <summary>Null when any error was found.</summary>
        public ProviderConfiguration? Configuration { get; }
        public IReadOnlyList<ConfigurationIssue> Issues { get; }
        public bool IsValid => Configuration != null;
        public IEnumerable<ConfigurationIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);
        public IEnumerable<ConfigurationIssue> Warnings => Issues.Where(i => i.Severity == IssueSeverity.Warning);
    }

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

    /// <summary>The configuration cannot be used; the message lists every error at once.</summary>
    public sealed class ConfigurationException : Exception
    {
        public ConfigurationException(IReadOnlyList<ConfigurationIssue> issues)
            : base("SecureMfaOtpProvider configuration is invalid:" + Environment.NewLine +
                   string.Join(Environment.NewLine, issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => "  " + i))) =>
            Issues = issues;

        public ConfigurationException(string message) : base(message) =>
            Issues = new[] { new ConfigurationIssue(IssueSeverity.Error, "", message) };

        public IReadOnlyList<ConfigurationIssue> Issues { get; }
    }
}
