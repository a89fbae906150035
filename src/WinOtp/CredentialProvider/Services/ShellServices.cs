using System;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Platform;

namespace SecureMFA.WinOtp.CredentialProvider.Services
{
    /// <summary>
    /// Everything the COM classes reach outside themselves, one seam each. The classes LogonUI creates use
    /// <see cref="Windows.WindowsShellServices.Create"/>; the tests pass fakes.
    /// </summary>
    public sealed class ShellServices
    {
        public ShellServices(Func<ITileLogon> logon, IPasswordProviderSource passwordProvider, ISessionFacts session, IBootMode boot,
            IPasswordUnprotector passwords, IChangePasswordLauncher changePassword, IWinOtpEventLog events)
        {
            Logon = logon ?? throw new ArgumentNullException(nameof(logon));
            PasswordProvider = passwordProvider ?? throw new ArgumentNullException(nameof(passwordProvider));
            Session = session ?? throw new ArgumentNullException(nameof(session));
            Boot = boot ?? throw new ArgumentNullException(nameof(boot));
            Passwords = passwords ?? throw new ArgumentNullException(nameof(passwords));
            ChangePassword = changePassword ?? throw new ArgumentNullException(nameof(changePassword));
            Events = new GuardedEventLog(events ?? throw new ArgumentNullException(nameof(events)), false);
        }

        /// <summary>A new WinOtp.Core coordinator (settings read afresh): one per SetUsageScenario and per Filter call.</summary>
        public Func<ITileLogon> Logon { get; }
        public IPasswordProviderSource PasswordProvider { get; }
        public ISessionFacts Session { get; }
        public IBootMode Boot { get; }
        public IPasswordUnprotector Passwords { get; }
        public IChangePasswordLauncher ChangePassword { get; }
        /// <summary>For the shell's own failures (5553); never fails a call.</summary>
        public IWinOtpEventLog Events { get; }

        /// <summary>
        /// The session's UI language, for the tile shown when WinOtp.Core cannot start (the coordinator has its own,
        /// <see cref="Logon.WinOtpPlatform.UiLanguage"/>). On Windows, LogonUI's display language.
        /// </summary>
        public Func<System.Globalization.CultureInfo> UiLanguage { get; set; } = () => System.Globalization.CultureInfo.CurrentUICulture;

        /// <summary>Called at the start of every COM method, inside its guard. Null in production; tests make it throw.</summary>
        public Action<string>? OnComCall { get; set; }
    }

    /// <summary>Makes the provider the shell wraps: on Windows, CoCreateInstance of CLSID_PasswordCredentialProvider.</summary>
    public interface IPasswordProviderSource
    {
        ICredentialProvider Create();
    }

    /// <summary>
    /// Safe Mode (GetSystemMetrics(SM_CLEANBOOT) nonzero): the shell and its filter stand aside, so Windows' own
    /// providers work. The documented recovery when the provider itself cannot work; see README "SecureMFA WIN OTP".
    /// </summary>
    public interface IBootMode
    {
        bool IsSafeMode { get; }
    }

    /// <summary>
    /// The Password provider serializes the password CredProtect-encrypted for logon and unlock. The offline vault
    /// needs the password itself (it is the key's secret): on Windows, CredIsProtected then CredUnprotect, in
    /// LogonUI's own process, which protected it.
    /// </summary>
    public interface IPasswordUnprotector
    {
        /// <summary>The plain password; text that is not protected comes back unchanged. Throws when a protected password cannot be opened.</summary>
        string Unprotect(string serializedPassword);
    }

    /// <summary>
    /// Starts Microsoft Edge in kiosk mode at the password portal as the user who owns this session (never as SYSTEM:
    /// see <see cref="Tile.ChangePasswordLink"/>). On Windows: WTSQueryUserToken for LogonUI's session, then
    /// CreateProcessAsUser on that user's desktop.
    /// </summary>
    public interface IChangePasswordLauncher
    {
        /// <summary>True when the browser started; otherwise false with the reason, for the tile.</summary>
        bool TryStartAsSessionUser(string url, out string reason);
    }
}
