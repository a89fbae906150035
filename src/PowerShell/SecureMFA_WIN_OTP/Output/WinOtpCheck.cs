using System.ComponentModel;

namespace SecureMFA.WinOtp.Cmdlets.Output
{
    /// <summary>One check of Test-SecureMFA_WIN_OTP.</summary>
    [Description("One object per check (settings, device registration, API reachable, device key accepted, clock agrees with the " +
        "server): Check, Passed ($true or $false) and Detail, which says what is wrong and what to do.")]
    public sealed class WinOtpCheck
    {
        public WinOtpCheck(string check, bool passed, string detail) => (Check, Passed, Detail) = (check, passed, detail);

        public string Check { get; }
        public bool Passed { get; }
        public string Detail { get; }

        public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} {Check}: {Detail}";
    }
}
