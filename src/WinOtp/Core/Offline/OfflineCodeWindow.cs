using System;
using SecureMFA.Otp.Totp;

namespace SecureMFA.WinOtp.Offline
{
    public enum CodeWindowOutcome { Match, Replay, NoMatch, Malformed }

    /// <summary>
    /// The offline code check: the typed code against the steps now-1, now and now+1 (±30 s of drift), accepted
    /// only for a step later than the last accepted one. All three are computed and compared in fixed time.
    /// </summary>
    public static class OfflineCodeWindow
    {
        public const int WindowSteps = 1;

        public static CodeWindowOutcome Check(byte[] secret, TotpParameters parameters, string? code, DateTime utcNow, long lastStep, out long matchedStep)
        {
            matchedStep = -1;
            var typed = TotpVerifier.NormalizeCode(code, parameters.Digits);
            if (typed == null) return CodeWindowOutcome.Malformed;
            var current = TotpVerifier.TimeStepAt(utcNow, parameters.PeriodSeconds);
            var matchedOld = false;
            for (var drift = -WindowSteps; drift <= WindowSteps; drift++)
            {
                var step = current + drift;
                if (step < 0) continue;
                var equal = DigitsEqual(typed, HotpCode.Compute(secret, step, parameters.Algorithm, parameters.Digits));
                if (!equal) continue;
                if (step > lastStep) { if (matchedStep < 0) matchedStep = step; }
                else matchedOld = true;
            }
            if (matchedStep >= 0) return CodeWindowOutcome.Match;
            return matchedOld ? CodeWindowOutcome.Replay : CodeWindowOutcome.NoMatch;
        }

        private static bool DigitsEqual(char[] typed, int expected)
        {
            var difference = 0;
            for (var i = typed.Length - 1; i >= 0; i--)
            {
                difference |= typed[i] ^ ('0' + expected % 10);
                expected /= 10;
            }
            return difference == 0;
        }
    }
}
