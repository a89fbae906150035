using System;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Protocol;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>The offline package of section 7: the user's secret wrapped for one device and one user, after an accepted code.</summary>
    public static class OfflinePackageIssuer
    {
        /// <summary>
        /// The package, or null when offline use is off (api_offline_max_days 0), no days were asked for, or the user
        /// changed since the code was accepted (a reset in between: the accepted step no longer belongs to this secret).
        /// </summary>
        public static OfflinePackage? Issue(ProviderConfiguration config, IOtpUserStore store, ISecretProtector protector,
            byte[] deviceKey, string upn, long acceptedStep, int? requestedDays, long serverTime)
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
                Alg = user.Parameters.Algorithm.ToString(),
                Digits = user.Parameters.Digits,
                Period = user.Parameters.PeriodSeconds,
                ValidUntil = serverTime + days * 86400L,
                MaxFailures = lockout.IsEnabled ? lockout.MaxFailures : 0,
                LockoutMinutes = lockout.IsEnabled ? (int)lockout.Duration.TotalMinutes : 0,
                LastStep = acceptedStep,
            };
            var secret = protector.Unprotect(user.Upn, user.ProtectedSecret);
            try
            {
                package.WrappedSecret = OfflineSecretWrap.Wrap(deviceKey, package, secret);
            }
            finally
            {
                Array.Clear(secret, 0, secret.Length);
            }
            return package;
        }
    }
}
