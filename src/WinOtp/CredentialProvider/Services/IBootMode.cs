namespace SecureMFA.WinOtp.CredentialProvider.Services
{
    /// <summary>
    /// Safe Mode (GetSystemMetrics(SM_CLEANBOOT) nonzero): the shell and its filter stand aside, so Windows' own
    /// providers work. The documented recovery when the provider itself cannot work; see README "SecureMFA WIN OTP".
    /// </summary>
    public interface IBootMode
    {
        bool IsSafeMode { get; }
    }
}
