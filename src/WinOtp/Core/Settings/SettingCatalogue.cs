using System;
using System.Collections.Generic;
using System.Linq;

namespace SecureMFA.WinOtp.Settings
{
    /// <summary>
    /// How a setting is stored: text (REG_SZ), a whole number in a range (REG_DWORD), 1/0 (REG_DWORD), one word of a
    /// fixed list (REG_SZ, e.g. Deny|Allow|Grace: a drop-down list in the Group Policy editor), or a list of entries
    /// (REG_MULTI_SZ, one a line; a line may also hold several separated by ';', as an MSI property writes them).
    /// </summary>
    public enum SettingKind
    {
        Text,
        Number,
        Flag,
        Choice,
        List,
    }

    /// <summary>
    /// One setting, everywhere it is named: the registry value LogonUI reads (under HKLM\Software\SecureMFA, and under
    /// HKLM\Software\Policies\SecureMFA where Group Policy wins), the install cmdlet's parameter, the MSI property, the
    /// installer's default and the administrator's description (the ADMX policy's title and explanation).
    /// </summary>
    public sealed class Setting
    {
        public Setting(string valueName, SettingKind kind, string parameter, string title, string description)
        {
            if (!valueName.StartsWith("win_", StringComparison.Ordinal)) throw new ArgumentException($"{valueName}: WIN OTP's values are named win_<parameter>.", nameof(valueName));
            (ValueName, Kind, Parameter, Title, Description) = (valueName, kind, parameter, title, description);
            MsiProperty = parameter.ToUpperInvariant();
        }

        /// <summary>win_... under HKLM\Software\SecureMFA and HKLM\Software\Policies\SecureMFA.</summary>
        public string ValueName { get; }
        public SettingKind Kind { get; }
        /// <summary>The parameter of Install-SecureMFA_WIN_OTP_AuthenticationProvider, as the original spelled it.</summary>
        public string Parameter { get; }
        /// <summary>The MSI's public property: the parameter in upper case (msiexec /i ... API_ENDPOINT=...).</summary>
        public string MsiProperty { get; }
        public string Title { get; }
        public string Description { get; }

        /// <summary>Text: null when there is no default (a required value, or one derived from another).</summary>
        public string? DefaultText { get; private set; }
        /// <summary>Number and Flag (0 or 1): what the installer writes when the parameter is not given.</summary>
        public int DefaultNumber { get; private set; }
        /// <summary>What LogonUI uses when the value is absent, when that differs from the installer's default (win_rdponly).</summary>
        public int AbsentNumber { get; private set; }
        public int Minimum { get; private set; }
        public int Maximum { get; private set; }
        /// <summary>What a number counts, for error messages: "milliseconds", "days (0 = no offline sign-in)".</summary>
        public string Unit { get; private set; } = "";
        /// <summary>The provider refuses to work without it (the install cmdlet's mandatory parameters).</summary>
        public bool Required { get; private set; }
        /// <summary>Choice: the words it may be, as the registry and the ADMX spell them; empty for the other kinds.</summary>
        public IReadOnlyList<string> Choices { get; private set; } = new string[0];
        /// <summary>Stored as REG_SZ (Text and Choice); a List as REG_MULTI_SZ; otherwise REG_DWORD.</summary>
        public bool IsText => Kind == SettingKind.Text || Kind == SettingKind.Choice;
        public string RegistryType => IsText ? "REG_SZ" : Kind == SettingKind.List ? "REG_MULTI_SZ" : "REG_DWORD";

        /// <summary>The choice <paramref name="text"/> names, spelled as the catalogue spells it (case and spaces around do not matter); null for none.</summary>
        public string? MatchChoice(string? text) =>
            text == null ? null : Choices.FirstOrDefault(c => c.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));

        /// <summary>Text: the longest value that is used (0: no limit of its own); the Group Policy editor's text box stops there too.</summary>
        public int MaxLength { get; private set; }

        public static Setting Text(string valueName, string parameter, string? defaultText, bool required, string title, string description, int maxLength = 0) =>
            new Setting(valueName, SettingKind.Text, parameter, title, description) { DefaultText = defaultText, Required = required, MaxLength = maxLength };

