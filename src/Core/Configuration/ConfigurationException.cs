using System;
using System.Collections.Generic;
using System.Linq;

namespace SecureMFA.Core.Configuration
{
    /// <summary>The configuration cannot be used; the message lists every error at once.</summary>
    public sealed class ConfigurationException : Exception
    {
        public ConfigurationException(IReadOnlyList<ConfigurationIssue> issues)
            : base("SecureMfaOtpProvider configuration is invalid:" + Environment.NewLine +
                   string.Join(Environment.NewLine, issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => "  " + i)))
        {
            Issues = issues;
        }

        public ConfigurationException(string message) : base(message)
        {
            Issues = new[] { new ConfigurationIssue(IssueSeverity.Error, "", message) };
        }

        public IReadOnlyList<ConfigurationIssue> Issues { get; }
    }
}
