using System;
using System.Collections.Generic;
using SecureMFA.Otp.Totp;
using K = SecureMFA.Core.Configuration.ConfigurationKeys;

namespace SecureMFA.Core.Configuration
{
    /// <summary>
    /// Settings that are legal but probably unintended or risky. They are warnings, never errors: the provider
    /// starts, and Test-SecureMfaOtpConfiguration and AD FS event 5550 show each one, naming its key.
    /// </summary>
    internal static class RiskySettings
    {
        public const int ManyLoginFailures = 10;

        public static void Check(ProviderConfiguration c, ConfigurationValues v, List<ConfigurationIssue> issues)
        {
            void Warn(string key, string message) => issues.Add(ConfigurationLoader.Warn(key, message));

            // Lockout
            if (c.Lockout.MaxFailures == 0)
                Warn(v.Name(K.UiLoginFailures), "is 0: lockout is off, so codes can be guessed without limit; 5 is a sound value");
            else if (c.Lockout.Duration == TimeSpan.Zero)
                Warn(v.Name(K.UiLockoutMinutes), "is 0: lockout is off, so codes can be guessed without limit; 5 or more minutes is a sound value");
            else if (c.Lockout.MaxFailures > ManyLoginFailures)
                Warn(v.Name(K.UiLoginFailures), $"is {c.Lockout.MaxFailures}: that many guesses per lockout period makes guessing a code much easier; 5 is a sound value");
            if (c.DriftWindowSteps > 1)
                Warn(K.TotpWindowSteps, $"is {c.DriftWindowSteps}: {2 * c.DriftWindowSteps + 1} codes are accepted at any time, so guessing is that much easier; 1 covers normal clock drift");

            // Secrets at rest and in transit
            // Only when the file says so, as before; event 5550 reports "data_encryption False" either way.
            if (!c.DataEncryption && c.AuthMode != AuthMode.AD && v.Has(K.DataEncryption))
                Warn(K.DataEncryption, "is false: OTP secrets are stored unencrypted");
            if (c.AuthMode == AuthMode.MSSQL)
            {
                var localPipe = c.SqlServer.StartsWith(@"\\.\pipe\", StringComparison.OrdinalIgnoreCase);
                if (!c.SqlEncrypt && !localPipe)
                    Warn(K.SqlEncrypt, "is false: OTP data crosses the network to SQL Server unencrypted");
                if (c.SqlTrustServerCertificate)
                    Warn(K.SqlTrustServerCertificate, "is true: any certificate is accepted, so a machine in the middle can pose as SQL Server; install a trusted certificate instead");
                if (!c.SqlIntegratedSecurity)
                    Warn(K.SqlIntegratedSecurity, "is false: the SQL password is kept in this file and in the AD FS configuration; integrated security needs no password");
            }

            // Enrolment
            if (!c.OfflineQrEnabled && c.QrApiEndpoint.Length > 0)
            {
                Warn(K.TotpApiEndpoint, "the external QR service receives every enrolling user's secret; prefer totp_offline_qr_enable = true");
                if (c.QrApiEndpoint.StartsWith("http:", StringComparison.OrdinalIgnoreCase))
                    Warn(K.TotpApiEndpoint, "uses http: every enrolling user's secret also crosses the network in clear; use https");
            }
            if (c.TrustedProxies != null && ConfigurationLoader.ListsNoRange(v.Text(K.UiAllowQrDisplayFromNetworks, "")))
                Warn(K.UiAllowQrDisplayFromNetworks, "is empty while ui_trusted_proxies is set: anyone signing in from the internet through the proxy can enrol a device; list your internal networks");
            foreach (var key in new[] { K.UiAllowQrDisplayFromNetworks, K.UiTrustedProxies })
                foreach (var message in NetmaskLookalike.Find(v.Text(key, "")))
                    Warn(key, message);

            // TOTP settings
            if (c.TotpCustomization && c.EnrollmentParameters.Algorithm != TotpAlgorithm.SHA1)
                Warn(K.TotpOfflineQrAlgorithm, $"is {c.EnrollmentParameters.Algorithm}: several authenticator apps ignore it and show SHA1 codes that never work; test your users' apps");
            if (!c.TotpCustomization)
            {
                if (IsSetOtherThan(v, K.TotpOfflineQrAlgorithm, "SHA1"))
                    Warn(K.TotpOfflineQrAlgorithm, "has no effect while totp_customization is false (new enrolments use SHA1)");
                if (IsSetOtherThan(v, K.TotpOfflineQrPeriod, "30"))
                    Warn(K.TotpOfflineQrPeriod, "has no effect while totp_customization is false (new enrolments use 30)");
                if (IsSetOtherThan(v, K.TotpDigits, "6"))
                    Warn(K.TotpDigits, "has no effect while totp_customization is false (new enrolments use 6)");
            }

            // Pages
            if (c.HelpdeskUrl.StartsWith("http:", StringComparison.OrdinalIgnoreCase))
                Warn(K.UiHelpdeskUrl, "uses http: the help-desk page can be altered on the way; use https");
            if (c.VerboseLog)
                Warn(K.VerboseLog, "is true: an event for every page shown to every user fills the event log; turn it off after troubleshooting");

            // WEB API
            if (c.ApiHeadersValue.Length > 0 && c.ApiHeadersValue == c.DataEncryptionPassphrase)
                Warn(K.ApiHeadersValue, $"is the same as {v.Name(K.DataEncryptionPassphrase)}: every device would hold the key to the secrets at rest; use a different random value");
        }

        private static bool IsSetOtherThan(ConfigurationValues v, string key, string expected)
        {
            var text = v.Text(key, "").Trim();
            return text.Length > 0 && !string.Equals(text, expected, StringComparison.OrdinalIgnoreCase);
        }
    }
}
