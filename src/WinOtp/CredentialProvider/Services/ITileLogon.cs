using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Logon;

namespace SecureMFA.WinOtp.CredentialProvider.Services
{
    /// <summary>
    /// What the tile asks of WinOtp.Core, one per logon screen: <see cref="CoordinatorTileLogon"/> over
    /// <see cref="LogonCoordinator"/>. An interface so the tests can hand the shell one that fails.
    /// </summary>
    public interface ITileLogon
    {
        bool IsCodeRequired(LogonScenario scenario);
        LogonResult SignIn(LogonRequest request);
        /// <summary>Windows' verdict on a sign-in that was let through; from ReportResult, or false when the tile goes away first.</summary>
        void ReportWindowsResult(LogonResult result, bool windowsAccepted);
        LogonResult SyncForOffline(string userName, string code);
        bool OfflineEnabled { get; }
        /// <summary>The "Change password" portal, or null when the settings are not valid.</summary>
        string? SsprUrl { get; }
        /// <summary>
        /// Other providers' CLSIDs (win_allowed_providers) that the filter leaves on where a code is required: smart card,
        /// Windows Hello, FIDO. Empty when none, or when the settings are not valid.
        /// </summary>
        System.Collections.Generic.IReadOnlyCollection<System.Guid> AllowedProviders { get; }
    }
}
