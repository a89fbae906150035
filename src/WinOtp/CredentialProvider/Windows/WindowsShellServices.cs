using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.Logon;

namespace SecureMFA.WinOtp.CredentialProvider.Windows
{
    /// <summary>The seams on Windows, as LogonUI gets them: WinOtp.Core's Windows platform with this shell's session check.</summary>
    public static class WindowsShellServices
    {
        public static ShellServices Create()
        {
#if NETFRAMEWORK
            var session = new ShellSessionFacts();
            return new ShellServices(
                () => new CoordinatorTileLogon(new LogonCoordinator(WinOtpPlatform.Windows(session))),
                new PasswordProviderSource(),
                session,
                new WindowsBootMode(),
                new CredUnprotector(),
                new EdgeKioskLauncher(),
                new Platform.Windows.WindowsEventLog())
            { UiLanguage = Platform.Windows.WindowsUiLanguage.Current };
#else
            throw new System.PlatformNotSupportedException("The credential provider runs inside LogonUI on Windows (the net472 build); this build is for tests, which pass their own ShellServices.");
#endif
        }
    }
}
