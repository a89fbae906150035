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
        // Who must use a code: as SIDs once ResolveNames has run (the cmdlet runs it before anything is checked or written).
        public string[] ExcludedAccounts { get; set; } = new string[0];
        public string[] ExcludedGroups { get; set; } = new string[0];
        public string[] EnforcedGroups { get; set; } = new string[0];
        public string[] RdpOnlyGroups { get; set; } = new string[0];
        public int UnlockGraceMinutes { get; set; }
        public string[] GraceExcludedGroups { get; set; } = new string[0];
        public string[] AllowedProviders { get; set; } = new string[0];
        /// <summary>win_tile_label and win_helpdesk_text: the administrator's texts at the tile; empty: the tile's own words.</summary>
        public string TileLabel { get; set; } = "";
        public string HelpdeskText { get; set; } = "";

        /// <summary>
        /// Turns every account or group name in the lists into its SID through <paramref name="sidOf"/> (on Windows:
        /// NTAccount.Translate on the computer being installed), so what is written is compared by SID at the tile,
        /// never by a name that may be renamed or spelt another way. SIDs are kept as given (normalised). Each name that
        /// does not resolve is an error naming the parameter and the name; nothing is written then.
        /// </summary>
        public IReadOnlyList<string> ResolveNames(Func<string, string?> sidOf)
        {
            var errors = new List<string>();
            string[] Resolve(string setting, string[] entries)
            {
                var sids = new List<string>();
                foreach (var entry in entries.Select(e => (e ?? "").Trim()).Where(e => e.Length > 0))
                {
                    var sid = Sids.Normalize(entry);
                    if (sid == null && !entry.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase))
                    {
                        try { sid = Sids.Normalize(sidOf(entry)); }
                        catch (Exception e) { errors.Add($"{setting}: '{entry}' could not be resolved to a SID ({e.Message})."); continue; }
                        if (sid == null) { errors.Add($"{setting}: '{entry}' is not an account or group this computer can resolve to a SID (check the spelling, DOMAIN\\name, and that a domain controller is reachable)."); continue; }
                    }
                    else if (sid == null) { errors.Add($"{setting}: '{entry}' starts like a SID but is not one (S-1-5-21-…)."); continue; }
                    if (!sids.Contains(sid, StringComparer.OrdinalIgnoreCase)) sids.Add(sid);
                }
                return sids.ToArray();
            }
            ExcludedAccounts = Resolve(SettingNames.ExcludedAccounts, ExcludedAccounts);
            ExcludedGroups = Resolve(SettingNames.ExcludedGroups, ExcludedGroups);
            EnforcedGroups = Resolve(SettingNames.EnforcedGroups, EnforcedGroups);
            RdpOnlyGroups = Resolve(SettingNames.RdpOnlyGroups, RdpOnlyGroups);
            GraceExcludedGroups = Resolve(SettingNames.GraceExcludedGroups, GraceExcludedGroups);
            return errors;
        }

        /// <summary>win_sspr_url as written: the given URL, or https://{api_endpoint's host}/.</summary>
        public string EffectiveSsprUrl
        {
            get
            {
                if (!string.IsNullOrWhiteSpace(SsprUrl)) return SsprUrl!.Trim();
                return Api.ApiEndpoint.TryParse(ApiEndpoint, out var endpoint, out _) ? WinOtpSettings.DefaultSsprUrl(endpoint!) : "";
            }
        }

        public int OfflineMaxFailures { get; set; } = SettingCatalogue.OfflineMaxFailures.DefaultNumber;

        /// <summary>
        /// What the installer writes, one value per <see cref="SettingCatalogue"/> entry, in its order and with its
        /// registry type: the catalogue is also what the MSI writes, so the two cannot differ.
        /// </summary>
        public IReadOnlyList<RegistryEntry> Values() => SettingCatalogue.All.Select(setting => Entry(setting, ValueOf(setting))).ToArray();

        /// <summary>This installation's value of a catalogue setting (a flag as 1 or 0). A setting missing here is an error, found by the catalogue tests.</summary>
        public object ValueOf(Setting setting)
        {
            if (setting == SettingCatalogue.AnchorDnsName) return (AnchorDnsName ?? "").Trim();
            if (setting == SettingCatalogue.ApiEndpoint) return (ApiEndpoint ?? "").Trim();
            if (setting == SettingCatalogue.ApiTimeout) return ApiTimeoutMs;
            if (setting == SettingCatalogue.SsprUrl) return EffectiveSsprUrl;
            if (setting == SettingCatalogue.RdpOnly) return RdpOnly ? 1 : 0;
            if (setting == SettingCatalogue.OfflineValidDays) return OfflineValidDays;
            if (setting == SettingCatalogue.OfflineLoginFailures) return OfflineLoginFailures;
            if (setting == SettingCatalogue.OfflineLockoutMinutes) return OfflineLockoutMinutes;
            if (setting == SettingCatalogue.OfflineMaxFailures) return OfflineMaxFailures;
            if (setting == SettingCatalogue.ProxyEnable) return ProxyEnabled ? 1 : 0;
            if (setting == SettingCatalogue.ProxyServer) return (ProxyServer ?? "").Trim();
            if (setting == SettingCatalogue.ProxyPort) return ProxyPort;
            if (setting == SettingCatalogue.VerboseLog) return VerboseLog ? 1 : 0;
            if (setting == SettingCatalogue.ExcludedAccounts) return Trimmed(ExcludedAccounts);
            if (setting == SettingCatalogue.ExcludedGroups) return Trimmed(ExcludedGroups);
            if (setting == SettingCatalogue.EnforcedGroups) return Trimmed(EnforcedGroups);
            if (setting == SettingCatalogue.RdpOnlyGroups) return Trimmed(RdpOnlyGroups);
            if (setting == SettingCatalogue.UnlockGraceMinutes) return UnlockGraceMinutes;
            if (setting == SettingCatalogue.GraceExcludedGroups) return Trimmed(GraceExcludedGroups);
            if (setting == SettingCatalogue.AllowedProviders) return Trimmed(AllowedProviders).Select(e => Guid.TryParse(e, out var clsid) ? $"{{{clsid}}}" : e).ToArray();
            if (setting == SettingCatalogue.UnenrolledPolicy) return UnenrolledPolicy.ToString();
            if (setting == SettingCatalogue.UnenrolledGraceDays) return UnenrolledGraceDays;
            if (setting == SettingCatalogue.Enforce) return Enforce.ToString();
            if (setting == SettingCatalogue.TileLabel) return (TileLabel ?? "").Trim();
            if (setting == SettingCatalogue.HelpdeskText) return (HelpdeskText ?? "").Trim();
            throw new InvalidOperationException($"{setting.ValueName} is in the settings catalogue but the installer has no value for it: add it to InstallSettings.ValueOf.");
        }

        public static RegistryEntry Entry(Setting setting, object value) =>
            new RegistryEntry(SettingNames.RegistryPath, setting.ValueName,
                setting.IsText ? RegistryEntry.String : setting.Kind == SettingKind.List ? RegistryEntry.MultiString : RegistryEntry.DWord, value);

        private static string[] Trimmed(string[]? entries) => (entries ?? new string[0]).Select(e => (e ?? "").Trim()).Where(e => e.Length > 0).ToArray();

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
            /// <summary>None: what the installer checks is what it writes, whatever Group Policy says later.</summary>
            public object? GetPolicyValue(string name) => null;
            public void SetValue(string subKey, string name, object value) => _values[name] = value;
            public void DeleteValue(string subKey, string name) => _values.Remove(name);
            public void ProtectKey(string subKey) => throw new InvalidOperationException("Staged settings are only read.");
            public IReadOnlyList<string>? OthersWithAccess(string subKey) => null;
        }
    }
}
