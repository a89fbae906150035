using System;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Cmdlets
{
    /// <summary>
    /// The installer's parameters as the values under HKLM\Software\SecureMFA that LogonUI reads ("win_" + the
    /// original parameter name), checked by WinOtp.Core's own <see cref="SettingsReader"/>: what installs is what the
    /// provider accepts.
    /// </summary>
    public sealed class InstallSettings
    {
        public string AnchorDnsName { get; set; } = "";
        public string ApiEndpoint { get; set; } = "";
        public int ApiTimeoutMs { get; set; } = WinOtpSettings.DefaultApiTimeoutMs;
        /// <summary>Null: the API endpoint's host, as the original product.</summary>
        public string? SsprUrl { get; set; }
        public bool RdpOnly { get; set; } = true;
        public int OfflineValidDays { get; set; }
        public int OfflineLoginFailures { get; set; } = WinOtpSettings.DefaultOfflineLoginFailures;
        public int OfflineLockoutMinutes { get; set; } = WinOtpSettings.DefaultOfflineLockoutMinutes;
        public bool ProxyEnabled { get; set; }
        public string ProxyServer { get; set; } = "";
        public int ProxyPort { get; set; }
        public bool VerboseLog { get; set; }
        public UnenrolledPolicy UnenrolledPolicy { get; set; } = UnenrolledPolicy.Deny;
        public int UnenrolledGraceDays { get; set; } = WinOtpSettings.DefaultUnenrolledGraceDays;
        public Enforcement Enforce { get; set; } = Enforcement.Enforce;

        /// <summary>win_sspr_url as written: the given URL, or https://{api_endpoint's host}/.</summary>
        public string EffectiveSsprUrl
        {
            get
            {
                if (!string.IsNullOrWhiteSpace(SsprUrl)) return SsprUrl!.Trim();
                return Api.ApiEndpoint.TryParse(ApiEndpoint, out var endpoint, out _) ? WinOtpSettings.DefaultSsprUrl(endpoint!) : "";
            }
        }

        public IReadOnlyList<RegistryEntry> Values()
        {
            var key = SettingNames.RegistryPath;
            return new[]
            {
                new RegistryEntry(key, SettingNames.AnchorDnsName, RegistryEntry.String, (AnchorDnsName ?? "").Trim()),
                new RegistryEntry(key, SettingNames.ApiEndpoint, RegistryEntry.String, (ApiEndpoint ?? "").Trim()),
                new RegistryEntry(key, SettingNames.ApiTimeout, RegistryEntry.DWord, ApiTimeoutMs),
                new RegistryEntry(key, SettingNames.SsprUrl, RegistryEntry.String, EffectiveSsprUrl),
                new RegistryEntry(key, SettingNames.RdpOnly, RegistryEntry.DWord, RdpOnly ? 1 : 0),
                new RegistryEntry(key, SettingNames.OfflineValidDays, RegistryEntry.DWord, OfflineValidDays),
                new RegistryEntry(key, SettingNames.OfflineLoginFailures, RegistryEntry.DWord, OfflineLoginFailures),
                new RegistryEntry(key, SettingNames.OfflineLockoutMinutes, RegistryEntry.DWord, OfflineLockoutMinutes),
                new RegistryEntry(key, SettingNames.ProxyEnable, RegistryEntry.DWord, ProxyEnabled ? 1 : 0),
                new RegistryEntry(key, SettingNames.ProxyServer, RegistryEntry.String, (ProxyServer ?? "").Trim()),
                new RegistryEntry(key, SettingNames.ProxyPort, RegistryEntry.DWord, ProxyPort),
                new RegistryEntry(key, SettingNames.VerboseLog, RegistryEntry.DWord, VerboseLog ? 1 : 0),
                new RegistryEntry(key, SettingNames.UnenrolledPolicy, RegistryEntry.String, UnenrolledPolicy.ToString()),
                new RegistryEntry(key, SettingNames.UnenrolledGraceDays, RegistryEntry.DWord, UnenrolledGraceDays),
                new RegistryEntry(key, SettingNames.Enforce, RegistryEntry.String, Enforce.ToString()),
            };
        }

        /// <summary>Every problem at once, each naming the parameter, as LogonUI would report it; and the settings when there is none.</summary>
        public SettingsReadResult Check()
        {
            var staged = new StagedRegistry();
            foreach (var value in Values()) staged.SetValue("", value.Name, value.Value!);
            return SettingsReader.Read(staged);
        }

        /// <summary>The values in memory, to check them before anything is written.</summary>
        private sealed class StagedRegistry : IMachineRegistry
        {
            private readonly Dictionary<string, object> _values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);

            public object? GetValue(string subKey, string name) => subKey.Length == 0 && _values.TryGetValue(name, out var value) ? value : null;
            public void SetValue(string subKey, string name, object value) => _values[name] = value;
            public void DeleteValue(string subKey, string name) => _values.Remove(name);
            public void ProtectKey(string subKey) => throw new InvalidOperationException("Staged settings are only read.");
            public IReadOnlyList<string>? OthersWithAccess(string subKey) => null;
        }
    }
}
