using System;
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

        /// <summary>Called at the start of every COM method, inside its guard. Null in production; tests make it throw.</summary>
        public Action<string>? OnComCall { get; set; }
    }
}
