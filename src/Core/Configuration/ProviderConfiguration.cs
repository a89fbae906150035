using System.Net;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Network;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.Configuration
{
    /// <summary>SecureMfaOtpProvider.json, validated. Built by <see cref="ConfigurationLoader"/>.</summary>
    public sealed class ProviderConfiguration
    {
        /// <summary>The issuer shown in the authenticator app.</summary>
        public string Company { get; internal set; } = "SecureMFA";
        public AuthMode AuthMode { get; internal set; } = AuthMode.SQLITE;

        public string SqlServer { get; internal set; } = "";
        public string SqlDatabaseName { get; internal set; } = "SecureMfaOTP";
        public bool SqlIntegratedSecurity { get; internal set; } = true;
        public string SqlUserAccount { get; internal set; } = "";
        public string SqlUserPassword { get; internal set; } = "";
        public bool SqlEncrypt { get; internal set; } = true;
        public bool SqlTrustServerCertificate { get; internal set; }

        public string SqlitePath { get; internal set; } = "";

        public string AdServer { get; internal set; } = "";
        public int AdPort { get; internal set; }
        public bool AdSsl { get; internal set; } = true;
        public string AdUser { get; internal set; } = "";
        public string AdPassword { get; internal set; } = "";
        public string AdSearchBase { get; internal set; } = "";

        public bool DataEncryption { get; internal set; }
        public string DataEncryptionPassphrase { get; internal set; } = "";

        public bool UiCustomization { get; internal set; }
        public string UiFirstLoginText { get; internal set; } = "";
        public string UiLoginText { get; internal set; } = "";
        public AllowedNetworks QrAllowedNetworks { get; internal set; } = AllowedNetworks.Everywhere;
        public LockoutPolicy Lockout { get; internal set; } = new LockoutPolicy(5, 5);

        /// <summary>
        /// ui_trusted_proxies: the Web Application Proxy servers whose X-MS-Forwarded-Client-IP header is believed.
        /// Null when the key is empty: then no proxy is trusted. (An empty AllowedNetworks allows everywhere,
        /// which is the opposite of what "no trusted proxy" means, so it is never used here.)
        /// </summary>
        public AllowedNetworks? TrustedProxies { get; internal set; }

        /// <summary>Whether the TCP peer is a configured proxy whose forwarded client address may be believed.</summary>
        public bool IsTrustedProxy(IPAddress? peer) => TrustedProxies != null && peer != null && TrustedProxies.Allows(peer);

        /// <summary>ui_helpdesk_text: plain text for the locked, disabled and unavailable pages ("" when none).</summary>
        public string HelpdeskText { get; internal set; } = "";

        /// <summary>ui_helpdesk_url: an https:, http:, mailto: or tel: link shown with the help-desk text ("" when none).</summary>
        public string HelpdeskUrl { get; internal set; } = "";

        public bool TotpCustomization { get; internal set; }
        public bool RemoveUserPrefix { get; internal set; }
        public bool OfflineQrEnabled { get; internal set; } = true;
        public string QrApiEndpoint { get; internal set; } = "";
        public string OtpAuthAdvancedParameters { get; internal set; } = "";
        public int ImageWidthPixels { get; internal set; } = 200;
        public int ImageHeightPixels { get; internal set; } = 200;

        /// <summary>What new enrolments use; existing users keep the parameters they enrolled with.</summary>
        public TotpParameters EnrollmentParameters { get; internal set; } = TotpParameters.Default;
        public int DriftWindowSteps { get; internal set; } = TotpVerifier.DefaultWindowSteps;

        public bool VerboseLog { get; internal set; }

        /// <summary>api_base_path: where the WEB API listens; starts with '/', no trailing '/'.</summary>
        public string ApiBasePath { get; internal set; } = ApiBasePathFormat.Default;

        /// <summary>api_headers_value: the device bootstrap secret of the WEB API; "" keeps device registration closed.</summary>
        public string ApiHeadersValue { get; internal set; } = "";

        public bool DeviceRegistrationOpen => ApiHeadersValue.Length > 0;

        /// <summary>api_register_per_address_per_hour: registrations with the right bootstrap value from one client address per hour (1 to 1,000,000).</summary>
        public int ApiRegisterPerAddressPerHour { get; internal set; } = 100;

        /// <summary>api_register_per_hour: registrations with the right bootstrap value per hour in all, per API server (1 to 1,000,000).</summary>
        public int ApiRegisterPerHour { get; internal set; } = 1000;

        /// <summary>api_offline_max_days: how long an offline package stays valid, 0 to 365; 0 = none is issued.</summary>
        public int ApiOfflineMaxDays { get; internal set; } = 30;

        public bool OfflinePackagesAllowed => ApiOfflineMaxDays > 0;
    }

    /// <summary>Where OTP users are stored (config key auth_mode).</summary>
    public enum AuthMode
    {
        /// <summary>SQL Server, the production store for farms.</summary>
        MSSQL,
        /// <summary>sMFA-OTP-* attributes on the user object in Active Directory.</summary>
        AD,
        /// <summary>An embedded SQLite file: demo, tests, single-node.</summary>
        SQLITE,
    }
}