        public static Setting Number(string valueName, string parameter, int defaultNumber, int minimum, int maximum, string unit, string title, string description) =>
            new Setting(valueName, SettingKind.Number, parameter, title, description)
            { DefaultNumber = defaultNumber, AbsentNumber = defaultNumber, Minimum = minimum, Maximum = maximum, Unit = unit };

        public static Setting Choice(string valueName, string parameter, string defaultChoice, IReadOnlyList<string> choices, string title, string description)
        {
            if (!choices.Contains(defaultChoice)) throw new ArgumentException($"{valueName}: the default '{defaultChoice}' is not one of {string.Join(", ", choices)}.", nameof(defaultChoice));
            return new Setting(valueName, SettingKind.Choice, parameter, title, description) { DefaultText = defaultChoice, Choices = choices.ToArray() };
        }

        /// <summary>A list, empty by default (names or SIDs of accounts and groups, or CLSIDs).</summary>
        public static Setting List(string valueName, string parameter, string title, string description) =>
            new Setting(valueName, SettingKind.List, parameter, title, description);

        public static Setting Flag(string valueName, string parameter, bool installDefault, bool whenAbsent, string title, string description) =>
            new Setting(valueName, SettingKind.Flag, parameter, title, description)
            { DefaultNumber = installDefault ? 1 : 0, AbsentNumber = whenAbsent ? 1 : 0, Minimum = 0, Maximum = 1 };

