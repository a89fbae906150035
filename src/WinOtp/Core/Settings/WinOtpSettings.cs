using System.Collections.Generic;
using SecureMFA.WinOtp.Api;

namespace SecureMFA.WinOtp.Settings
{
    /// <summary>The validated settings of one computer (see <see cref="SettingNames"/> for where each lives).</summary>
    public sealed class WinOtpSettings
    {
        public const int DefaultApiTimeoutMs = 10000;
        /// <summary>
        /// The most LogonUI's thread waits for the WEB API: a larger win_api_timeout is clamped to it (with a warning).
        /// Part of the longest wait at the tile, <see cref="Logon.LogonCoordinator.LongestWait"/>.
        /// </summary>
        public const int MaxApiTimeoutMs = 30000;
        public const int DefaultOfflineLoginFailures = 5;
        public const int DefaultOfflineLockoutMinutes = 5;

        public WinOtpSettings(string anchorDnsName, ApiEndpoint apiEndpoint)
        {
            AnchorDnsName = anchorDnsName;
            ApiEndpoint = apiEndpoint;
            SsprUrl = DefaultSsprUrl(apiEndpoint);
        }

        /// <summary>win_sspr_url when it is not set: the API endpoint's host, as the original product.</summary>
        public static string DefaultSsprUrl(ApiEndpoint apiEndpoint) => $"{apiEndpoint.BaseUri.GetLeftPart(System.UriPartial.Authority)}/";

        /// <summary>Joined to bare user names: alice becomes alice@{AnchorDnsName}. Lower case.</summary>
        public string AnchorDnsName { get; }
        public ApiEndpoint ApiEndpoint { get; }
        public int ApiTimeoutMs { get; set; } = DefaultApiTimeoutMs;
        /// <summary>The "Change Password" link; by default the API endpoint's host, as the original.</summary>
        public string SsprUrl { get; set; }
        public bool RdpOnly { get; set; }
        /// <summary>0 = no offline sign-in.</summary>
        public int OfflineValidDays { get; set; }
        /// <summary>0 = no offline lockout from this side (the API's package may still set one).</summary>
        public int OfflineLoginFailures { get; set; } = DefaultOfflineLoginFailures;
        public int OfflineLockoutMinutes { get; set; } = DefaultOfflineLockoutMinutes;
        public int OfflineMaxFailures { get; set; } = Offline.OfflinePolicy.DefaultMaxFailuresSinceOnline;
        public bool ProxyEnabled { get; set; }
        public string ProxyServer { get; set; } = "";
        public int ProxyPort { get; set; }
        public bool VerboseLog { get; set; }
        public UnenrolledPolicy UnenrolledPolicy { get; set; } = UnenrolledPolicy.Deny;
        public int UnenrolledGraceDays { get; set; } = DefaultUnenrolledGraceDays;
        public Enforcement Enforce { get; set; } = Enforcement.Enforce;
        /// <summary>win_tile_label, trimmed; null when not set (the tile's language gives the label).</summary>
        public string? TileLabel { get; set; }
        /// <summary>win_helpdesk_text, trimmed; null when not set.</summary>
        public string? HelpdeskText { get; set; }

        public const int DefaultUnenrolledGraceDays = 14;
        public const int MaxUnenrolledGraceDays = 365;

        // Who must use a code: the entries as written (names or SIDs), resolved to SIDs by Decision.CodeRules.
        public const int MaxUnlockGraceMinutes = 1440;
        public IReadOnlyList<string> ExcludedAccounts { get; set; } = new string[0];
        public IReadOnlyList<string> ExcludedGroups { get; set; } = new string[0];
        public IReadOnlyList<string> EnforcedGroups { get; set; } = new string[0];
        public IReadOnlyList<string> RdpOnlyGroups { get; set; } = new string[0];
        /// <summary>0 = every unlock and reconnect asks a code.</summary>
        public int UnlockGraceMinutes { get; set; }
        public IReadOnlyList<string> GraceExcludedGroups { get; set; } = new string[0];
        /// <summary>Other credential providers that stay visible where a code is required.</summary>
        public IReadOnlyList<System.Guid> AllowedProviders { get; set; } = new System.Guid[0];
    }

    /// <summary>What the tile does for a user the WEB API says has no OTP account (win_unenrolled_policy).</summary>
    public enum UnenrolledPolicy
    {
        /// <summary>Refused, with where to enrol (as before this setting).</summary>
        Deny,
        /// <summary>The password alone signs in.</summary>
        Allow,
        /// <summary>The password alone signs in until win_unenrolled_grace_days after the API first saw the user; the tile says by when to enrol.</summary>
        Grace,
    }

    /// <summary>win_enforce: whether the tile asks for codes, or only reports what it would have done.</summary>
    public enum Enforcement { Enforce, ReportOnly }
}
