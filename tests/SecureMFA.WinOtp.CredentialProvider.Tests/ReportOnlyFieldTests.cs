using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Logon;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>Report-only mode (win_enforce ReportOnly): the tile wraps the password as always but shows nothing that asks for a code.</summary>
    public class ReportOnlyFieldTests
    {
        [Theory]
        [InlineData(FieldOwner.Code)]
        [InlineData(FieldOwner.EnrolHint)]
        [InlineData(FieldOwner.SyncOffline)]
        public void WithoutACodeToAskTheCodeFieldItsHintAndTheOfflineSyncAreHidden(FieldOwner owner)
        {
            Assert.Equal(CredentialProviderFieldState.Hidden, OwnFieldStates.For(owner, offlineEnabled: true, hasStatus: true, asksForCode: false));
            Assert.Equal(CredentialProviderFieldState.DisplayInSelectedTile, OwnFieldStates.For(owner, offlineEnabled: true, hasStatus: true));
        }

        [Theory]
        [InlineData("Deny", false)]
        [InlineData("Allow", true)]
        [InlineData("Grace", true)]
        public void TheEnrolmentHintSaysTheCodeMayBeLeftEmptyWhereTheUnenrolledMayGoWithoutOne(string policy, bool withoutCode)
        {
            var expected = withoutCode ? TileText.English.EnrolHintWithoutCode : TileText.English.EnrolHint;
            var tile = new TileHarness();
            tile.Computer.Configure(SettingNames.UnenrolledPolicy, policy);
            var (provider, credential) = tile.Show();
            var hint = System.Linq.Enumerable.Single(TileHarness.Descriptors(provider), d => d.Type == CredentialProviderFieldType.SmallText && d.Label.Length > 0).Id;
            Assert.Equal(HResult.S_OK, credential.GetStringValue(hint, out var text));
            Assert.Equal(expected, text);
        }

        [Fact]
        public void TheChangePasswordLinkAndTheStatusStay()
        {
            Assert.Equal(CredentialProviderFieldState.DisplayInSelectedTile, OwnFieldStates.For(FieldOwner.ChangePassword, false, false, asksForCode: false));
            Assert.Equal(CredentialProviderFieldState.DisplayInSelectedTile, OwnFieldStates.For(FieldOwner.Status, false, true, asksForCode: false));
        }
    }
}