        public override string ToString() => ValueName;
    }

    /// <summary>
    /// Every WIN OTP setting once. The reader's ranges, the installer's values and defaults, the MSI's properties and
    /// registry rows, and the ADMX/ADML policies are all made from this list. A new setting is one entry in
    /// <see cref="All"/> (plus reading it in <see cref="SettingsReader"/> with the entry); tests fail for a value the
    /// reader reads that has no entry here, and for an entry the MSI or the ADMX lacks.
    /// </summary>
    public static class SettingCatalogue
    {
        public static readonly Setting AnchorDnsName = Setting.Text(SettingNames.AnchorDnsName, "anchordnsname", null, required: true,
            "UPN suffix of OTP users (anchordnsname)",
            "The UPN suffix joined to bare user names typed at the logon screen: alice becomes alice@<suffix>. A DNS name such as adatum.labnet. Required.");

        public static readonly Setting ApiEndpoint = Setting.Text(SettingNames.ApiEndpoint, "api_endpoint", null, required: true,
            "SecureMFA WEB API endpoint (api_endpoint)",
            "The SecureMFA WEB API endpoint the provider checks codes with, https://<host>/api/securemfaotp (http:// only on loopback). Required.");

        public static readonly Setting ApiTimeout = Setting.Number(SettingNames.ApiTimeout, "api_timeout", WinOtpSettings.DefaultApiTimeoutMs, 500, 120000, "milliseconds",
            "WEB API timeout in milliseconds (api_timeout)",
            "Milliseconds for a whole call to the WEB API (500-120000, default 10000). The logon screen waits at most 30000; a larger value is clamped with a warning event.");

        public static readonly Setting SsprUrl = Setting.Text(SettingNames.SsprUrl, "sspr_url", null, required: false,
            "Self-service password portal (sspr_url)",
            "The https:// address of the self-service password portal behind the tile's Change password link. Empty or not set: the host of the API endpoint.");

        public static readonly Setting RdpOnly = Setting.Flag(SettingNames.RdpOnly, "RDPonly", installDefault: true, whenAbsent: false,
            "Code for Remote Desktop only (RDPonly)",
            "1: a one-time code is asked for Remote Desktop and other remote sessions only; the console is unchanged. 0: a code for every sign-in and unlock. The installer writes 1; when the value is absent everywhere, a code is asked everywhere.");

        public static readonly Setting OfflineValidDays = Setting.Number(SettingNames.OfflineValidDays, "totp_offline_secret_valid_days", 0, 0, 3650, "days (0 = no offline sign-in)",
            "Days offline sign-in stays possible (totp_offline_secret_valid_days)",
            "Days an offline package stays valid after the user's last online sign-in (0-3650). 0, the default, turns offline sign-in off.");

        public static readonly Setting OfflineLoginFailures = Setting.Number(SettingNames.OfflineLoginFailures, "totp_offline_ui_login_failures", WinOtpSettings.DefaultOfflineLoginFailures, 0, 1000, "failed codes (0 = no lockout)",
            "Wrong offline codes before a lockout (totp_offline_ui_login_failures)",
            "Wrong offline codes before the account is locked out on this computer for the lockout minutes (0-1000, default 5; 0 turns the local lockout off).");

        public static readonly Setting OfflineLockoutMinutes = Setting.Number(SettingNames.OfflineLockoutMinutes, "totp_offline_ui_lockout_minutes", WinOtpSettings.DefaultOfflineLockoutMinutes, 0, 525600, "minutes",
            "Minutes of an offline lockout (totp_offline_ui_lockout_minutes)",
            "Minutes an account stays locked out on this computer after too many wrong offline codes (0-525600, default 5).");

        public static readonly Setting OfflineMaxFailures = Setting.Number(SettingNames.OfflineMaxFailures, "offline_max_failures", Offline.OfflinePolicy.DefaultMaxFailuresSinceOnline, 0, 1000, "failed codes since the last online contact (0 = no cap)",
            "Wrong offline codes before an online sign-in is needed (offline_max_failures)",
            "Wrong offline codes since the last online contact after which the offline data needs an online sign-in again (0-1000, default 10; 0 = no cap).");

        public static readonly Setting ProxyEnable = Setting.Flag(SettingNames.ProxyEnable, "api_proxy_enable", installDefault: false, whenAbsent: false,
            "Call the WEB API through a proxy (api_proxy_enable)",
            "1: the provider calls the WEB API through the proxy server and port below. 0, the default: no proxy at all (the logon screen runs as SYSTEM and uses no user's proxy).");

        public static readonly Setting ProxyServer = Setting.Text(SettingNames.ProxyServer, "api_proxy_server", "", required: false,
            "Proxy host name (api_proxy_server)",
            "The proxy's host name or IP address, without http:// and without a port. Needed when the proxy is on.");

        public static readonly Setting ProxyPort = Setting.Number(SettingNames.ProxyPort, "api_proxy_port", 0, 0, 65535, "a TCP port",
            "Proxy port (api_proxy_port)",
            "The proxy's TCP port (1-65535). Needed when the proxy is on.");

        public static readonly Setting VerboseLog = Setting.Flag(SettingNames.VerboseLog, "verboselog", installDefault: false, whenAbsent: false,
            "Verbose events (verboselog)",
            "1: the provider also writes verbose events (5550) to the Application log, among them where each setting came from. Codes, passwords and keys are never written.");

        public static readonly Setting ExcludedAccounts = Setting.List(SettingNames.ExcludedAccounts, "excluded_accounts",
            "Accounts that never need a code (excluded_accounts)",
            "Accounts that sign in without a code, as SIDs (S-1-5-21-...) or names (.\\breakglass, ADATUM\\svc-backup, name@suffix), one a line: first of all a local break-glass account. Names are turned into SIDs at the logon screen; one that does not resolve matches nobody.");

        public static readonly Setting ExcludedGroups = Setting.List(SettingNames.ExcludedGroups, "excluded_groups",
            "Groups whose members never need a code (excluded_groups)",
            "AD or local groups (nested, matched in the logon token by SID) whose members sign in without a code, one a line. Exclusions win over the enforced groups.");

        public static readonly Setting EnforcedGroups = Setting.List(SettingNames.EnforcedGroups, "enforced_groups",
            "Only members of these groups need a code (enforced_groups)",
            "When set, only members of these groups need a code (a rollout group by group), one a line. A name that does not resolve makes everyone need a code. Empty: everyone needs one.");

        public static readonly Setting RdpOnlyGroups = Setting.List(SettingNames.RdpOnlyGroups, "rdponly_groups",
            "Members need a code only remotely (rdponly_groups)",
            "Members of these groups need a code only for Remote Desktop and other remote sessions, as RDPonly does for everyone; one a line.");

        public static readonly Setting UnlockGraceMinutes = Setting.Number(SettingNames.UnlockGraceMinutes, "unlock_grace_minutes", 0, 0, WinOtpSettings.MaxUnlockGraceMinutes, "minutes (0 = no grace)",
            "Minutes without a code to unlock or reconnect (unlock_grace_minutes)",
            "Minutes after a code-verified sign-in during which unlocking the same session, or reconnecting to it over Remote Desktop, needs no code (0-1440, default 0 = off). Never after a restart or a sleep, never for a credential prompt.");

        public static readonly Setting GraceExcludedGroups = Setting.List(SettingNames.GraceExcludedGroups, "grace_excluded_groups",
            "Groups that never get the unlock grace (grace_excluded_groups)",
            "Members of these groups always need a code to unlock or reconnect (administrators, say), one a line.");

        public static readonly Setting AllowedProviders = Setting.List(SettingNames.AllowedProviders, "allowed_providers",
            "Other sign-in tiles left on (allowed_providers)",
            "CLSIDs of Windows' other credential providers that stay visible where a code is required, one a line: smart card {8fd7e19c-3bf7-489b-a72c-846ab3678c96}, Windows Hello PIN {cb82ea12-9f71-446d-89e1-8d0924e1256e}, Windows Hello biometrics {bec09223-b018-416d-a0ac-523971b639f5}. Their sign-ins need no code. The Password provider is refused.");

        public static readonly Setting UnenrolledPolicy = Setting.Choice(SettingNames.UnenrolledPolicy, "unenrolled_policy", nameof(Settings.UnenrolledPolicy.Deny),
            Enum.GetNames(typeof(Settings.UnenrolledPolicy)),
            "Users not yet enrolled (unenrolled_policy)",
            "What the logon screen does for a user the WEB API says has no OTP account: Deny (the default) refuses and says where to enrol; Allow lets the password alone through; Grace does so for the grace days after the WEB API first saw the user.");

        public static readonly Setting UnenrolledGraceDays = Setting.Number(SettingNames.UnenrolledGraceDays, "unenrolled_grace_days", WinOtpSettings.DefaultUnenrolledGraceDays, 1, WinOtpSettings.MaxUnenrolledGraceDays, "days",
            "Grace days for users not yet enrolled (unenrolled_grace_days)",
            "With Grace: days (1-365, default 14) from the first time the WEB API saw the user during which the password alone signs in.");

        public static readonly Setting Enforce = Setting.Choice(SettingNames.Enforce, "enforce", nameof(Enforcement.Enforce), Enum.GetNames(typeof(Enforcement)),
            "Enforce or report only (enforce)",
            "Enforce (the default) asks for codes. ReportOnly asks for nothing, lets the password through and reports to the WEB API what it would have done (Get-xOTP_RolloutReadiness), for a rollout.");

        public static readonly Setting TileLabel = Setting.Text(SettingNames.TileLabel, "tile_label", "", required: false,
            "Label of the code field (tile_label)",
            "Your own label for the tile's code field (\"Adatum code\"), at most 32 characters, shown as given in every language. Empty or not set: \"One-time code\" in the language of the logon screen (English, French, German, Spanish or Dutch).",
            maxLength: Logon.TileText.MaxLabel);

        public static readonly Setting HelpdeskText = Setting.Text(SettingNames.HelpdeskText, "helpdesk_text", "", required: false,
            "Help-desk line on the tile (helpdesk_text)",
            "One line shown after the tile's enrolment hint and after each refusal (\"Help desk: +1 555 0100, ext. 42\"), at most 120 characters, as given in every language. Empty or not set: none.",
            maxLength: Logon.TileText.MaxHelpdeskText);

        /// <summary>In the order the installer writes them and the ADMX lists them.</summary>
        public static readonly IReadOnlyList<Setting> All = new[]
        {
            AnchorDnsName, ApiEndpoint, ApiTimeout, SsprUrl, RdpOnly, OfflineValidDays, OfflineLoginFailures, OfflineLockoutMinutes,
            OfflineMaxFailures, ProxyEnable, ProxyServer, ProxyPort, VerboseLog,
            ExcludedAccounts, ExcludedGroups, EnforcedGroups, RdpOnlyGroups, UnlockGraceMinutes, GraceExcludedGroups, AllowedProviders,
            UnenrolledPolicy, UnenrolledGraceDays, Enforce, TileLabel, HelpdeskText,
        };

        public static Setting? Find(string valueName) => All.FirstOrDefault(s => s.ValueName.Equals(valueName, StringComparison.OrdinalIgnoreCase));
    }
}
