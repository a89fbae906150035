using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Users;

namespace SecureMFA.WinOtp.Settings
{
    /// <summary>
    /// Reads and checks the settings: each value from HKLM\Software\Policies\SecureMFA when Group Policy set it there,
    /// else from HKLM\Software\SecureMFA, value by value (a GPO that sets only win_rdponly leaves the rest local), and
    /// says which one each came from (<see cref="SettingsReadResult.Sources"/>). Numbers and booleans may be REG_DWORD,
    /// REG_QWORD or REG_SZ ("1", "true"), since Set-ItemProperty, reg.exe and Group Policy Preferences write either.
    /// Ranges and defaults are the <see cref="SettingCatalogue"/>'s. Every problem is reported with the value's name,
    /// where it was found and what was found; none of these values is a secret.
    /// </summary>
    public static class SettingsReader
    {
        public static SettingsReadResult Read(IMachineRegistry registry)
        {
            var errors = new List<string>();
            var warnings = new List<string>();
            var values = new ValueReader(registry, errors);

            // win_rdponly first and on its own: when it is missing or unreadable, a code is asked everywhere.
            var rdpOnly = values.Flag(SettingCatalogue.RdpOnly);

            var anchorText = values.Text(SettingNames.AnchorDnsName);
            string? anchor = null;
            if (string.IsNullOrWhiteSpace(anchorText))
                errors.Add($"{values.Where(SettingNames.AnchorDnsName)} is not set: give the UPN suffix of OTP users, e.g. adatum.labnet.");
            else if (!UpnResolver.IsDnsName(anchorText!.Trim()))
                errors.Add($"{values.Where(SettingNames.AnchorDnsName)}: '{anchorText}' is not a DNS name such as adatum.labnet.");
            else anchor = anchorText.Trim().ToLowerInvariant();

            ApiEndpoint.TryParse(values.Text(SettingNames.ApiEndpoint), out var endpoint, out var endpointError, values.Where(SettingNames.ApiEndpoint));
            if (endpointError != null) errors.Add(endpointError);

            var timeout = values.Int(SettingCatalogue.ApiTimeout);
            if (timeout > WinOtpSettings.MaxApiTimeoutMs)
            {
                // LogonUI's thread waits this long at the tile: a user must not face minutes of a frozen screen.
                warnings.Add($"{values.Where(SettingNames.ApiTimeout)}: {timeout} ms is more than the {WinOtpSettings.MaxApiTimeoutMs} ms LogonUI waits for the WEB API; {WinOtpSettings.MaxApiTimeoutMs} ms is used.");
                timeout = WinOtpSettings.MaxApiTimeoutMs;
            }
            var validDays = values.Int(SettingCatalogue.OfflineValidDays);
            var failures = values.Int(SettingCatalogue.OfflineLoginFailures);
            var lockout = values.Int(SettingCatalogue.OfflineLockoutMinutes);
            var maxFailures = values.Int(SettingCatalogue.OfflineMaxFailures);
            var verbose = values.Flag(SettingCatalogue.VerboseLog);
            var unenrolled = values.Choice<UnenrolledPolicy>(SettingCatalogue.UnenrolledPolicy);
            var graceDays = values.Int(SettingCatalogue.UnenrolledGraceDays);
            var enforce = values.Choice<Enforcement>(SettingCatalogue.Enforce);

            var proxyEnabled = values.Flag(SettingCatalogue.ProxyEnable);
            var proxyServer = (values.Text(SettingNames.ProxyServer) ?? "").Trim();
            var proxyPort = values.Int(SettingCatalogue.ProxyPort);
            if (proxyEnabled)
            {
                if (proxyServer.Length == 0) errors.Add($"{values.Where(SettingNames.ProxyServer)} is not set, but {SettingNames.ProxyEnable} is on: give the proxy's host name.");
                else if (Uri.CheckHostName(proxyServer) == UriHostNameType.Unknown) errors.Add($"{values.Where(SettingNames.ProxyServer)}: '{proxyServer}' is not a host name or IP address (no http://, no port).");
                if (proxyPort == 0) errors.Add($"{values.Where(SettingNames.ProxyPort)} is not set, but {SettingNames.ProxyEnable} is on: give the proxy's port (1-65535).");
            }

            string? ssprUrl = null;
            var ssprText = values.Text(SettingNames.SsprUrl);
            if (!string.IsNullOrWhiteSpace(ssprText))
            {
                if (!Uri.TryCreate(ssprText!.Trim(), UriKind.Absolute, out var sspr) || !(sspr.Scheme == Uri.UriSchemeHttps || (sspr.Scheme == Uri.UriSchemeHttp && ApiEndpoint.IsLoopback(sspr))))
                    errors.Add($"{values.Where(SettingNames.SsprUrl)}: '{ssprText}' is not an https:// URL.");
                else ssprUrl = sspr.AbsoluteUri;
            }

            var tileLabel = values.AdministratorText(SettingCatalogue.TileLabel, warnings);
            var helpdeskText = values.AdministratorText(SettingCatalogue.HelpdeskText, warnings);

            var excludedAccounts = values.Accounts(SettingCatalogue.ExcludedAccounts);
            var excludedGroups = values.Accounts(SettingCatalogue.ExcludedGroups);
            var enforcedGroups = values.Accounts(SettingCatalogue.EnforcedGroups);
            var rdpOnlyGroups = values.Accounts(SettingCatalogue.RdpOnlyGroups);
            var graceMinutes = values.Int(SettingCatalogue.UnlockGraceMinutes);
            var graceExcluded = values.Accounts(SettingCatalogue.GraceExcludedGroups);
            var allowedProviders = new List<Guid>();
            foreach (var entry in values.List(SettingCatalogue.AllowedProviders))
            {
                if (!Guid.TryParse(entry, out var clsid)) errors.Add($"{SettingNames.AllowedProviders}: '{entry}' is not a CLSID such as {{8fd7e19c-3bf7-489b-a72c-846ab3678c96}}.");
                else if (OtherProviders.RefusalOf(clsid) is string refused) errors.Add($"{SettingNames.AllowedProviders}: {{{clsid}}} is {refused}, which signs in without a code; it cannot be allowed.");
                else if (!allowedProviders.Contains(clsid)) allowedProviders.Add(clsid);
            }
            if (rdpOnly && rdpOnlyGroups.Count > 0)
                warnings.Add($"{SettingNames.RdpOnlyGroups} changes nothing while {SettingNames.RdpOnly} is on: the console asks nobody a code already.");
            if (graceMinutes == 0 && graceExcluded.Count > 0)
                warnings.Add($"{SettingNames.GraceExcludedGroups} changes nothing while {SettingNames.UnlockGraceMinutes} is 0.");

            foreach (var name in SettingNames.NotUsed)
                if (registry.GetValue("", name) != null)
                    warnings.Add($"{name} is present but not used by this version" +
                        $"{(name == "win_api_headers_value" ? ": the bootstrap value is used once at registration and must not be kept; delete the value." : "; it can be deleted.")}");

            if (errors.Count > 0 || anchor == null || endpoint == null)
                return new SettingsReadResult(null, rdpOnly, errors, warnings, values.Sources);

            var settings = new WinOtpSettings(anchor, endpoint)
            {
                ApiTimeoutMs = timeout,
                RdpOnly = rdpOnly,
                OfflineValidDays = validDays,
                OfflineLoginFailures = failures,
                OfflineLockoutMinutes = lockout,
                OfflineMaxFailures = maxFailures,
                ProxyEnabled = proxyEnabled,
                ProxyServer = proxyServer,
                ProxyPort = proxyPort,
                VerboseLog = verbose,
                UnenrolledPolicy = unenrolled,
                UnenrolledGraceDays = graceDays,
                Enforce = enforce,
                ExcludedAccounts = excludedAccounts,
                ExcludedGroups = excludedGroups,
                EnforcedGroups = enforcedGroups,
                RdpOnlyGroups = rdpOnlyGroups,
                UnlockGraceMinutes = graceMinutes,
                GraceExcludedGroups = graceExcluded,
                AllowedProviders = allowedProviders,
                TileLabel = tileLabel,
                HelpdeskText = helpdeskText,
            };
            if (ssprUrl != null) settings.SsprUrl = ssprUrl;
            return new SettingsReadResult(settings, rdpOnly, errors, warnings, values.Sources);
        }

