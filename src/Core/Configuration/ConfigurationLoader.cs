using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
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
    /// the documented sample, or native booleans and numbers. Every problem is reported at once.
    /// </summary>
    public static class ConfigurationLoader
    {
        /// <summary>The sample passphrase printed in public documentation; refused because everyone knows it.</summary>
        public const string DocumentationSamplePassphrase = "d9GhT=7=Ox8-+LaZ";
        public const int MinimumPassphraseLength = 12;

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
            IReadOnlyList<KeyValuePair<string, JsonScalar>> members;
            try { members = FlatJsonReader.Parse(json); }
            catch (JsonSyntaxException ex)
            {
                issues.Add(new ConfigurationIssue(IssueSeverity.Error, "", "The configuration is not valid JSON: " + ex.Message));
                return new ConfigurationResult(null, issues);
            }

            var values = new ValueReader(Canonicalize(members, issues), issues);
            var config = Read(values, issues);
            var hasErrors = issues.Exists(i => i.Severity == IssueSeverity.Error);
            return new ConfigurationResult(hasErrors ? null : config, issues);
        }

        private static Dictionary<string, JsonScalar> Canonicalize(IEnumerable<KeyValuePair<string, JsonScalar>> members, List<ConfigurationIssue> issues)
        {
            var values = new Dictionary<string, JsonScalar>(StringComparer.Ordinal);
            foreach (var member in members)
            {
                var key = member.Key.Trim().ToLowerInvariant();
                if (K.Aliases.TryGetValue(key, out var canonical))
                {
                    if (values.ContainsKey(canonical)) { issues.Add(Warn(key, $"ignored: {canonical} is also set and wins")); continue; }
                    key = canonical;
                }
                else if (!System.Linq.Enumerable.Contains(K.All, key))
                {
                    issues.Add(Warn(member.Key, "unknown key, ignored (check the spelling)"));
                    continue;
                }
                values[key] = member.Value;
            }
            return values;
        }

        private static ProviderConfiguration Read(ValueReader v, List<ConfigurationIssue> issues)
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
            c.SqlitePath = v.Text(K.SqlitePath, DefaultSqlitePath());
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
            var networks = v.Text(K.UiAllowQrDisplayFromNetworks, "");
            try { c.QrAllowedNetworks = AllowedNetworks.Parse(networks); }
            catch (FormatException ex) { issues.Add(Error(K.UiAllowQrDisplayFromNetworks, ex.Message)); }
            c.Lockout = new LockoutPolicy(v.Int(K.UiLoginFailures, 5, 0, 1000), v.Int(K.UiLockoutMinutes, 5, 0, 525600));

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
            c.OtpAuthAdvancedParameters = v.Text(K.TotpApiOtpauthAdvancedParams, "").Trim();
            var advancedError = OtpAuthAdvancedParameters.Validate(c.OtpAuthAdvancedParameters);
            if (advancedError != null) issues.Add(Error(K.TotpApiOtpauthAdvancedParams, advancedError));
            c.ImageWidthPixels = v.Int(K.TotpImageWidthPixels, 200, 50, 2000);
            c.ImageHeightPixels = v.Int(K.TotpImageHeightPixels, 200, 50, 2000);
            c.VerboseLog = v.Bool(K.VerboseLog, false);
            c.ApiBasePath = v.Text(K.ApiBasePath, c.ApiBasePath).Trim();
            if (!c.ApiBasePath.StartsWith("/", StringComparison.Ordinal) || c.ApiBasePath.Contains("?") || c.ApiBasePath.Contains("#") || c.ApiBasePath.Contains(" "))
                issues.Add(Error(K.ApiBasePath, $"\"{c.ApiBasePath}\" is not a URL path starting with /"));
            c.ApiBasePath = c.ApiBasePath.Length > 1 ? c.ApiBasePath.TrimEnd('/') : c.ApiBasePath;
            c.ApiHeadersValue = v.Text(K.ApiHeadersValue, "");
            c.ApiOfflineMaxDays = v.Int(K.ApiOfflineMaxDays, 30, 0, 365);

            CheckCombinations(c, v, issues);
            return c;
        }

        private static void CheckCombinations(ProviderConfiguration c, ValueReader v, List<ConfigurationIssue> issues)
        {
            if (c.DataEncryption)
            {
                if (c.DataEncryptionPassphrase.Length == 0)
                    issues.Add(Error(K.DataEncryptionPassphrase, "is required when data_encryption is true"));
                else if (c.DataEncryptionPassphrase == DocumentationSamplePassphrase)
                    issues.Add(Error(K.DataEncryptionPassphrase, "is the sample passphrase from the public documentation; choose your own"));
                else if (c.DataEncryptionPassphrase.Length < MinimumPassphraseLength)
                    issues.Add(Error(K.DataEncryptionPassphrase, $"is too short: use at least {MinimumPassphraseLength} characters"));
            }
            else if (v.Has(K.DataEncryption))
            {
                issues.Add(Warn(K.DataEncryption, "is false: OTP secrets are stored unencrypted"));
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
                    break;
                case AuthMode.SQLITE:
                    if (c.SqlitePath.Trim().Length == 0) issues.Add(Error(K.SqlitePath, "is required when auth_mode is SQLITE"));
                    break;
            }

            if (!c.OfflineQrEnabled)
            {
                if (!Uri.TryCreate(c.QrApiEndpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != "https" && endpoint.Scheme != "http"))
                    issues.Add(Error(K.TotpApiEndpoint, $"\"{c.QrApiEndpoint}\" is not an http(s) URL; it is required when totp_offline_qr_enable is false"));
                else
                    issues.Add(Warn(K.TotpApiEndpoint, "the external QR service receives every enrolling user's secret; prefer totp_offline_qr_enable = true"));
            }
        }

        private static string DefaultSqlitePath() =>
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "SecureMFA_OTP", "SecureMfaOtp.db");

        internal static ConfigurationIssue Error(string key, string message) => new ConfigurationIssue(IssueSeverity.Error, key, message);
        internal static ConfigurationIssue Warn(string key, string message) => new ConfigurationIssue(IssueSeverity.Warning, key, message);

        /// <summary>Typed access to the raw values; a bad value becomes an issue and the default is used.</summary>
        private sealed class ValueReader
        {
            private readonly Dictionary<string, JsonScalar> _values;
            private readonly List<ConfigurationIssue> _issues;

            public ValueReader(Dictionary<string, JsonScalar> values, List<ConfigurationIssue> issues)
            {
                _values = values;
                _issues = issues;
            }

            public bool Has(string key) => _values.ContainsKey(key);

            public string Text(string key, string fallback)
            {
                if (!_values.TryGetValue(key, out var value) || value.Text == "null" && !value.IsString) return fallback;
                return value.Text;
            }

            public bool Bool(string key, bool fallback)
            {
                if (!_values.TryGetValue(key, out var value) || Blank(value)) return fallback;
                if (string.Equals(value.Text, "true", StringComparison.OrdinalIgnoreCase)) return true;
                if (string.Equals(value.Text, "false", StringComparison.OrdinalIgnoreCase)) return false;
                _issues.Add(Error(key, $"{Show(key, value)} is not true or false"));
                return fallback;
            }

            public int Int(string key, int fallback, int min, int max)
            {
                if (!_values.TryGetValue(key, out var value) || Blank(value)) return fallback;
                if (!int.TryParse(value.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    _issues.Add(Error(key, $"{Show(key, value)} is not a whole number"));
                    return fallback;
                }
                if (number < min || number > max)
                {
                    _issues.Add(Error(key, $"{Show(key, value)} is out of range ({min} to {max})"));
                    return fallback;
                }
                return number;
            }

            public T Enum<T>(string key, T fallback) where T : struct
            {
                if (!_values.TryGetValue(key, out var value) || Blank(value)) return fallback;
                if (System.Enum.TryParse<T>(value.Text.Trim(), true, out var parsed) && System.Enum.IsDefined(typeof(T), parsed) && !char.IsDigit(value.Text.Trim()[0]))
                    return parsed;
                _issues.Add(Error(key, $"{Show(key, value)} is not one of {string.Join(", ", System.Enum.GetNames(typeof(T)))}"));
                return fallback;
            }

            private static bool Blank(JsonScalar value) => (!value.IsString && value.Text == "null") || value.Text.Trim().Length == 0;

            private static string Show(string key, JsonScalar value) => K.IsSecret(key) ? "the value" : value.ToString();
        }
    }
}
