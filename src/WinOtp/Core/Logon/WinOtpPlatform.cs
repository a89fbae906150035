using System;
using System.Net.Http;
using System.Threading.Tasks;
using SecureMFA.Otp.Time;
using SecureMFA.WinOtp.Api;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Logon
{
    /// <summary>
    /// Everything the logon flow touches outside itself, one seam each: registry, DPAPI, clock, HTTP, event log,
    /// session, vault files, and the computer's name. <see cref="Windows"/> builds the real ones; tests and the
    /// logon simulator pass fakes.
    /// </summary>
    public sealed class WinOtpPlatform
    {
        public WinOtpPlatform(IMachineRegistry registry, IMachineProtection protection, IClock clock, IWinOtpEventLog events,
            ISessionFacts session, IVaultFiles vaultFiles, Func<WinOtpSettings, HttpMessageHandler> httpHandlerFactory, string machineName)
        {
            Registry = registry ?? throw new ArgumentNullException(nameof(registry));
            Protection = protection ?? throw new ArgumentNullException(nameof(protection));
            Clock = clock ?? throw new ArgumentNullException(nameof(clock));
            Events = events ?? throw new ArgumentNullException(nameof(events));
            Session = session ?? throw new ArgumentNullException(nameof(session));
            VaultFiles = vaultFiles ?? throw new ArgumentNullException(nameof(vaultFiles));
            HttpHandlerFactory = httpHandlerFactory ?? throw new ArgumentNullException(nameof(httpHandlerFactory));
            MachineName = string.IsNullOrEmpty(machineName) ? "unknown" : machineName;
        }

        public IMachineRegistry Registry { get; }
        public IMachineProtection Protection { get; }
        public IClock Clock { get; }
        public IWinOtpEventLog Events { get; }
        public ISessionFacts Session { get; }
        public IVaultFiles VaultFiles { get; }
        public Func<WinOtpSettings, HttpMessageHandler> HttpHandlerFactory { get; }
        public string MachineName { get; }
        /// <summary>PBKDF2 iterations for new password locks of the vault. 600,000 ships; tests may lower it for speed.</summary>
        public int PasswordIterations { get; set; } = PasswordSeal.DefaultIterations;
        /// <summary>How long an offline attempt waits for another process's attempt on the same vault; tests may shorten it.</summary>
        public TimeSpan VaultLockWait { get; set; } = OfflineVault.DefaultLockWait;
        /// <summary>
        /// Where work that must not hold LogonUI's thread runs (locking the vault under the password after a logon): the
        /// thread pool. Tests run it inline, or hold it to show the logon does not wait for it.
        /// </summary>
        public Func<Action, Task> Background { get; set; } = work => Task.Run(work);

        /// <summary>
        /// Who signs in (account and token group SIDs) and the SIDs of the names in the settings. By default nobody is
        /// known: rules that name accounts or groups then fail closed (a code), and only win_rdponly decides.
        /// </summary>
        public IAccountDirectory Accounts { get; set; } = UnknownAccounts.Instance;

        /// <summary>
        /// The session's UI language, which picks the tile's texts (<see cref="TileText.For(System.Globalization.CultureInfo)"/>).
        /// By default the calling thread's UI culture; on Windows, LogonUI's (GetUserDefaultUILanguage, the display
        /// language of the logon screen); tests and the logon simulator (--language fr-FR) pass one.
        /// </summary>
        public Func<System.Globalization.CultureInfo> UiLanguage { get; set; } = () => System.Globalization.CultureInfo.CurrentUICulture;

        /// <summary>The session and boot clocks for the unlock grace; null: no grace (every unlock asks a code).</summary>
        public ISessionInstance? Instance { get; set; }

        private sealed class UnknownAccounts : IAccountDirectory
        {
            public static readonly UnknownAccounts Instance = new UnknownAccounts();
            public AccountFacts? Lookup(string userName) => null;
            public string? SidOf(string name) => null;
        }

#if NETFRAMEWORK
        /// <summary>
        /// The real seams on Windows: HKLM\Software\SecureMFA, DPAPI machine scope, the Application log, the vault folder
        /// under %ProgramData%. The session check is the credential provider's (SM_REMOTESESSION and GlassSessionId):
        /// the one place that knows how LogonUI's session is told apart.
        /// </summary>
        public static WinOtpPlatform Windows(ISessionFacts session) => new WinOtpPlatform(
            new Platform.Windows.WindowsMachineRegistry(),
            new Platform.Windows.WindowsMachineProtection(),
            SystemClock.Instance,
            new Platform.Windows.WindowsEventLog(),
            session,
            new Platform.Windows.WindowsVaultFolder(),
            settings => ApiHttpHandler.Create(settings),
            Environment.MachineName)
        {
            Accounts = new Platform.Windows.WindowsAccountDirectory(),
            Instance = new Platform.Windows.WindowsSessionInstance(),
            UiLanguage = Platform.Windows.WindowsUiLanguage.Current,
        };
#endif
    }
}