        /// <summary>
        /// Reads each value where it wins: Group Policy's key first, then the local one. Errors name the value and,
        /// when Group Policy set it, say so: the administrator fixes it in the GPO, not on the computer.
        /// </summary>
        private sealed class ValueReader
        {
            private readonly IMachineRegistry _registry;
            private readonly List<string> _errors;

            public ValueReader(IMachineRegistry registry, List<string> errors)
            {
                _registry = registry;
                _errors = errors;
            }

            public Dictionary<string, SettingSource> Sources { get; } = new Dictionary<string, SettingSource>(StringComparer.OrdinalIgnoreCase);

            /// <summary>The value's name, and for a Group Policy value where it is: for the messages.</summary>
            public string Where(string name) =>
                Sources.TryGetValue(name, out var source) && source == SettingSource.GroupPolicy ? $"{name} (Group Policy, {SettingNames.PolicyRegistryPath})" : name;

            public string? Text(string name)
            {
                var value = Get(name);
                switch (value)
                {
                    case null: return null;
                    case string text: return text;
                    case int number: return number.ToString(CultureInfo.InvariantCulture);
                    case long number: return number.ToString(CultureInfo.InvariantCulture);
                    default:
                        _errors.Add($"{Where(name)} has a registry type that is not text ({value.GetType().Name}).");
                        return null;
                }
            }

