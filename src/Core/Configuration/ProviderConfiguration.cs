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

        /// <summary>The WEB API's path prefix (api_base_path).</summary>
        public string ApiBasePath { get; internal set; } = "/api/securemfaotp";

        /// <summary>The WEB API's device-registration bootstrap secret (api_headers_value); empty = registration closed.</summary>
        public string ApiHeadersValue { get; internal set; } = "";

        /// <summary>How many days a WEB API offline package may last at most (api_offline_max_days); 0 = no offline packages.</summary>
        public int ApiOfflineMaxDays { get; internal set; } = 30;
    }
}
