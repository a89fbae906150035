using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecureMFA.Core.Enrollment;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.Network;
using SecureMFA.Otp.Totp;
using K = SecureMFA.Core.Configuration.ConfigurationKeys;

namespace SecureMFA.Core.Configuration
{
    /// <summary>
    /// Reads and validates SecureMfaOtpProvider.json. Values may be JSON strings ("true", "15"), as in
    /// the documented sample, or native booleans and numbers. Every problem is reported at once; legal but
    /// risky settings are warnings (<see cref="RiskySettings"/>). No message ever repeats a secret value.
    /// </summary>
    public static class ConfigurationLoader
    {
        /// <summary>The sample passphrase printed in public documentation; refused because everyone knows it.</summary>
        public const string DocumentationSamplePassphrase = "d9GhT=7=Ox8-+LaZ";
        public const int MinimumPassphraseLength = 12;
        public const int MinimumApiHeadersValueLength = 16;

        public static ProviderConfiguration LoadFile(string path)
        {
            if (!File.Exists(path)) throw new ConfigurationException($"The configuration file \"{path}\" does not exist.");
            return LoadOrThrow(File.ReadAllText(path, Encoding.UTF8));
        }

        public static ProviderConfiguration LoadStream(Stream? stream)
        {
            var result = ParseStream(stream);
            return result.Configuration ?? throw new ConfigurationException(result.Issues);
        }

        /// <summary>Reads the stream AD FS hands over; a null stream means no configuration was registered.</summary>
        public static ConfigurationResult ParseStream(Stream? stream)
        {
            if (stream == null)
                throw new ConfigurationException("No configuration was registered: register the provider with -ConfigurationFilePath pointing to SecureMfaOtpProvider.json.");
            using (var reader = new StreamReader(stream, Encoding.UTF8))
                return Parse(reader.ReadToEnd());
        }

        public static ProviderConfiguration LoadOrThrow(string json)
        {
            var result = Parse(json);
            return result.Configuration ?? throw new ConfigurationException(result.Issues);
        }

        public static ConfigurationResult Parse(string json)
        {
            var issues = new List<ConfigurationIssue>();
            var file = ConfigurationJson.Parse(json, issues);
            if (file == null) return new ConfigurationResult(null, issues);

            var values = ConfigurationValues.From(json, file, issues);
            var config = Read(values, issues);
            CheckCombinations(config, values, issues);
            RiskySettings.Check(config, values, issues);
            var hasErrors = issues.Exists(i => i.Severity == IssueSeverity.Error);
            return new ConfigurationResult(hasErrors ? null : config, issues);
        }