            /// <summary>
            /// An administrator's text for the tile, trimmed; null when not set. One that would not fit the tile, or holds a
            /// control character (a line break LogonUI would show as a box), is a warning and is not shown: the tile keeps
            /// its own words rather than refuse every sign-in over a label.
            /// </summary>
            public string? AdministratorText(Setting setting, List<string> warnings)
            {
                var text = (Text(setting.ValueName) ?? "").Trim();
                if (text.Length == 0) return null;
                if (setting.MaxLength > 0 && text.Length > setting.MaxLength)
                {
                    warnings.Add($"{Where(setting.ValueName)} is {text.Length} characters long; the tile shows at most {setting.MaxLength} without cutting it, so it is not shown.");
                    return null;
                }
                foreach (var c in text)
                    if (char.IsControl(c))
                    {
                        warnings.Add($"{Where(setting.ValueName)} holds a control character (such as a line break), which the tile cannot show; it is not shown.");
                        return null;
                    }
                return text;
            }

            /// <summary>
            /// A list: REG_MULTI_SZ (one entry a line), or REG_SZ with entries separated by ';' (as Set-ItemProperty or a
            /// policy may write it). Blank entries are dropped.
            /// </summary>
            public IReadOnlyList<string> List(Setting setting)
            {
                var name = setting.ValueName;
                var value = Get(name);
                IEnumerable<string> entries;
                switch (value)
                {
                    case null: return new string[0];
                    // One line may hold several entries separated by ';' (an MSI property writes the list as one line).
                    case string[] lines: entries = lines.SelectMany(line => (line ?? "").Split(';')); break;
                    case string text: entries = text.Split(';', '\n'); break;
                    default:
                        _errors.Add($"{Where(name)} has a registry type that is not a list of text ({value.GetType().Name}); write REG_MULTI_SZ.");
                        return new string[0];
                }
                var list = new List<string>();
                foreach (var entry in entries)
                {
                    var trimmed = (entry ?? "").Trim();
                    if (trimmed.Length > 0 && !list.Exists(e => string.Equals(e, trimmed, StringComparison.OrdinalIgnoreCase))) list.Add(trimmed);
                }
                return list;
            }

            /// <summary>A list of account or group names (DOMAIN\name, name@suffix, .\name, name) or SIDs (S-1-…), each checked for form only.</summary>
            public IReadOnlyList<string> Accounts(Setting setting)
            {
                var name = setting.ValueName;
                var list = List(setting);
                foreach (var entry in list)
                {
                    if (entry.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase) && !Platform.Sids.IsSid(entry))
                        _errors.Add($"{Where(name)}: '{entry}' starts like a SID but is not one (S-1-5-21-…).");
                    else if (entry.Length > 256 || entry.IndexOfAny(NotInNames) >= 0 || HasControl(entry))
                        _errors.Add($"{Where(name)}: '{entry}' is not an account or group name (DOMAIN\\name, name@suffix, .\\name) or a SID.");
                }
                return list;
            }

