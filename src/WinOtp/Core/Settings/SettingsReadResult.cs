using System.Collections.Generic;

namespace SecureMFA.WinOtp.Settings
{
    /// <summary>
    /// What was read from the registry: the settings when every value is valid, and each problem naming the value.
    /// <see cref="RdpOnly"/> is known even when other values are wrong, so a broken api_timeout does not lock the
    /// console: the documented recovery (win_rdponly = 1) works whatever else is in the key.
    /// </summary>
    public sealed class SettingsReadResult
    {
        public SettingsReadResult(WinOtpSettings? settings, bool rdpOnly, IReadOnlyList<string> errors, IReadOnlyList<string> warnings)
        {
            Settings = settings;
            RdpOnly = rdpOnly;
            Errors = errors;
            Warnings = warnings;
        }

        public WinOtpSettings? Settings { get; }
        public bool RdpOnly { get; }
        public IReadOnlyList<string> Errors { get; }
        public IReadOnlyList<string> Warnings { get; }
        public bool IsValid => Settings != null;
    }
}
