#if NETFRAMEWORK
using SecureMFA.WinOtp.CredentialProvider.Services;

namespace SecureMFA.WinOtp.CredentialProvider.Windows
{
    /// <summary>GetSystemMetrics(SM_CLEANBOOT): 0 normal boot, 1 Safe Mode, 2 Safe Mode with networking. Windows only.</summary>
    public sealed class WindowsBootMode : IBootMode
    {
        public bool IsSafeMode => NativeMethods.GetSystemMetrics(NativeMethods.SM_CLEANBOOT) != 0;
    }
}
#endif
