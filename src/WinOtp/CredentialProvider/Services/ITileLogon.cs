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
        /// <summary>Whether the tile serves the scenario: where a code is required, and everywhere in report-only mode.</summary>
        bool IsCodeRequired(LogonScenario scenario);
        /// <summary>False in report-only mode (win_enforce = ReportOnly): the code field, its hint and the offline sync are hidden.</summary>
        bool AsksForCode { get; }
        /// <summary>True where win_unenrolled_policy is Allow or Grace: the enrolment hint says the code may be left empty.</summary>
        bool LetsUnenrolledWithoutCode { get; }
        LogonResult SignIn(LogonRequest request);
        /// <summary>Windows' verdict on a sign-in that was let through; from ReportResult, or false when the tile goes away first.</summary>
        void ReportWindowsResult(LogonResult result, bool windowsAccepted);
        LogonResult SyncForOffline(string userName, string code);
        /// <summary>"No phone?": the offline help-desk challenge for this user (<see cref="LogonCoordinator.RequestUnlockChallengeAsync"/>).</summary>
        LogonResult RequestUnlockChallenge(string userName);
        bool OfflineEnabled { get; }
        /// <summary>The "Change password" portal, or null when the settings are not valid.</summary>
        string? SsprUrl { get; }
        /// <summary>
        /// Other providers' CLSIDs (win_allowed_providers) that the filter leaves on where a code is required: smart card,
        /// Windows Hello, FIDO. Empty when none, or when the settings are not valid.
        /// </summary>
        System.Collections.Generic.IReadOnlyCollection<System.Guid> AllowedProviders { get; }
        /// <summary>The tile's texts in the session's UI language (<see cref="LogonCoordinator.Text"/>).</summary>
        TileText Text { get; }
        /// <summary>win_tile_label: the administrator's label of the code field, shown as given; null for the language's own.</summary>
        string? TileLabel { get; }
        /// <summary>win_helpdesk_text: the administrator's help-desk line, shown as given after the hint and refusals; null for none.</summary>
        string? HelpdeskText { get; }
    }
}