            private static readonly char[] NotInNames = { '"', '/', '[', ']', ':', '|', '<', '>', '+', '=', ',', '?', '*' };

            private static bool HasControl(string text)
            {
                foreach (var c in text) if (char.IsControl(c)) return true;
                return false;
            }

            public bool Flag(Setting setting) => Bool(setting.ValueName, setting.AbsentNumber == 1);

            /// <summary>A <see cref="SettingKind.Choice"/>: one of its words (any case), the default when absent or empty.</summary>
            public string Choice(Setting setting)
            {
                var text = Text(setting.ValueName);
                if (string.IsNullOrWhiteSpace(text)) return setting.DefaultText!;
                var choice = setting.MatchChoice(text);
                if (choice != null) return choice;
                _errors.Add($"{Where(setting.ValueName)}: '{text}' is not one of {string.Join(", ", setting.Choices)}.");
                return setting.DefaultText!;
            }

            public int Int(Setting setting) => Int(setting.ValueName, setting.AbsentNumber, setting.Minimum, setting.Maximum, setting.Unit);

            public bool Bool(string name, bool fallback)
            {
                var value = Get(name);
                switch (value)
                {
                    case null: return fallback;
                    case int number when number == 0 || number == 1: return number == 1;
                    case long number when number == 0 || number == 1: return number == 1;
                    case string text:
                        var trimmed = text.Trim();
                        if (trimmed == "1" || trimmed.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
                        if (trimmed == "0" || trimmed.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
                        break;
                }
                _errors.Add($"{Where(name)}: '{Describe(value)}' is not 1 or 0 (true or false).");
                return fallback;
            }

            /// <summary>A <see cref="SettingKind.Choice"/> as the member of <typeparamref name="T"/> it names (the catalogue's words are its names).</summary>
            public T Choice<T>(Setting setting) where T : struct => (T)Enum.Parse(typeof(T), Choice(setting));

            public int Int(string name, int fallback, int min, int max, string unit)
            {
                var value = Get(name);
                long number;
                switch (value)
                {
                    case null: return fallback;
                    case int dword: number = dword; break;
                    case long qword: number = qword; break;
                    case string text when long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed): number = parsed; break;
                    default:
                        _errors.Add($"{Where(name)}: '{Describe(value)}' is not a whole number of {unit} ({min}-{max}).");
                        return fallback;
                }
                if (number < min || number > max)
                {
                    _errors.Add($"{Where(name)}: {number.ToString(CultureInfo.InvariantCulture)} is outside {min}-{max} {unit}.");
                    return fallback;
                }
                return (int)number;
            }

            /// <summary>Group Policy's value when there is one, else the local one; the source is remembered either way.</summary>
            private object? Get(string name)
            {
                object? policy;
                try { policy = _registry.GetPolicyValue(name); }
                catch (Exception e)
                {
                    // An unreadable policy must not let the local value silently take over what the GPO decided.
                    Sources[name] = SettingSource.GroupPolicy;
                    _errors.Add($"{name} cannot be read from {SettingNames.PolicyRegistryPath}: {e.Message}");
                    return null;
                }
                if (policy != null)
                {
                    Sources[name] = SettingSource.GroupPolicy;
                    return policy;
                }
                try
                {
                    var local = _registry.GetValue("", name);
                    Sources[name] = local != null ? SettingSource.Local : SettingSource.Default;
                    return local;
                }
                catch (Exception e)
                {
                    Sources[name] = SettingSource.Local;
                    _errors.Add($"{name} cannot be read from {SettingNames.RegistryPath}: {e.Message}");
                    return null;
                }
            }

            private static string Describe(object? value) => value is byte[] ? "(binary)" : value is string[] lines ? string.Join(";", lines) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
    }
}
