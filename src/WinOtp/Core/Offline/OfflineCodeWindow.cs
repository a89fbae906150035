using System;
using SecureMFA.Otp.Totp;

namespace SecureMFA.WinOtp.Offline
{
    public enum CodeWindowOutcome { Match, Replay, NoMatch, Malformed }

    /// <summary>
    /// The offline code check: the typed code against the steps now-1, now and now+1 (±30 s of drift), accepted
    /// only for a step later than the last accepted one. Each step is checked by SecureMFA.Otp's own
    /// <see cref="TotpVerifier"/> (window 0 at that step's time), so all three are computed and compared in fixed
    /// time, with the one comparison the server uses.
    /// </summary>
    public static class OfflineCodeWindow
    {
        public const int WindowSteps = 1;
        private static readonly TotpVerifier OneStep = new TotpVerifier(0);

        public static CodeWindowOutcome Check(byte[] secret, TotpParameters parameters, string? code, DateTime utcNow, long lastStep, out long matchedStep)
        {
            matchedStep = -1;
            if (TypedCode.Digits(code, parameters.Digits) == null) return CodeWindowOutcome.Malformed;
            var matchedOld = false;
            for (var drift = -WindowSteps; drift <= WindowSteps; drift++)
            {
                var match = OneStep.Verify(secret, code, parameters, utcNow.AddSeconds(drift * parameters.PeriodSeconds));
                if (match == null) continue;
                if (match.TimeStep > lastStep) { if (matchedStep < 0) matchedStep = match.TimeStep; }
                else matchedOld = true;
            }
            if (matchedStep >= 0) return CodeWindowOutcome.Match;
            return matchedOld ? CodeWindowOutcome.Replay : CodeWindowOutcome.NoMatch;
        }
    }
}
