using System;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using System.Linq;
using SecureMFA.Otp.Protocol;
using SecureMFA.Otp.Recovery;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>
    /// The offline package of section 7, issued only here, inside a verify whose code was just accepted for this user
    /// from this device: the user's offline secret for this device (<see cref="OfflineSecret"/>), wrapped for it. The
    /// user's own secret never leaves the server, so a package is worth nothing at this API or at AD FS.
    /// </summary>
    public static class OfflinePackageIssuer
    {
        /// <summary>
        /// The package, or null when offline use is off (api_offline_max_days 0), no days were asked for, or the user
        /// changed since the code was accepted (a reset in between: the accepted step no longer belongs to this secret).
        /// </summary>
        public static OfflinePackage? Issue(ProviderConfiguration config, IOtpUserStore store, ISecretProtector protector,
            byte[] deviceKey, string deviceId, string upn, long acceptedStep, int? requestedDays, long serverTime)
        {
            if (config.ApiOfflineMaxDays <= 0) return null;
            var days = Math.Min(requestedDays ?? config.ApiOfflineMaxDays, config.ApiOfflineMaxDays);
            if (days <= 0) return null;
            var user = store.Find(upn);
            if (user == null || user.Disabled || user.LastAcceptedSecond != acceptedStep * user.Parameters.PeriodSeconds) return null;

            var lockout = config.Lockout;
            var package = new OfflinePackage
            {
                Upn = user.Upn,
                Issuer = config.Company,
                Alg = user.Parameters.Algorithm.ToString(),
                Digits = user.Parameters.Digits,
                Period = user.Parameters.PeriodSeconds,
                ValidUntil = serverTime + days * 86400L,
                MaxFailures = lockout.IsEnabled ? lockout.MaxFailures : 0,
                LockoutMinutes = lockout.IsEnabled ? (int)lockout.Duration.TotalMinutes : 0,
                LastStep = acceptedStep,
            };
            // The unused recovery codes, each only as a slow salted hash of the store's hash: one use each offline,
            // reported back through /v1/otp/recovery-used (RecoveryUsedEndpoint).
            var unused = store.UnusedRecoveryCodeHashes(user.Upn);
            if (unused.Count > 0)
            {
                package.RecoveryIterations = OfflineRecoveryCode.Iterations;
                package.RecoveryCodes = unused.Select(hash => OfflineRecoveryCode.Of(hash).ToString()).ToList();
            }
            var secret = protector.Unprotect(user.Upn, user.ProtectedSecret);
            byte[]? offlineSecret = null;
            try
            {
                offlineSecret = OfflineSecret.Derive(secret, deviceId);
                package.WrappedSecret = OfflineSecretWrap.Wrap(deviceKey, package, offlineSecret);
            }
            finally
            {
                Array.Clear(secret, 0, secret.Length);
                if (offlineSecret != null) Array.Clear(offlineSecret, 0, offlineSecret.Length);
            }
            return package;
        }
    }
}
