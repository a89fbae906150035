namespace SecureMFA.WinOtp.Settings
{
    /// <summary>
    /// Value names under HKLM\Software\SecureMFA: "win_" and the original installer's parameter name, so
    /// <c>Set-ItemProperty -Path HKLM:\Software\SecureMFA -Name win_rdponly -Value 1</c> keeps its documented meaning.
    /// </summary>
    public static class SettingNames
    {
        public const string RegistryPath = @"HKLM\Software\SecureMFA";
        /// <summary>
        /// Where Group Policy (SecureMFA.admx) writes the same value names; a value found here wins over the one under
        /// <see cref="RegistryPath"/>, value by value (see <see cref="SettingsReader"/>).
        /// </summary>
        public const string PolicyRegistryPath = @"HKLM\Software\Policies\SecureMFA";

        public const string AnchorDnsName = "win_anchordnsname";
        public const string ApiEndpoint = "win_api_endpoint";
        public const string ApiTimeout = "win_api_timeout";
        public const string SsprUrl = "win_sspr_url";
        public const string RdpOnly = "win_rdponly";
        public const string OfflineValidDays = "win_totp_offline_secret_valid_days";
        public const string OfflineLoginFailures = "win_totp_offline_ui_login_failures";
        public const string OfflineLockoutMinutes = "win_totp_offline_ui_lockout_minutes";
        /// <summary>New in this version: wrong offline codes since the last online contact before the vault needs an online sign-in.</summary>
        public const string OfflineMaxFailures = "win_offline_max_failures";
        public const string ProxyEnable = "win_api_proxy_enable";
        public const string ProxyServer = "win_api_proxy_server";
        public const string ProxyPort = "win_api_proxy_port";
        public const string VerboseLog = "win_verboselog";
        /// <summary>Users without an OTP account at the tile: Deny (default), Allow, or Grace (win_unenrolled_grace_days from the API's first sighting).</summary>
        public const string UnenrolledPolicy = "win_unenrolled_policy";
        public const string UnenrolledGraceDays = "win_unenrolled_grace_days";
        /// <summary>Enforce (default) or ReportOnly: ask nothing, report what would have been done.</summary>
        public const string Enforce = "win_enforce";

        // Who must use a code (REG_MULTI_SZ lists of names or SIDs, REG_DWORD minutes): see Decision.CodeDecision.
        /// <summary>Accounts that never need a code (names or SIDs): a local break-glass account, LAPS or service accounts.</summary>
        public const string ExcludedAccounts = "win_excluded_accounts";
        /// <summary>Groups (AD or local, nested, matched in the logon token) whose members never need a code.</summary>
        public const string ExcludedGroups = "win_excluded_groups";
        /// <summary>When set, only members of these groups need a code.</summary>
        public const string EnforcedGroups = "win_enforced_groups";
        /// <summary>Members need a code only in remote sessions, as win_rdponly = 1 does for everyone.</summary>
        public const string RdpOnlyGroups = "win_rdponly_groups";
        /// <summary>Minutes after a code-verified sign-in during which unlocking or reconnecting the same session needs no code (0 = off).</summary>
        public const string UnlockGraceMinutes = "win_unlock_grace_minutes";
        /// <summary>Groups that never get the unlock grace.</summary>
        public const string GraceExcludedGroups = "win_grace_excluded_groups";
        /// <summary>CLSIDs of other credential providers left visible where a code is required (smart card, Windows Hello, FIDO).</summary>
        public const string AllowedProviders = "win_allowed_providers";

        // The administrator's own texts at the tile, shown as given in every language (Logon.TileText).
        /// <summary>The label of the tile's code field ("Adatum code"); empty: the session language's "One-time code".</summary>
        public const string TileLabel = "win_tile_label";
        /// <summary>A help-desk line ("Help desk: +1 555 0100, ext. 42") after the tile's enrolment hint and its refusals; empty: none.</summary>
        public const string HelpdeskText = "win_helpdesk_text";

        /// <summary>
        /// Subkey holding each account's last code-verified sign-in (session, time, boot clocks) for the unlock grace,
        /// with the same explicit ACL as <see cref="DeviceKeyName"/>: SYSTEM and Administrators only, so no user can
        /// write themselves a grace.
        /// </summary>
        public const string SessionGraceKey = "SessionGrace";

        /// <summary>
        /// Written by registration into <see cref="DeviceKeyName"/>: the device id (REG_SZ) and its key under DPAPI machine
        /// scope (REG_BINARY). Earlier versions kept them in HKLM\Software\SecureMFA itself, readable by every
        /// local user; found there they are not used (see <see cref="Device.DeviceStore"/>).
        /// </summary>
        public const string DeviceId = "win_device_id";
        public const string DeviceKey = "win_device_key";
        /// <summary>
        /// In <see cref="DeviceKeyName"/>: the id of this computer's device after the WEB API answered, signed with its key,
        /// that it was revoked (REG_SZ). While it names the registered device, no code is checked here, online or offline;
        /// a new registration removes it.
        /// </summary>
        public const string DeviceRevoked = "win_device_revoked";

        /// <summary>
        /// Subkey of the device registration, readable and writable by SYSTEM and Administrators only (an explicit ACL,
        /// nothing inherited): DPAPI machine scope opens for any process on the computer, so the ACL is what keeps the
        /// device key from local users.
        /// </summary>
        public const string DeviceKeyName = "Device";
        public const string DeviceRegistryPath = $"{RegistryPath}\\{DeviceKeyName}";

        /// <summary>Subkey holding each offline vault's generation, so a vault file put back from a copy is noticed.</summary>
        public const string VaultGenerationsKey = "VaultGenerations";

        /// <summary>Original parameters this version does not keep: licensing is gone, the device key replaces the passphrase, the bootstrap value is used once.</summary>
        public static readonly string[] NotUsed =
        {
            "win_serialkey", "win_subscriptionid", "win_data_encryption_passphrase", "win_api_headers_value",
        };
    }
}
