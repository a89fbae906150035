using System;
using SecureMFA.WinOtp.CredentialProvider.Services;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Logon;

namespace SecureMFA.WinOtp.CredentialProvider.Tests.Fakes
{
    /// <summary>A WinOtp.Core that fails in every call once <see cref="Throw"/> is set (before that: code required, no offline).</summary>
    public sealed class ThrowingTileLogon : ITileLogon
    {
        public bool Throw { get; set; }

        private T Fail<T>(T value) => Throw ? throw new InvalidOperationException("WinOtp.Core failed.") : value;

        public bool IsCodeRequired(LogonScenario scenario) => Fail(true);
        public LogonResult SignIn(LogonRequest request) => throw new InvalidOperationException("WinOtp.Core failed in SignIn.");
        public void ReportWindowsResult(LogonResult result, bool windowsAccepted) => throw new InvalidOperationException("WinOtp.Core failed in ReportWindowsResult.");
        public LogonResult SyncForOffline(string userName, string code) => throw new InvalidOperationException("WinOtp.Core failed in SyncForOffline.");
        public bool AsksForCode => Fail(true);
        public bool LetsUnenrolledWithoutCode => Fail(false);
        public LogonResult RequestUnlockChallenge(string userName) => throw new InvalidOperationException("WinOtp.Core failed in RequestUnlockChallenge.");
        public bool OfflineEnabled => Fail(true);
        public string? SsprUrl => Fail("https://sspr.adatum.labnet/");
        public System.Collections.Generic.IReadOnlyCollection<Guid> AllowedProviders => Fail(new Guid[0]);
        public TileText Text => Fail(TileText.English);
        public string? TileLabel => Fail<string?>(null);
        public string? HelpdeskText => Fail<string?>(null);
    }
}
