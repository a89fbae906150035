using System;

namespace SecureMFA.Otp.Totp
{
    /// <summary>Checks a typed code against a secret within a drift window (RFC 6238 section 5.2).</summary>
    public sealed class TotpVerifier
    {
        public const int DefaultWindowSteps = 1;

        public TotpVerifier(int windowSteps = DefaultWindowSteps)
        {
            if (windowSteps < 0 || windowSteps > 10) throw new ArgumentOutOfRangeException(nameof(windowSteps), windowSteps, "The drift window is 0 to 10 steps.");
            WindowSteps = windowSteps;
        }

        public int WindowSteps { get; }

        public static long TimeStepAt(DateTime utcNow, int periodSeconds)
        {
            var seconds = (long)Math.Floor((utcNow.ToUniversalTime() - UnixEpoch).TotalSeconds);
            return seconds / periodSeconds;
        }

        /// <summary>Returns the match, or null for a wrong or malformed code.</summary>
        public TotpMatch? Verify(byte[] key, string? input, TotpParameters parameters, DateTime utcNow)
        {
            var typed = TypedCode.Digits(input, parameters.Digits);
            if (typed == null) return null;

            var current = TimeStepAt(utcNow, parameters.PeriodSeconds);
            TotpMatch? best = null;
            // Every step in the window is computed and compared in fixed time, so the time taken
            // does not reveal how many digits matched.
            for (var drift = -WindowSteps; drift <= WindowSteps; drift++)
            {
                var step = current + drift;
                if (step < 0) continue;
                var expected = HotpCode.Compute(key, step, parameters.Algorithm, parameters.Digits);
                if (DigitsEqual(typed, expected) && (best == null || Math.Abs(drift) < Math.Abs(best.DriftSteps)))
                    best = new TotpMatch(step, drift);
            }
            return best;
        }

        /// <summary>
        /// For a code that did not verify: how many steps behind the window it belongs, searching up to
        /// <paramref name="maxSteps"/> steps back; null if none. Tells a user whose phone clock is slow why a code they
        /// read correctly was refused. Only past steps are searched: naming a code of a step still to come would confirm
        /// a guess that becomes valid when that step comes. It never makes a code acceptable.
        /// </summary>
        /// <returns>The drift in steps, negative (the phone is behind), or null.</returns>
        public int? FindPastDrift(byte[] key, string? input, TotpParameters parameters, DateTime utcNow, int maxSteps)
        {
            var typed = TypedCode.Digits(input, parameters.Digits);
            if (typed == null) return null;
            var current = TimeStepAt(utcNow, parameters.PeriodSeconds);
            for (var distance = WindowSteps + 1; distance <= maxSteps; distance++)
            {
                var step = current - distance;
                if (step >= 0 && DigitsEqual(typed, HotpCode.Compute(key, step, parameters.Algorithm, parameters.Digits))) return -distance;
            }
            return null;
        }

        /// <summary>
        /// Whether the typed digits (from <see cref="TypedCode.Digits"/>) are the code <paramref name="expected"/> (from
        /// <see cref="HotpCode.Compute"/>), compared in fixed time: every digit is looked at, wherever they differ.
        /// </summary>
        public static bool DigitsEqual(char[] typed, int expected)
        {
            var difference = 0;
            for (var i = typed.Length - 1; i >= 0; i--)
            {
                difference |= typed[i] ^ ('0' + expected % 10);
                expected /= 10;
            }
            return difference == 0;
        }

        private static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    }
}
