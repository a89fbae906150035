using System;

namespace SecureMFA.Otp.Totp
{
    /// <summary>The TOTP settings a user enrolled with; stored with the user so later config changes do not break them.</summary>
    public sealed class TotpParameters : IEquatable<TotpParameters>
    {
        public static readonly TotpParameters Default = new TotpParameters(TotpAlgorithm.SHA1, 6, 30);

        public TotpParameters(TotpAlgorithm algorithm, int digits, int periodSeconds)
        {
            if (digits != 6 && digits != 8) throw new ArgumentOutOfRangeException(nameof(digits), digits, "TOTP codes have 6 or 8 digits.");
            if (periodSeconds < 1) throw new ArgumentOutOfRangeException(nameof(periodSeconds), periodSeconds, "The period must be positive.");
            Algorithm = algorithm;
            Digits = digits;
            PeriodSeconds = periodSeconds;
        }

        public TotpAlgorithm Algorithm { get; }
        public int Digits { get; }
        public int PeriodSeconds { get; }

        public bool IsDefault => Equals(Default);

        public bool Equals(TotpParameters? other) =>
            other != null && other.Algorithm == Algorithm && other.Digits == Digits && other.PeriodSeconds == PeriodSeconds;

        public override bool Equals(object? obj) => Equals(obj as TotpParameters);
        public override int GetHashCode() => ((int)Algorithm * 31 + Digits) * 31 + PeriodSeconds;
        public override string ToString() => $"{Algorithm}/{Digits}/{PeriodSeconds}s";
    }
}
