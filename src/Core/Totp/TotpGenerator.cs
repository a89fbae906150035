using System;
using OtpNet;
using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.Totp
{
    /// <summary>Produces the current code for a secret, through Otp.NET (demo host, tests, help desk).</summary>
    public static class TotpGenerator
    {
        public static string Compute(byte[] key, TotpParameters parameters, DateTime utcNow)
        {
            var totp = new OtpNet.Totp(key, parameters.PeriodSeconds, ToOtpNet(parameters.Algorithm), parameters.Digits);
            return totp.ComputeTotp(utcNow.ToUniversalTime());
        }

        public static OtpHashMode ToOtpNet(TotpAlgorithm algorithm)
        {
            switch (algorithm)
            {
                case TotpAlgorithm.SHA256: return OtpHashMode.Sha256;
                case TotpAlgorithm.SHA512: return OtpHashMode.Sha512;
                default: return OtpHashMode.Sha1;
            }
        }
    }
}
