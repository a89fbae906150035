using System.Collections.Generic;

namespace SecureMFA.Core.Configuration
{
    /// <summary>Every key SecureMfaOtpProvider.json may hold, and the aliases the documentation also used.</summary>
    public static class ConfigurationKeys
    {
        public const string Company = "company";
        public const string SerialKey = "serialkey";
        public const string SubscriptionId = "subscriptionid";
        public const string SqlServer = "sqlserver";
        public const string SqlDbName = "sqldbname";
        public const string SqlIntegratedSecurity = "sqlintegratedsecurity";
        public const string SqlUserAccount = "sqluseraccount";
        public const string SqlUserPassword = "sqluserpassword";
        public const string SqlEncrypt = "sqlencrypt";
        public const string SqlTrustServerCertificate = "sqltrustservercertificate";
        public const string SqlitePath = "sqlite_path";
        public const string AdServer = "ad_server";
        public const string AdPort = "ad_port";
        public const string AdSsl = "ad_ssl";
        public const string AdUser = "ad_user";
        public const string AdPassword = "ad_password";
        public const string AdSearchBase = "ad_search_base";
        public const string DataEncryption = "data_encryption";
        public const string DataEncryptionPassphrase = "data_encryption_passphrase";
        public const string UiCustomization = "ui_customization";
        public const string UiFirstLoginText = "ui_first_login_text";
        public const string UiLoginText = "ui_login_text";
        public const string UiAllowQrDisplayFromNetworks = "ui_allow_qr_display_from_networks";
        public const string UiLoginFailures = "ui_login_failures";
        public const string UiLockoutMinutes = "ui_lockout_minutes";
        public const string UiTrustedProxies = "ui_trusted_proxies";
        public const string UiHelpdeskText = "ui_helpdesk_text";
        public const string UiHelpdeskUrl = "ui_helpdesk_url";
        public const string TotpCustomization = "totp_customization";
        public const string TotpRemoveUserPrefix = "totp_remove_user_prefix";
        public const string TotpOfflineQrEnable = "totp_offline_qr_enable";
        public const string TotpOfflineQrAlgorithm = "totp_offline_qr_algorithm";
        public const string TotpOfflineQrPeriod = "totp_offline_qr_period";
        public const string TotpDigits = "totp_digits";
        public const string TotpWindowSteps = "totp_window_steps";
        public const string TotpApiEndpoint = "totp_api_endpoint";
        public const string TotpApiOtpauthAdvancedParams = "totp_api_otpauth_advanced_params";
        public const string TotpImageWidthPixels = "totp_image_width_pixels";
        public const string TotpImageHeightPixels = "totp_image_height_pixels";
        public const string AuthMode = "auth_mode";
        public const string VerboseLog = "verboselog";
        public const string ApiBasePath = "api_base_path";
        public const string ApiHeadersValue = "api_headers_value";
        public const string ApiRegisterPerAddressPerHour = "api_register_per_address_per_hour";
        public const string ApiRegisterPerHour = "api_register_per_hour";
        public const string ApiOfflineMaxDays = "api_offline_max_days";

        /// <summary>Spellings from the product documentation, mapped to the canonical key.</summary>
        public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>
        {
            ["encryption_passphrase"] = DataEncryptionPassphrase,
            ["login_failures"] = UiLoginFailures,
            ["lockout_minutes"] = UiLockoutMinutes,
        };

        public static readonly IReadOnlyCollection<string> All = new HashSet<string>
        {
            Company, SerialKey, SubscriptionId, SqlServer, SqlDbName, SqlIntegratedSecurity, SqlUserAccount,
            SqlUserPassword, SqlEncrypt, SqlTrustServerCertificate, SqlitePath, AdServer, AdPort, AdSsl, AdUser,
            AdPassword, AdSearchBase, DataEncryption, DataEncryptionPassphrase, UiCustomization, UiFirstLoginText,
            UiLoginText, UiAllowQrDisplayFromNetworks, UiLoginFailures, UiLockoutMinutes, TotpCustomization,
            TotpRemoveUserPrefix, TotpOfflineQrEnable, TotpOfflineQrAlgorithm, TotpOfflineQrPeriod, TotpDigits,
            TotpWindowSteps, TotpApiEndpoint, TotpApiOtpauthAdvancedParams, TotpImageWidthPixels,
            TotpImageHeightPixels, AuthMode, VerboseLog, UiTrustedProxies, UiHelpdeskText, UiHelpdeskUrl, ApiBasePath,
            ApiHeadersValue, ApiRegisterPerAddressPerHour, ApiRegisterPerHour, ApiOfflineMaxDays,
        };

        /// <summary>Values never repeated in messages or logs (aliases included).</summary>
        public static bool IsSecret(string key)
        {
            if (Aliases.TryGetValue(key, out var canonical)) key = canonical;
            return key == DataEncryptionPassphrase || key == SqlUserPassword || key == AdPassword || key == SerialKey || key == ApiHeadersValue;
        }

        /// <summary>Texts shown to people, where typographic quotes and apostrophes are welcome.</summary>
        public static bool IsFreeText(string key) =>
            key == Company || key == UiFirstLoginText || key == UiLoginText || key == UiHelpdeskText;
    }
}
