using System;
using System.Collections.Generic;
using System.Globalization;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Users;

namespace SecureMFA.WinOtp.Settings
{
    /// <summary>
    /// Reads and checks the settings under HKLM\Software\SecureMFA. Numbers and booleans may be REG_DWORD,
    /// REG_QWORD or REG_SZ ("1", "true"), since Set-ItemProperty and reg.exe write either. Every problem is
    /// reported with the value's name and what was found; none of these values is a secret.
    /// </summary>
    public static class SettingsReader
    {
        public static SettingsReadResult Read(IMachineRegistry registry)
        {
            var errors = new List<string>();
            var warnings = new List<string>();
            var values = new ValueReader(registry, errors);

            // win_rdponly first and on its own: when it is missing or unreadable, a code is asked everywhere.
            var rdpOnly = values.Bool(SettingNames.RdpOnly, false);

            var anchorText = values.Text(SettingNames.AnchorDnsName);
            string? anchor = null;
            if (string.IsNullOrWhiteSpace(anchorText))
                errors.Add($"{SettingNames.AnchorDnsName} is not set: give the UPN suffix of OTP users, e.g. adatum.labnet.");
            else if (!UpnResolver.IsDnsName(anchorText!.Trim()))
                errors.Add($"{SettingNames.AnchorDnsName}: '{anchorText}' is not a DNS name such as adatum.labnet.");
            else anchor = anchorText.Trim().ToLowerInvariant();

            ApiEndpoint.TryParse(values.Text(SettingNames.ApiEndpoint), out var endpoint, out var endpointError, SettingNames.ApiEndpoint);
            if (endpointError != null) errors.Add(endpointError);

            var timeout = values.Int(SettingNames.ApiTimeout, WinOtpSettings.DefaultApiTimeoutMs, 500, 120000, "milliseconds");
            if (timeout > WinOtpSettings.MaxApiTimeoutMs)
            {
                // LogonUI's thread waits this long at the tile: a user must not face minutes of a frozen screen.
                warnings.Add($"{SettingNames.ApiTimeout}: {timeout} ms is more than the {WinOtpSettings.MaxApiTimeoutMs} ms LogonUI waits for the WEB API; {WinOtpSettings.MaxApiTimeoutMs} ms is used.");
                timeout = WinOtpSettings.MaxApiTimeoutMs;
            }
            var validDays = values.Int(SettingNames.OfflineValidDays, 0, 0, 3650, "days (0 = no offline sign-in)");
            var failures = values.Int(SettingNames.OfflineLoginFailures, WinOtpSettings.DefaultOfflineLoginFailures, 0, 1000, "failed codes (0 = no lockout)");
            var lockout = values.Int(SettingNames.OfflineLockoutMinutes, WinOtpSettings.DefaultOfflineLockoutMinutes, 0, 525600, "minutes");
            var maxFailures = values.Int(SettingNames.OfflineMaxFailures, Offline.OfflinePolicy.DefaultMaxFailuresSinceOnline, 0, 1000, "failed codes since the last online contact (0 = no cap)");
            var verbose = values.Bool(SettingNames.VerboseLog, false);
            var unenrolled = values.Choice(SettingNames.UnenrolledPolicy, UnenrolledPolicy.Deny);
            var graceDays = values.Int(SettingNames.UnenrolledGraceDays, WinOtpSettings.DefaultUnenrolledGraceDays, 1, WinOtpSettings.MaxUnenrolledGraceDays, "days");
            var enforce = values.Choice(SettingNames.Enforce, Enforcement.Enforce);

            var proxyEnabled = values.Bool(SettingNames.ProxyEnable, false);
            var proxyServer = (values.Text(SettingNames.ProxyServer) ?? "").Trim();
            var proxyPort = values.Int(SettingNames.ProxyPort, 0, 0, 65535, "a TCP port");
            if (proxyEnabled)
            {
                if (proxyServer.Length == 0) errors.Add($"{SettingNames.ProxyServer} is not set, but {SettingNames.ProxyEnable} is on: give the proxy's host name.");
                else if (Uri.CheckHostName(proxyServer) == UriHostNameType.Unknown) errors.Add($"{SettingNames.ProxyServer}: '{proxyServer}' is not a host name or IP address (no http://, no port).");
                if (proxyPort == 0) errors.Add($"{SettingNames.ProxyPort} is not set, but {SettingNames.ProxyEnable} is on: give the proxy's port (1-65535).");
            }

            string? ssprUrl = null;
            var ssprText = values.Text(SettingNames.SsprUrl);
            if (!string.IsNullOrWhiteSpace(ssprText))
            {
                if (!Uri.TryCreate(ssprText!.Trim(), UriKind.Absolute, out var sspr) || !(sspr.Scheme == Uri.UriSchemeHttps || (sspr.Scheme == Uri.UriSchemeHttp && ApiEndpoint.IsLoopback(sspr))))
                    errors.Add($"{SettingNames.SsprUrl}: '{ssprText}' is not an https:// URL.");
                else ssprUrl = sspr.AbsoluteUri;
            }

            var excludedAccounts = values.Accounts(SettingNames.ExcludedAccounts);
            var excludedGroups = values.Accounts(SettingNames.ExcludedGroups);
            var enforcedGroups = values.Accounts(SettingNames.EnforcedGroups);
            var rdpOnlyGroups = values.Accounts(SettingNames.RdpOnlyGroups);
            var graceMinutes = values.Int(SettingNames.UnlockGraceMinutes, 0, 0, WinOtpSettings.MaxUnlockGraceMinutes, "minutes (0 = no grace)");
            var graceExcluded = values.Accounts(SettingNames.GraceExcludedGroups);
            var allowedProviders = new List<Guid>();
            foreach (var entry in values.List(SettingNames.AllowedProviders))
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
                return new SettingsReadResult(null, rdpOnly, errors, warnings);

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
            };
            if (ssprUrl != null) settings.SsprUrl = ssprUrl;
            return new SettingsReadResult(settings, rdpOnly, errors, warnings);
        }