        private static ProviderConfiguration Read(ConfigurationValues v, List<ConfigurationIssue> issues)
        {
            var c = new ProviderConfiguration();
            c.Company = v.Text(K.Company, c.Company);
            if (c.Company.Trim().Length == 0) issues.Add(Error(K.Company, "must not be empty: it is the issuer shown in the authenticator app"));
            // serialkey and subscriptionid are read for compatibility; every feature is open.
            v.Text(K.SerialKey, "");
            v.Text(K.SubscriptionId, "");

            c.AuthMode = v.Enum(K.AuthMode, AuthMode.SQLITE);
            c.SqlServer = v.Text(K.SqlServer, "");
            c.SqlDatabaseName = v.Text(K.SqlDbName, c.SqlDatabaseName);
            c.SqlIntegratedSecurity = v.Bool(K.SqlIntegratedSecurity, true);
            c.SqlUserAccount = v.Text(K.SqlUserAccount, "");
            c.SqlUserPassword = v.Text(K.SqlUserPassword, "");
            c.SqlEncrypt = v.Bool(K.SqlEncrypt, true);
            c.SqlTrustServerCertificate = v.Bool(K.SqlTrustServerCertificate, false);
            var sqlitePath = v.Text(K.SqlitePath, "");
            c.SqlitePath = sqlitePath.Trim().Length == 0 ? DefaultSqlitePath() : sqlitePath;
            c.AdServer = v.Text(K.AdServer, "");
            c.AdSsl = v.Bool(K.AdSsl, true);
            c.AdPort = v.Int(K.AdPort, 0, 0, 65535);
            c.AdUser = v.Text(K.AdUser, "");
            c.AdPassword = v.Text(K.AdPassword, "");
            c.AdSearchBase = v.Text(K.AdSearchBase, "");

            c.DataEncryption = v.Bool(K.DataEncryption, false);
            c.DataEncryptionPassphrase = v.Text(K.DataEncryptionPassphrase, "");

            c.UiCustomization = v.Bool(K.UiCustomization, false);
            c.UiFirstLoginText = v.Text(K.UiFirstLoginText, "");
            c.UiLoginText = v.Text(K.UiLoginText, "");
            try { c.QrAllowedNetworks = AllowedNetworks.Parse(v.Text(K.UiAllowQrDisplayFromNetworks, "")); }
            catch (FormatException ex) { issues.Add(Error(K.UiAllowQrDisplayFromNetworks, ex.Message)); }
            c.TrustedProxies = TrustedProxies(v, issues);
            c.Lockout = new LockoutPolicy(v.Int(K.UiLoginFailures, 5, 0, 1000), v.Int(K.UiLockoutMinutes, 5, 0, 525600));
            c.HelpdeskText = v.Text(K.UiHelpdeskText, "");
            c.HelpdeskUrl = v.Text(K.UiHelpdeskUrl, "").Trim(' ');
            var linkProblem = HelpdeskLinkFormat.Problem(c.HelpdeskUrl);
            if (linkProblem != null) issues.Add(Error(K.UiHelpdeskUrl, linkProblem));

            c.TotpCustomization = v.Bool(K.TotpCustomization, false);
            c.RemoveUserPrefix = v.Bool(K.TotpRemoveUserPrefix, false);
            c.OfflineQrEnabled = v.Bool(K.TotpOfflineQrEnable, true);
            var algorithm = v.Enum(K.TotpOfflineQrAlgorithm, TotpAlgorithm.SHA1);
            var period = v.Int(K.TotpOfflineQrPeriod, 30, 10, 300);
            var digits = v.Int(K.TotpDigits, 6, 6, 8);
            if (digits == 7) issues.Add(Error(K.TotpDigits, "\"7\" is not supported: use 6 or 8"));
            else if (c.TotpCustomization) c.EnrollmentParameters = new TotpParameters(algorithm, digits, period);
            c.DriftWindowSteps = v.Int(K.TotpWindowSteps, TotpVerifier.DefaultWindowSteps, 0, 10);
            c.QrApiEndpoint = v.Text(K.TotpApiEndpoint, "");
            // Spaces around the pairs are forgiven; a line break or tab is not (it would end up in the URI).
            c.OtpAuthAdvancedParameters = v.Text(K.TotpApiOtpauthAdvancedParams, "").Trim(' ');
            CheckAdvancedParameters(c, issues);
            c.ImageWidthPixels = v.Int(K.TotpImageWidthPixels, 200, 50, 2000);
            c.ImageHeightPixels = v.Int(K.TotpImageHeightPixels, 200, 50, 2000);
            c.VerboseLog = v.Bool(K.VerboseLog, false);

            var basePath = v.Text(K.ApiBasePath, "");
            c.ApiBasePath = basePath.Length == 0 ? ApiBasePathFormat.Default : basePath;
            var pathProblem = ApiBasePathFormat.Problem(c.ApiBasePath);
            if (pathProblem != null) issues.Add(Error(K.ApiBasePath, pathProblem));
            c.ApiHeadersValue = v.Text(K.ApiHeadersValue, "");
            c.ApiRegisterPerAddressPerHour = v.Int(K.ApiRegisterPerAddressPerHour, 100, 1, 1_000_000);
            c.ApiRegisterPerHour = v.Int(K.ApiRegisterPerHour, 1000, 1, 1_000_000);
            c.ApiOfflineMaxDays = v.Int(K.ApiOfflineMaxDays, 30, 0, 365);
            return c;
        }

        /// <summary>Empty means no proxy is trusted, so the result is null rather than an "everywhere" list.</summary>
        private static AllowedNetworks? TrustedProxies(ConfigurationValues v, List<ConfigurationIssue> issues)
        {
            var text = v.Text(K.UiTrustedProxies, "");
            if (ListsNoRange(text)) return null;
            try { return AllowedNetworks.Parse(text); }
            catch (FormatException ex)
            {
                issues.Add(Error(K.UiTrustedProxies, ex.Message));
                return null;
            }
        }

