using System;
using System.Linq;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Kerberos;
using SecureMFA.WinOtp.CredentialProvider.Tests.Fakes;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Offline;
using SecureMFA.WinOtp.Tests.Fakes;
using SecureMFA.WinOtp.Logon;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// On LogonUI's thread: "Checking your code…" before the WEB API is asked; offline sign-in armed even when LogonUI
    /// never calls ReportResult; CredUI's 32-bit packing (CREDUIWIN_PACK_32_WOW) read as such.
    /// </summary>
    public class TileThreadTests
    {
        private static uint StatusField(Com.WinOtpCredentialProvider provider) =>
            TileHarness.Descriptors(provider).Single(d => d.Type == CredentialProviderFieldType.SmallText && d.Label.Length == 0).Id;

        [Fact]
        public void CheckingYourCodeIsOnTheTileWhileTheApiIsAsked()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            var status = StatusField(provider);
            string? shownDuringRequest = null;
            tile.Computer.Handler = new ObservedHandler(tile.Computer.Api, request =>
            {
                var last = tile.LogonUi.Calls.LastOrDefault(c => c.Call == "SetFieldString" && c.FieldId == status);
                var state = tile.LogonUi.Calls.LastOrDefault(c => c.Call == "SetFieldState" && c.FieldId == status);
                shownDuringRequest = last.Text + " / " + state.Text;
            });
            tile.Type(credential, "alice", WinOtpHarness.Password, tile.Computer.Code(), TileHarness.CodeField(provider));
            Assert.Equal(HResult.S_OK, credential.GetSerialization(out var response, out var serialization, out _, out _));
            Marshal.FreeCoTaskMem(serialization.Serialization);
            Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, response);
            Assert.Equal(TileText.English.CheckingCode + " / " + CredentialProviderFieldState.DisplayInSelectedTile, shownDuringRequest);
            // And gone once the answer is there.
            Assert.Equal("", tile.LogonUi.Calls.Last(c => c.Call == "SetFieldString" && c.FieldId == status).Text);
        }

        [Fact]
        public void WhenLogonUiNeverCallsReportResultOfflineSignInIsStillArmed()
        {
            var tile = new TileHarness();
            var (provider, credential) = tile.Show();
            tile.Type(credential, "alice", WinOtpHarness.Password, tile.Computer.Code(), TileHarness.CodeField(provider));
            Assert.Equal(HResult.S_OK, credential.GetSerialization(out _, out var serialization, out _, out _));
            Marshal.FreeCoTaskMem(serialization.Serialization);
            // The logon goes on; the tile is torn down without a verdict.
            Assert.Equal(HResult.S_OK, credential.UnAdvise());

            tile.Computer.Api.Mode = FakeApiMode.Down;
            tile.Computer.Clock.Advance(TimeSpan.FromHours(3));
            var (nextProvider, next) = tile.Show();
            tile.Type(next, "alice", WinOtpHarness.Password, tile.Computer.OfflineCode(), TileHarness.CodeField(nextProvider));
            Assert.Equal(HResult.S_OK, next.GetSerialization(out var response, out var offline, out var text, out _));
            Assert.True(response == CredentialProviderGetSerializationResponse.ReturnCredentialFinished, text);
            Marshal.FreeCoTaskMem(offline.Serialization);
            // This time Windows' verdict comes: the data is locked under the password.
            Assert.Equal(HResult.S_OK, next.ReportResult(0, 0, out _, out _));
            Assert.Equal(VaultForm.Password, tile.Computer.OfflineVault().Describe(WinOtpHarness.Upn, tile.Computer.Device()).Form);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void CredUiPacking32WowIsReadAsTheThirtyTwoBitLayout(bool flagged)
        {
            var tile = new TileHarness();
            var flags = flagged ? Com.WinOtpCredential.CredUIWinPack32Wow : 0u;
            var (provider, credential) = tile.Show(CredentialProviderUsageScenario.CredUI, flags: flags);
            Assert.Equal("SetUsageScenario CredUI", tile.Password.Calls.First());
            // The wrapped provider got the flag and packs for the 32-bit caller, as Windows' Password provider does.
            tile.Password.Credentials[0].RawSerialization = KerbInteractiveUnlockLogonPacking.Pack(
                new InteractiveUnlockLogon(KerbLogonMessageType.NotApplicable, "ADATUM", "alice", FakeUnprotector.Protect(WinOtpHarness.Password)), wow32: true);
            Assert.Equal(HResult.S_OK, credential.SetStringValue(TileHarness.CodeField(provider), tile.Computer.Code()));
            Assert.Equal(HResult.S_OK, credential.GetSerialization(out var response, out var serialization, out var text, out _));
            if (serialization.Serialization != IntPtr.Zero) Marshal.FreeCoTaskMem(serialization.Serialization);
            if (flagged)
            {
                Assert.Equal(CredentialProviderGetSerializationResponse.ReturnCredentialFinished, response);
                Assert.Contains("\"upn\":\"alice@adatum.labnet\"", tile.Computer.Api.Requests.Last().BodyText);
            }
            else
            {
                // Read as the 64-bit layout, the same bytes make no sense: refused, never guessed.
                Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, response);
                Assert.Equal(TileText.English.CodeRejectedCredential, text);
            }
        }
    }
}