        private sealed class ValueReader
        {
            private readonly IMachineRegistry _registry;
            private readonly List<string> _errors;

            public ValueReader(IMachineRegistry registry, List<string> errors)
            {
                _registry = registry;
                _errors = errors;
            }

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
                        _errors.Add($"{name} has a registry type that is not text ({value.GetType().Name}).");
                        return null;
                }
            }

            /// <summary>
            /// A list: REG_MULTI_SZ (one entry a line), or REG_SZ with entries separated by ';' (as Set-ItemProperty or a
            /// policy may write it). Blank entries are dropped.
            /// </summary>
            public IReadOnlyList<string> List(string name)
            {
                var value = Get(name);
                IEnumerable<string> entries;
                switch (value)
                {
                    case null: return new string[0];
                    case string[] lines: entries = lines; break;
                    case string text: entries = text.Split(';', '\n'); break;
                    default:
                        _errors.Add($"{name} has a registry type that is not a list of text ({value.GetType().Name}); write REG_MULTI_SZ.");
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
            public IReadOnlyList<string> Accounts(string name)
            {
                var list = List(name);
                foreach (var entry in list)
                {
                    if (entry.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase) && !Platform.Sids.IsSid(entry))
                        _errors.Add($"{name}: '{entry}' starts like a SID but is not one (S-1-5-21-…).");
                    else if (entry.Length > 256 || entry.IndexOfAny(NotInNames) >= 0 || HasControl(entry))
                        _errors.Add($"{name}: '{entry}' is not an account or group name (DOMAIN\\name, name@suffix, .\\name) or a SID.");
                }
                return list;
            }

            private static readonly char[] NotInNames = { '"', '/', '[', ']', ':', '|', '<', '>', '+', '=', ',', '?', '*' };

            private static bool HasControl(string text)
            {
                foreach (var c in text) if (char.IsControl(c)) return true;
                return false;
            }

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
                _errors.Add($"{name}: '{Describe(value)}' is not 1 or 0 (true or false).");
                return fallback;
            }

            /// <summary>A REG_SZ naming one member of <typeparamref name="T"/> (any letter case); absent: <paramref name="fallback"/>.</summary>
            public T Choice<T>(string name, T fallback) where T : struct
            {
                var text = Text(name);
                if (text == null || text.Trim().Length == 0) return fallback;
                foreach (T member in Enum.GetValues(typeof(T)))
                    if (string.Equals(member.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase)) return member;
                _errors.Add($"{name}: '{text}' is not one of {string.Join(", ", Enum.GetNames(typeof(T)))}.");
                return fallback;
            }

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
                        _errors.Add($"{name}: '{Describe(value)}' is not a whole number of {unit} ({min}-{max}).");
                        return fallback;
                }
                if (number < min || number > max)
                {
                    _errors.Add($"{name}: {number.ToString(CultureInfo.InvariantCulture)} is outside {min}-{max} {unit}.");
                    return fallback;
                }
                return (int)number;
            }

            private object? Get(string name)
            {
                try { return _registry.GetValue("", name); }
                catch (Exception e)
                {
                    _errors.Add($"{name} cannot be read from {SettingNames.RegistryPath}: {e.Message}");
                    return null;
                }
            }

            private static string Describe(object? value) => value is byte[] ? "(binary)" : value is string[] lines ? string.Join(";", lines) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
    }
}
