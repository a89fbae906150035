using System;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Logon;

namespace SecureMFA.WinOtp.CredentialProvider.Services
{
    /// <summary>
    /// The tile's calls onto <see cref="LogonCoordinator"/>. Blocking on its tasks from LogonUI's thread is safe: every
    /// await inside WinOtp.Core is ConfigureAwait(false), and each call is bounded by api_timeout.
    /// </summary>
    public sealed class CoordinatorTileLogon : ITileLogon
    {
        private readonly LogonCoordinator _coordinator;

        public CoordinatorTileLogon(LogonCoordinator coordinator)
        {
            _coordinator = coordinator ?? throw new ArgumentNullException(nameof(coordinator));
        }

        public bool IsCodeRequired(LogonScenario scenario) => _coordinator.ServesTile(scenario);

        public bool AsksForCode => _coordinator.AsksForCode;

        public bool LetsUnenrolledWithoutCode => (_coordinator.Settings.Settings?.UnenrolledPolicy ?? Settings.UnenrolledPolicy.Deny) != Settings.UnenrolledPolicy.Deny;

        public LogonResult SignIn(LogonRequest request) => _coordinator.SignInAsync(request).GetAwaiter().GetResult();

        public void ReportWindowsResult(LogonResult result, bool windowsAccepted) => _coordinator.ReportWindowsResult(result, windowsAccepted);

        public LogonResult SyncForOffline(string userName, string code) => _coordinator.SyncForOfflineAsync(userName, code).GetAwaiter().GetResult();

        public LogonResult RequestUnlockChallenge(string userName) => _coordinator.RequestUnlockChallengeAsync(userName).GetAwaiter().GetResult();

        public bool OfflineEnabled => (_coordinator.Settings.Settings?.OfflineValidDays ?? 0) > 0;

        public string? SsprUrl => _coordinator.Settings.Settings?.SsprUrl;

        public TileText Text => _coordinator.Text;

        public string? TileLabel => _coordinator.Settings.Settings?.TileLabel;

        public string? HelpdeskText => _coordinator.Settings.Settings?.HelpdeskText;

        public System.Collections.Generic.IReadOnlyCollection<Guid> AllowedProviders => (System.Collections.Generic.IReadOnlyCollection<Guid>?)_coordinator.Settings.Settings?.AllowedProviders ?? new Guid[0];
    }
}
