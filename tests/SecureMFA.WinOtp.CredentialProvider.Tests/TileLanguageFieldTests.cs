using System;
using System.Globalization;
using System.Linq;
using SecureMFA.WinOtp.CredentialProvider.Com;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Tests.Fakes;
using SecureMFA.WinOtp.CredentialProvider.Tile;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.CredentialProvider.Tests
{
    /// <summary>
    /// The tile as LogonUI reads it, in the session's language: the shell's own labels and hint, the refusal LogonUI
    /// shows, the administrator's label and help-desk line as given; and the tile shown when the provider cannot start.
    /// </summary>
    public class TileLanguageFieldTests
    {
        private static TileHarness Tile(string culture)
        {
            var tile = new TileHarness();
            tile.Computer.Language = CultureInfo.GetCultureInfo(culture);
            return tile;
        }

        [Theory]
        [InlineData("fr-FR")]
        [InlineData("de-DE")]
        [InlineData("es-MX")]
        [InlineData("nl-BE")]
        public void TheShellsOwnFieldsSpeakTheSessionsLanguage(string culture)
        {
            var tile = Tile(culture);
            var text = TileText.For(culture);
            var (provider, credential) = tile.Show();
            var descriptors = TileHarness.Descriptors(provider);
            string LabelOf(FieldOwner owner) => Assert.Single(descriptors, d => d.Id == Own(provider, owner)).Label;
            Assert.Equal(text.CodeLabel, LabelOf(FieldOwner.Code));
            Assert.Equal(text.ChangePasswordLabel, LabelOf(FieldOwner.ChangePassword));
            Assert.Equal(text.SyncOfflineLabel, LabelOf(FieldOwner.SyncOffline));
            Assert.Equal(text.NoPhoneLabel, LabelOf(FieldOwner.NoPhone));
            Assert.Equal(HResult.S_OK, credential.GetStringValue(Own(provider, FieldOwner.EnrolHint), out var hint));
            Assert.Equal(text.EnrolHint, hint);
            // None of the shell's own labels is the English one.
            foreach (var owner in new[] { FieldOwner.Code, FieldOwner.ChangePassword, FieldOwner.SyncOffline, FieldOwner.NoPhone, FieldOwner.EnrolHint })
                Assert.DoesNotContain(descriptors, d => d.Id == Own(provider, owner) && EnglishLabels.Contains(d.Label));
        }

        private static readonly string[] EnglishLabels =
        {
            TileText.English.CodeLabel, TileText.English.ChangePasswordLabel, TileText.English.SyncOfflineLabel, TileText.English.NoPhoneLabel, TileText.English.EnrolHint,
        };

        /// <summary>The id of one of the shell's fields, found by its label in the tile's language (labels are all the layout tells LogonUI).</summary>
        private static uint Own(WinOtpCredentialProvider provider, FieldOwner owner)
        {
            var descriptors = TileHarness.Descriptors(provider);
            // The shell's fields come after the wrapped ones: the code field right after the password, the rest at the end in this order.
            var trailing = descriptors.Skip(descriptors.Length - 5).ToArray();
            return owner switch
            {
                FieldOwner.Code => descriptors[Array.FindIndex(descriptors, d => d.Id == FakePasswordProvider.PasswordId) + 1].Id,
                FieldOwner.EnrolHint => trailing[0].Id,
                FieldOwner.Status => trailing[1].Id,
                FieldOwner.ChangePassword => trailing[2].Id,
                FieldOwner.SyncOffline => trailing[3].Id,
                FieldOwner.NoPhone => trailing[4].Id,
                _ => throw new ArgumentOutOfRangeException(nameof(owner)),
            };
        }

        [Fact]
        public void ARefusalReachesLogonUiInTheSessionsLanguageWithTheHelpdeskLine()
        {
            var tile = Tile("nl-NL");
            tile.Computer.Configure(SettingNames.HelpdeskText, "Helpdesk: 020 123 4567");
            var (provider, credential) = tile.Show();
            var wrong = ((int.Parse(tile.Computer.Code()) + 1) % 1000000).ToString("000000");
            tile.Type(credential, "alice", WinOtpHarness.Password, wrong, Own(provider, FieldOwner.Code));
            Assert.Equal(HResult.S_OK, credential.GetSerialization(out var response, out _, out var text, out _));
            Assert.Equal(CredentialProviderGetSerializationResponse.NoCredentialNotFinished, response);
            Assert.Equal("De code is niet juist. Resterende pogingen vóór een blokkering: 4. Helpdesk: 020 123 4567", text);
            // The event stays English.
            Assert.DoesNotContain("De code", tile.Computer.Events.All);
        }

        [Fact]
        public void TheAdministratorsLabelAndHelpdeskLineAreShownAsGivenInEveryLanguage()
        {
            foreach (var culture in new[] { "en-US", "fr-FR", "de-DE", "es-ES", "nl-NL" })
            {
                var tile = Tile(culture);
                tile.Computer.Configure(SettingNames.TileLabel, "Adatum code");
                tile.Computer.Configure(SettingNames.HelpdeskText, "Help desk: +1 555 0100");
                tile.Computer.Configure(SettingNames.UnenrolledPolicy, "Allow");
                var (provider, credential) = tile.Show();
                Assert.Equal("Adatum code", Assert.Single(TileHarness.Descriptors(provider), d => d.Id == Own(provider, FieldOwner.Code)).Label);
                Assert.Equal(HResult.S_OK, credential.GetStringValue(Own(provider, FieldOwner.EnrolHint), out var hint));
                Assert.Equal($"{TileText.For(culture).EnrolHintWithoutCode} Help desk: +1 555 0100", hint);
            }
        }

        [Fact]
        public void TheNoPhoneChallengeComesInTheSessionsLanguageWithTheHelpdeskLine()
        {
            var tile = Tile("de-AT");
            tile.Computer.Configure(SettingNames.OfflineValidDays, 7);
            tile.Computer.Configure(SettingNames.HelpdeskText, "Helpdesk: +43 1 234 5678");
            var (provider, credential) = tile.Show();
            var text = TileText.For("de");
            Assert.Equal(HResult.S_OK, credential.SetStringValue(FakePasswordProvider.UserNameId, "alice"));
            Assert.Equal(HResult.S_OK, credential.SetStringValue(Own(provider, FieldOwner.Code), tile.Computer.Code()));
            Assert.Equal(HResult.S_OK, credential.CommandLinkClicked(Own(provider, FieldOwner.SyncOffline)));
            Assert.Equal(HResult.S_OK, credential.GetStringValue(Own(provider, FieldOwner.Status), out var synced));
            Assert.StartsWith("Die Offline-Anmeldung ist für alice@adatum.labnet bis ", synced);
            Assert.DoesNotContain("Helpdesk: +43", synced);

            tile.Computer.Api.Mode = FakeApiMode.Down;
            Assert.Equal(HResult.S_OK, credential.CommandLinkClicked(Own(provider, FieldOwner.NoPhone)));
            Assert.Equal(HResult.S_OK, credential.GetStringValue(Own(provider, FieldOwner.Status), out var challenge));
            Assert.Matches("^Kein Telefon und kein Netzwerk: Rufen Sie Ihren Helpdesk an und lesen Sie diese Abfrage vor: [0-9A-Z]{5}-[0-9A-Z]{5}\\. .* Helpdesk: \\+43 1 234 5678$", challenge);
        }

        [Fact]
        public void TheTileThatSaysWhyTheProviderCannotStartSpeaksTheSessionsLanguageAndItsEventEnglish()
        {
            var tile = Tile("es-ES");
            tile.Password.CreateFailure = new System.Runtime.InteropServices.COMException("Class not registered", unchecked((int)0x80040154));
            var provider = tile.Provider();
            provider.SetUsageScenario(CredentialProviderUsageScenario.Logon, 0);
            Assert.Equal(HResult.S_OK, provider.GetCredentialCount(out var count, out _, out _));
            Assert.Equal(1u, count);
            Assert.Equal(HResult.S_OK, provider.GetCredentialAt(0, out var credential));
            var unavailable = Assert.IsType<UnavailableCredential>(credential);
            Assert.StartsWith("SecureMFA WIN OTP no puede iniciarse: ", unavailable.Message);
            Assert.Contains(tile.Events.Messages(Events.WinOtpEventId.ProviderFailed), m => m.StartsWith("SecureMFA WIN OTP cannot start: "));
        }
    }
}
