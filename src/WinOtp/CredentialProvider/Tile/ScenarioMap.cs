using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.CredentialProvider.Tile
{
    /// <summary>
    /// LogonUI's usage scenario and the session onto WinOtp.Core's <see cref="LogonScenario"/>; null where the shell
    /// stands aside and Windows' providers work as they always do:
    /// <list type="bullet">
    /// <item>a logon is <see cref="LogonScenario.Rdp"/> in a remote (or unknown) session, <see cref="LogonScenario.Logon"/> on the console;</item>
    /// <item>an unlock is <see cref="LogonScenario.Unlock"/> (reconnecting to a disconnected RDP session is one, in a remote session);</item>
    /// <item>CredUI is <see cref="LogonScenario.CredUI"/>, except prompts for generic credentials (CREDUIWIN_GENERIC), which
    /// are not Windows sign-ins (saved passwords of web sites, shares of other computers);</item>
    /// <item>changing a password (Ctrl+Alt+Del "Change a password", CPUS_CHANGE_PASSWORD) is asked like a logon of that
    /// session (<see cref="LogonScenario.Logon"/> on the console, <see cref="LogonScenario.Rdp"/> elsewhere): otherwise
    /// Windows' own change tile would let anyone with the password replace it without a code; pre-logon access (PLAP)
    /// is not supported.</item>
    /// </list>
    /// </summary>
    public static class ScenarioMap
    {
        /// <summary>CREDUIWIN_GENERIC (wincred.h): the CredUI caller wants a plain user name and password, not a Windows logon.</summary>
        public const uint CredUIWinGeneric = 0x1;

        public static LogonScenario? From(CredentialProviderUsageScenario cpus, uint flags, SessionKind session)
        {
            switch (cpus)
            {
                case CredentialProviderUsageScenario.Logon:
                case CredentialProviderUsageScenario.ChangePassword:
                    return session == SessionKind.Console ? LogonScenario.Logon : LogonScenario.Rdp;
                case CredentialProviderUsageScenario.UnlockWorkstation:
                    return LogonScenario.Unlock;
                case CredentialProviderUsageScenario.CredUI:
                    return (flags & CredUIWinGeneric) != 0 ? (LogonScenario?)null : LogonScenario.CredUI;
                default:
                    return null;
            }
        }
    }
}
