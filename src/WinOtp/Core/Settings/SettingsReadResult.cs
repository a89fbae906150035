using System.Collections.Generic;
using System.Linq;

namespace SecureMFA.WinOtp.Settings
{
    /// <summary>
    /// What was read from the registry: the settings when every value is valid, and each problem naming the value.
    /// <see cref="RdpOnly"/> is known even when other values are wrong, so a broken api_timeout does not lock the
    /// console: the documented recovery (win_rdponly = 1) works whatever else is in the key.
    /// </summary>
    public sealed class SettingsReadResult
    {
        public SettingsReadResult(WinOtpSettings? settings, bool rdpOnly, IReadOnlyList<string> errors, IReadOnlyList<string> warnings,
            IReadOnlyDictionary<string, SettingSource>? sources = null)
        {
            Settings = settings;
            RdpOnly = rdpOnly;
            Errors = errors;
            Warnings = warnings;
            Sources = sources ?? new Dictionary<string, SettingSource>();
        }

        public WinOtpSettings? Settings { get; }
        public bool RdpOnly { get; }
        public IReadOnlyList<string> Errors { get; }
        public IReadOnlyList<string> Warnings { get; }
        public bool IsValid => Settings != null;

        /// <summary>Where each value that was read came from (by value name).</summary>
        public IReadOnlyDictionary<string, SettingSource> Sources { get; }

        /// <summary>The values Group Policy set, in the order they were read.</summary>
        public IReadOnlyList<string> FromGroupPolicy => Sources.Where(s => s.Value == SettingSource.GroupPolicy).Select(s => s.Key).ToList();

        /// <summary>One line for the verbose event and the test cmdlet: which values Group Policy set, which are local.</summary>
        public string DescribeSources()
        {
            var policy = FromGroupPolicy;
            var local = Sources.Where(s => s.Value == SettingSource.Local).Select(s => s.Key).ToList();
            return $"from Group Policy ({SettingNames.PolicyRegistryPath}): {(policy.Count == 0 ? "none" : string.Join(", ", policy))}; " +
                $"local ({SettingNames.RegistryPath}): {(local.Count == 0 ? "none" : string.Join(", ", local))}; the rest default";
        }
    }

    /// <summary>Where a setting's value came from: Group Policy wins over the local value, which wins over the default.</summary>
    public enum SettingSource
    {
        Default,
        Local,
        GroupPolicy,
    }
}
