using System;
using System.Globalization;
using SecureMFA.Otp.Totp;

namespace SecureMFA.WinOtp.Tests.Fakes
{
    /// <summary>What the authenticator app shows, computed independently of the vault's own check.</summary>
    public static class TestCodes
    {
        public static string At(byte[] secret, long step, int digits = 6) =>
            HotpCode.Compute(secret, step, TotpAlgorithm.SHA1, digits).ToString(new string('0', digits), CultureInfo.InvariantCulture);

        public static long Step(DateTime utc) => TotpVerifier.TimeStepAt(utc, 30);
    }
}
