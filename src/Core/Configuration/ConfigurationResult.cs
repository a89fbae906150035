using System.Collections.Generic;
using System.Linq;

namespace SecureMFA.Core.Configuration
{
    /// <summary>The outcome of reading a configuration: the settings (when usable) and every issue found.</summary>
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
}