        /// <summary>
        /// The advanced pairs may repeat algorithm, digits or period only with the value new enrolments get
        /// (the original product's sample carries "&amp;algorithm=SHA1"); the URI then carries it once.
        /// </summary>
        private static void CheckAdvancedParameters(ProviderConfiguration c, List<ConfigurationIssue> issues)
        {
            var problem = OtpAuthAdvancedParameters.Validate(c.OtpAuthAdvancedParameters);
            if (problem != null)
            {
                issues.Add(Error(K.TotpApiOtpauthAdvancedParams, problem));
                return;
            }
            foreach (var disagreement in OtpAuthAdvancedParameters.Disagreements(c.OtpAuthAdvancedParameters, c.EnrollmentParameters))
            {
                var name = disagreement.Key.Substring(1, disagreement.Key.IndexOf('=') - 1).ToLowerInvariant();
                var source = name == "algorithm" ? K.TotpOfflineQrAlgorithm : name == "digits" ? K.TotpDigits : K.TotpOfflineQrPeriod;
                var why = c.TotpCustomization ? "" : $" (the default: {K.TotpCustomization} is false)";
                issues.Add(Error(K.TotpApiOtpauthAdvancedParams, $"\"{disagreement.Key}\" disagrees with {source} \"{disagreement.Value}\"{why}"));
            }
        }

        private static void CheckCombinations(ProviderConfiguration c, ConfigurationValues v, List<ConfigurationIssue> issues)
        {
            var passphraseKey = v.Name(K.DataEncryptionPassphrase);
            if (c.DataEncryption)
            {
                if (c.DataEncryptionPassphrase.Length == 0)
                    issues.Add(Error(passphraseKey, "is required when data_encryption is true"));
                else if (c.DataEncryptionPassphrase == DocumentationSamplePassphrase)
                    issues.Add(Error(passphraseKey, "is the sample passphrase from the public documentation; choose your own"));
                else if (c.DataEncryptionPassphrase.Length < MinimumPassphraseLength)
                    issues.Add(Error(passphraseKey, $"is too short: use at least {MinimumPassphraseLength} characters"));
            }
            else if (c.DataEncryptionPassphrase == DocumentationSamplePassphrase)
            {
                issues.Add(Warn(passphraseKey, "is the sample passphrase published in the original product's documentation: replace it with your own before turning data_encryption on"));
            }

            if (c.ApiHeadersValue.Length > 0)
            {
                if (c.ApiHeadersValue.Length < MinimumApiHeadersValueLength)
                    issues.Add(Error(K.ApiHeadersValue, $"is too short: use at least {MinimumApiHeadersValueLength} random characters, or leave it empty to keep device registration closed"));
                if (c.ApiHeadersValue.Trim().Length != c.ApiHeadersValue.Length)
                    issues.Add(Error(K.ApiHeadersValue, "starts or ends with a space or line break, which devices would not send; remove it"));
            }

            switch (c.AuthMode)
            {
                case AuthMode.MSSQL:
                    if (c.SqlServer.Trim().Length == 0) issues.Add(Error(K.SqlServer, "is required when auth_mode is MSSQL"));
                    if (c.SqlDatabaseName.Trim().Length == 0) issues.Add(Error(K.SqlDbName, "is required when auth_mode is MSSQL"));
                    if (!c.SqlIntegratedSecurity && c.SqlUserAccount.Length == 0)
                        issues.Add(Error(K.SqlUserAccount, "is required when sqlintegratedsecurity is false"));
                    break;
                case AuthMode.AD:
                    if (!c.DataEncryption)
                        issues.Add(Error(K.DataEncryption, "must be true when auth_mode is AD: secrets in directory attributes are always encrypted"));
                    if (c.AdUser.Length > 0 && c.AdPassword.Length == 0)
                        issues.Add(Error(K.AdPassword, "is required when ad_user is set"));
                    if (c.AdUser.Length > 0 && !c.AdSsl)
                        issues.Add(Error(K.AdSsl, "is false while ad_user is set: that simple bind would send ad_password over the network in clear text. " +
                                                  "Set ad_ssl to true (LDAPS), or leave ad_user and ad_password empty to bind as the AD FS service account with Negotiate, which signs and seals"));
                    break;
            }

            if (!c.OfflineQrEnabled &&
                (!Uri.TryCreate(c.QrApiEndpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != "https" && endpoint.Scheme != "http")))
                issues.Add(Error(K.TotpApiEndpoint, $"\"{PrintableText.Of(c.QrApiEndpoint)}\" is not an http(s) URL; it is required when totp_offline_qr_enable is false"));
        }

        /// <summary>Whether a "lower/upper;…" list is empty (";;" included, as in the original product's sample).</summary>
        internal static bool ListsNoRange(string text) => !text.Split(';').Any(entry => entry.Trim().Length > 0);

        private static string DefaultSqlitePath() =>
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "SecureMFA_OTP", "SecureMfaOtp.db");

        internal static ConfigurationIssue Error(string key, string message) => new ConfigurationIssue(IssueSeverity.Error, key, message);
        internal static ConfigurationIssue Warn(string key, string message) => new ConfigurationIssue(IssueSeverity.Warning, key, message);
    }
}
