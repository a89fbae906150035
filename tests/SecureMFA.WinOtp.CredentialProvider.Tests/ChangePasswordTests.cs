using System.Linq;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Logon;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>"Change password": Edge kiosk as the session's user inside a session (CredUI), the portal's address on the logon and unlock screens.</summary>
    public class ChangePasswordTests
    {
        private static uint Link(Com.WinOtpCredentialProvider provider) => TileHarness.Descriptors(provider).Single(d => d.Label == TileText.English.ChangePasswordLabel).Id;

        private static string Status(TileHarness tile) => tile.LogonUi.Calls.Last(c => c.Call == "SetFieldString").Text!;

        [Fact]
        public void TheKioskCommandLineIsTheOriginals()
        {
            Assert.Equal("\"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe\" --kiosk \"https://sspr.adatum.labnet/reset?x=1\" --edge-kiosk-type=public-browsing",
                ChangePasswordLink.CommandLine(@"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe", "https://sspr.adatum.labnet/reset?x=1"));
            // An escaped URL cannot close the quotes.
            Assert.Equal("--kiosk \"https://sspr.adatum.labnet/a%22%20--x\" --edge-kiosk-type=public-browsing", ChangePasswordLink.KioskArguments("https://sspr.adatum.labnet/a\" --x"));
            Assert.Throws<System.ArgumentException>(() => ChangePasswordLink.KioskArguments("file:///C:/Windows/System32/cmd.exe"));
        }

        [Theory]
        [InlineData(CredentialProviderUsageScenario.Logon)]
        [InlineData(CredentialProviderUsageScenario.UnlockWorkstation)]
        public void OnTheLogonAndUnlockScreensNoBrowserStartsAndTheAddressIsShown(CredentialProviderUsageScenario scenario)
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show(scenario);
            Assert.Equal(HResult.S_OK, credential.CommandLinkClicked(Link(provider)));
            Assert.Empty(tile.Launcher.Started);
            // By default the portal is the API endpoint's host, as the original.
            Assert.Equal(TileText.English.OpenPortalElsewhere("https://awebapi.adatum.labnet/"), Status(tile));
        }

        [Fact]
        public void InsideASessionEdgeStartsAsTheSessionsUser()
        {
            var tile = new TileHarness();
            tile.Computer.Configure(SettingNames.SsprUrl, "https://sspr.adatum.labnet/");
            var (provider, credential) = tile.Show(CredentialProviderUsageScenario.CredUI);
            Assert.Equal(HResult.S_OK, credential.CommandLinkClicked(Link(provider)));
            Assert.Equal("https://sspr.adatum.labnet/", Assert.Single(tile.Launcher.Started));
            Assert.Equal(TileText.English.PortalOpened("https://sspr.adatum.labnet/"), Status(tile));

            tile.Launcher.Succeeds = false;
            Assert.Equal(HResult.S_OK, credential.CommandLinkClicked(Link(provider)));
            Assert.Equal(TileText.English.PortalNotOpened("https://sspr.adatum.labnet/", "no user is signed in to this session"), Status(tile));
        }

        [Fact]
        public void SyncUsesTheTypedNameAndCodeWithoutAPassword()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            var sync = TileHarness.Descriptors(provider).Single(d => d.Label == TileText.English.SyncOfflineLabel).Id;
            Assert.Equal(HResult.S_OK, credential.CommandLinkClicked(sync));
            Assert.Equal(TileText.English.SyncNeedsNameAndCode, Status(tile));

            credential.SetStringValue(Fakes.FakePasswordProvider.UserNameId, "alice");
            credential.SetStringValue(TileHarness.CodeField(provider), tile.Computer.Code());
            Assert.Equal(HResult.S_OK, credential.CommandLinkClicked(sync));
            Assert.StartsWith("Offline sign-in is ready for alice@adatum.labnet until", Status(tile));
            Assert.Equal(Offline.VaultForm.Device, tile.Computer.OfflineVault().Describe(global::SecureMFA.WinOtp.Tests.Fakes.WinOtpHarness.Upn, tile.Computer.Device()).Form);
        }

        [Fact]
        public void NoPhoneShowsTheHelpDeskChallengeOnlyOffline()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            var noPhone = TileHarness.Descriptors(provider).Single(d => d.Label == TileText.English.NoPhoneLabel).Id;
            Assert.Equal(HResult.S_OK, credential.CommandLinkClicked(noPhone));
            Assert.Equal(TileText.English.NoPhoneNeedsName, Status(tile));

            credential.SetStringValue(Fakes.FakePasswordProvider.UserNameId, "alice");
            Assert.Equal(HResult.S_OK, credential.CommandLinkClicked(noPhone));
            Assert.Equal(Logon.TileText.English.UnlockOnline, Status(tile));

            // A sync brings offline data; then, with the API down, the challenge to read out.
            var sync = TileHarness.Descriptors(provider).Single(d => d.Label == TileText.English.SyncOfflineLabel).Id;
            credential.SetStringValue(TileHarness.CodeField(provider), tile.Computer.Code());
            Assert.Equal(HResult.S_OK, credential.CommandLinkClicked(sync));
            tile.Computer.Api.Mode = global::SecureMFA.WinOtp.Tests.Fakes.FakeApiMode.Down;
            Assert.Equal(HResult.S_OK, credential.CommandLinkClicked(noPhone));
            Assert.Matches("read out this challenge: [0-9A-Z]{5}-[0-9A-Z]{5}", Status(tile));
        }
    }
}
