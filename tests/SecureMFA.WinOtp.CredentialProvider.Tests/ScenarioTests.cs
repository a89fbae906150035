using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Tests.Fakes;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using SecureMFA.WinOtp.Logon;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>What each scenario shows: the provider's tile where a code is required, Windows' own tiles elsewhere.</summary>
    public class ScenarioTests
    {
        [Theory]
        [InlineData(CredentialProviderUsageScenario.Logon, 0u, SessionKind.Console, LogonScenario.Logon)]
        [InlineData(CredentialProviderUsageScenario.Logon, 0u, SessionKind.Remote, LogonScenario.Rdp)]
        [InlineData(CredentialProviderUsageScenario.Logon, 0u, SessionKind.Unknown, LogonScenario.Rdp)]
        [InlineData(CredentialProviderUsageScenario.UnlockWorkstation, 0u, SessionKind.Console, LogonScenario.Unlock)]
        [InlineData(CredentialProviderUsageScenario.UnlockWorkstation, 0u, SessionKind.Remote, LogonScenario.Unlock)]
        [InlineData(CredentialProviderUsageScenario.CredUI, 0x100u, SessionKind.Console, LogonScenario.CredUI)]
        [InlineData(CredentialProviderUsageScenario.CredUI, 0x1u, SessionKind.Console, null)]
        [InlineData(CredentialProviderUsageScenario.ChangePassword, 0u, SessionKind.Remote, LogonScenario.Rdp)]
        [InlineData(CredentialProviderUsageScenario.ChangePassword, 0u, SessionKind.Console, LogonScenario.Logon)]
        [InlineData(CredentialProviderUsageScenario.Plap, 0u, SessionKind.Console, null)]
        [InlineData(CredentialProviderUsageScenario.Invalid, 0u, SessionKind.Console, null)]
        public void UsageScenariosMapOntoWinOtpScenarios(CredentialProviderUsageScenario cpus, uint flags, SessionKind session, LogonScenario? expected)
        {
            Assert.Equal(expected, ScenarioMap.From(cpus, flags, session));
        }

        [Theory]
        [InlineData(CredentialProviderUsageScenario.Logon, SessionKind.Console, false, HResult.S_OK)]
        [InlineData(CredentialProviderUsageScenario.Logon, SessionKind.Console, true, HResult.E_NOTIMPL)]
        [InlineData(CredentialProviderUsageScenario.Logon, SessionKind.Remote, true, HResult.S_OK)]
        [InlineData(CredentialProviderUsageScenario.Logon, SessionKind.Unknown, true, HResult.S_OK)]
        [InlineData(CredentialProviderUsageScenario.UnlockWorkstation, SessionKind.Console, true, HResult.E_NOTIMPL)]
        [InlineData(CredentialProviderUsageScenario.UnlockWorkstation, SessionKind.Remote, true, HResult.S_OK)]
        [InlineData(CredentialProviderUsageScenario.CredUI, SessionKind.Console, false, HResult.S_OK)]
        [InlineData(CredentialProviderUsageScenario.ChangePassword, SessionKind.Remote, false, HResult.S_OK)]
        [InlineData(CredentialProviderUsageScenario.ChangePassword, SessionKind.Console, true, HResult.E_NOTIMPL)]
        [InlineData(CredentialProviderUsageScenario.Plap, SessionKind.Remote, false, HResult.E_NOTIMPL)]
        public void TheProviderTakesTheScenarioOnlyWhereACodeIsRequired(CredentialProviderUsageScenario cpus, SessionKind session, bool rdpOnly, int expected)
        {
            var tile = new TileHarness { Session = session, RdpOnly = rdpOnly };
            var provider = tile.Provider();
            Assert.Equal(expected, provider.SetUsageScenario(cpus, 0));
            // Declining creates nothing: Windows' own provider is not even touched by ours.
            Assert.Equal(expected == HResult.S_OK ? 1 : 0, tile.Password.Created);
        }

        [Fact]
        public void GenericCredUiPromptsAreLeftToWindows()
        {
            var tile = new TileHarness();
            Assert.Equal(HResult.E_NOTIMPL, tile.Provider().SetUsageScenario(CredentialProviderUsageScenario.CredUI, ScenarioMap.CredUIWinGeneric));
        }

        [Fact]
        public void InSafeModeTheProviderStandsAside()
        {
            var tile = new TileHarness();
            tile.Boot.IsSafeMode = true;
            Assert.Equal(HResult.E_NOTIMPL, tile.Provider().SetUsageScenario(CredentialProviderUsageScenario.Logon, 0));
        }

        [Fact]
        public void InvalidSettingsStillShowTheTileAndNobodySignsIn()
        {
            // win_rdponly is read on its own; a broken endpoint must not switch the code off.
            var tile = new TileHarness();
            tile.Computer.Configure(SettingNames.ApiEndpoint, "not a url");
            var (provider, credential) = tile.Show();
            tile.Type(credential, "alice", WinOtpHarness.Password, tile.Computer.Code(), TileHarness.CodeField(provider));
            Assert.Equal(HResult.S_OK, credential.GetSerialization(out var response, out var serialization, out var text, out _));
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, response);
            Assert.Equal(System.IntPtr.Zero, serialization.Serialization);
            Assert.Equal(Logon.TileText.English.NotConfigured, text);
        }

        [Theory]
        [InlineData(7, CredentialProviderFieldState.DisplayInSelectedTile)]
        [InlineData(0, CredentialProviderFieldState.Hidden)]
        public void TheSyncLinkShowsOnlyWhenOfflineSignInIsOn(int offlineDays, CredentialProviderFieldState expected)
        {
            var tile = new TileHarness();
            tile.Computer.Configure(SettingNames.OfflineValidDays, offlineDays);
            var (provider, credential) = tile.Show();
            var sync = System.Linq.Enumerable.Single(TileHarness.Descriptors(provider), d => d.Label == TileText.English.SyncOfflineLabel).Id;
            Assert.Equal(HResult.S_OK, credential.GetFieldState(sync, out var state, out _));
            Assert.Equal(expected, state);
        }

        [Fact]
        public void TheEnrolmentHintSaysWhereToEnrol()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            var hint = System.Linq.Enumerable.Single(TileHarness.Descriptors(provider), d => d.Type == CredentialProviderFieldType.SmallText && d.Label.Length > 0).Id;
            Assert.Equal(HResult.S_OK, credential.GetStringValue(hint, out var text));
            Assert.Contains("AD FS sign-in page", text);
            Assert.Contains("support desk", text);
            Assert.Equal(HResult.S_OK, credential.GetFieldState(hint, out var state, out _));
            Assert.Equal(CredentialProviderFieldState.DisplayInSelectedTile, state);
        }

        [Theory]
        [InlineData(1, 1, 1, SessionKind.Remote)]
        [InlineData(1, 1, null, SessionKind.Remote)]
        [InlineData(0, 1, 1, SessionKind.Console)]
        [InlineData(0, 2, 1, SessionKind.Remote)]
        [InlineData(0, 1, null, SessionKind.Unknown)]
        [InlineData(null, 1, 1, SessionKind.Unknown)]
        [InlineData(null, 2, 1, SessionKind.Remote)]
        [InlineData(0, null, 1, SessionKind.Unknown)]
        public void RemoteSessionsAreRecognisedByEitherSignal(int? remoteMetric, int? processSession, int? glassSession, SessionKind expected)
        {
            Assert.Equal(expected, SessionClassifier.Classify(remoteMetric, processSession, glassSession));
        }
    }
}
