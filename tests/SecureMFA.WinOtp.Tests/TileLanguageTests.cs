using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using SecureMFA.Otp.Text;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// Every text the tile shows, in every language, rendered with long but real values: none in French, German, Spanish
    /// or Dutch is (or holds a sentence of) the English text, and each fits its field. The coordinator and the settings
    /// are tried through their seams: the session's UI language and win_tile_label / win_helpdesk_text.
    /// </summary>
    public class TileLanguageTests
    {
        // Long but real values: the fitting test is only as good as these.
        private const string Upn = "firstname.lastname@corp.contoso-europe.com";
        private const string Url = "https://sts.contoso-europe.com/adfs/portal/updatepassword/";
        private const string Entry = "Contoso Europe offline (LAPTOP-4F7Q2M)";
        private const string Key = "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP";
        private const string Challenge = "K7Q2M-4XW9P";
        private const string Reason = "Windows' Password provider did not give its tiles (0x80070005)";
        private const string Helpdesk = "Contoso IT service desk: +44 20 7946 0000 (24/7), ext. 4242, or servicedesk@contoso-europe.com, ticket portal";
        private static readonly DateTime When = new DateTime(2026, 12, 8, 17, 45, 0, DateTimeKind.Utc);
        private static readonly string[] Samples = { Upn, Url, Entry, Key, Challenge, Reason, TileText.Time(When) };

        private enum Field { Label, Link, Message }

        private static readonly string[] WithoutHelpdesk = { nameof(TileText.OfflineInstructions), nameof(TileText.Synced) };

        private static Field KindOf(string name) =>
            name == nameof(TileText.CodeLabel) ? Field.Label
            : name == nameof(TileText.ChangePasswordLabel) || name == nameof(TileText.SyncOfflineLabel) || name == nameof(TileText.NoPhoneLabel) ? Field.Link
            : Field.Message;

        /// <summary>Every text of a language, named; each method with each shape of its values (none, few, many).</summary>
        private static IReadOnlyList<(string Name, string Text)> Render(TileText t)
        {
            var texts = typeof(TileText).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string) && p.Name != nameof(TileText.LanguageTag))
                .Select(p => (p.Name, (string)p.GetValue(t)!)).ToList();
            void Add(string name, string text) => texts.Add((name, text));
            Add(nameof(t.RecoveryAccepted), t.RecoveryAccepted(null));
            Add(nameof(t.RecoveryAccepted) + "(2)", t.RecoveryAccepted(2));
            Add(nameof(t.RecoveryAccepted) + "(7)", t.RecoveryAccepted(7));
            Add(nameof(t.UnlockChallenge), t.UnlockChallenge(Challenge, When));
            Add(nameof(t.OfflineRejected), t.OfflineRejected(3, Entry));
            Add(nameof(t.OfflineRejected) + "()", t.OfflineRejected(null, ""));
            Add(nameof(t.NotEnrolled), t.NotEnrolled(Upn));
            Add(nameof(t.EnrolFirst), t.EnrolFirst(Upn, Url));
            Add(nameof(t.GraceEnded), t.GraceEnded(Upn, Url, When));
            Add(nameof(t.EnrolBy), t.EnrolBy(Url, When));
            Add(nameof(t.Rejected) + "(ahead)", t.Rejected(4, 45));
            Add(nameof(t.Rejected) + "(behind)", t.Rejected(1, -75));
            Add(nameof(t.Rejected), t.Rejected(null, null));
            Add(nameof(t.Locked), t.Locked(null));
            Add(nameof(t.Locked) + "(until)", t.Locked(When));
            Add(nameof(t.OfflineLockedAfterFailure), t.OfflineLockedAfterFailure(When));
            Add(nameof(t.Expired), t.Expired(null));
            Add(nameof(t.Expired) + "(on)", t.Expired(When));
            Add(nameof(t.Synced), t.Synced(Upn, When));
            Add(nameof(t.OfflineInstructions), t.OfflineInstructions(Entry, Key));
            Add(nameof(t.OpenPortalElsewhere), t.OpenPortalElsewhere(Url));
            Add(nameof(t.PortalOpened), t.PortalOpened(Url));
            Add(nameof(t.PortalNotOpened), t.PortalNotOpened(Url, "error 2"));
            Add(nameof(t.CannotStart), t.CannotStart(Reason));
            Add(nameof(t.NameRefused), t.NameRefused("ADATUM\\al|ce", "The user name 'al|ce' contains a character user names cannot have."));
            Add(nameof(t.NameRefused) + "(blank)", t.NameRefused(" ", "Type your user name."));
            return texts;
        }

        public static IEnumerable<object[]> OtherLanguages() => TileText.All.Where(t => t.Lcid != ShippedLanguage.English).Select(t => new object[] { t.LanguageTag });

        [Fact]
        public void EveryTextOfTheClassIsRendered()
        {
            // A text added to TileText without a line in Render would escape the tests below.
            var rendered = Render(TileText.English).Select(r => r.Name.Split('(')[0]).ToHashSet();
            var methods = typeof(TileText).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.ReturnType == typeof(string) && !m.IsSpecialName && m.Name != nameof(ToString)).Select(m => m.Name);
            Assert.Empty(methods.Except(rendered));
            Assert.Equal(5, TileText.All.Count);
            Assert.Equal(ShippedLanguage.Lcids, TileText.All.Select(t => t.Lcid));
        }

        [Theory]
        [MemberData(nameof(OtherLanguages))]
        public void NoEnglishTextEscapesToTheTileInAnotherLanguage(string tag)
        {
            var other = Render(TileText.For(tag));
            var english = Render(TileText.English);
            Assert.Equal(english.Select(e => e.Name), other.Select(o => o.Name));
            for (var i = 0; i < english.Count; i++)
            {
                var (name, text) = other[i];
                Assert.False(string.IsNullOrWhiteSpace(text), $"{tag} {name} is empty");
                Assert.True(text != english[i].Text, $"{tag} {name} is the English text: {text}");
                Assert.DoesNotContain("{", text);
                // No English sentence inside either (a translated start with an English part appended).
                foreach (var sentence in Sentences(english[i].Text))
                    Assert.False(WithoutSamples(text).Contains(sentence), $"{tag} {name} holds the English \"{sentence}\": {text}");
            }
        }

        /// <summary>The English sentences and clauses of a text, without the values filled in, long enough to be words and not a name.</summary>
        private static IEnumerable<string> Sentences(string english) =>
            System.Text.RegularExpressions.Regex.Replace(WithoutSamples(english), @"win_[a-z_]+", "").Split(new[] { ". ", ": ", "; ", " (", ")" }, StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.Trim(' ', '.', ',', '"')).Where(s => s.Length >= 12 && s.Contains(' ') && !Names.Any(n => n == s));

        private static readonly string[] Names = { "SecureMFA WEB API", "SecureMFA WIN OTP", "Microsoft Edge" };

        private static string WithoutSamples(string text)
        {
            foreach (var sample in Samples) text = text.Replace(sample, "");
            return text;
        }

        [Theory]
        [InlineData("en-US")]
        [InlineData("fr-FR")]
        [InlineData("de-DE")]
        [InlineData("es-ES")]
        [InlineData("nl-NL")]
        public void EveryTextFitsItsFieldWithLongValuesAndTheHelpdeskLine(string tag)
        {
            Assert.True(Helpdesk.Length <= TileText.MaxHelpdeskText);
            foreach (var (name, text) in Render(TileText.For(tag)))
            {
                var kind = KindOf(name);
                var max = kind == Field.Label ? TileText.MaxLabel : kind == Field.Link ? TileText.MaxLink : TileText.MaxMessage;
                // Hints and refusals are followed by the administrator's help-desk line: both together must fit. The
                // offline entry and the sync's answer are successes, shown without it.
                var shown = kind == Field.Message && !WithoutHelpdesk.Contains(name) ? TileText.WithHelpdesk(text, Helpdesk) : text;
                Assert.True(shown.Length <= max, $"{tag} {name} is {shown.Length} characters, more than the {max} its field shows: {shown}");
            }
        }

        [Theory]
        [InlineData("en-US", ShippedLanguage.English)]
        [InlineData("en-GB", ShippedLanguage.English)]
        [InlineData("fr-FR", ShippedLanguage.French)]
        [InlineData("fr-CA", ShippedLanguage.French)]
        [InlineData("fr", ShippedLanguage.French)]
        [InlineData("de-AT", ShippedLanguage.German)]
        [InlineData("de-CH", ShippedLanguage.German)]
        [InlineData("es-MX", ShippedLanguage.Spanish)]
        [InlineData("es-ES", ShippedLanguage.Spanish)]
        [InlineData("nl-BE", ShippedLanguage.Dutch)]
        [InlineData("nl-NL", ShippedLanguage.Dutch)]
        [InlineData("ja-JP", ShippedLanguage.English)]
        [InlineData("pt-BR", ShippedLanguage.English)]
        [InlineData("", ShippedLanguage.English)]
        [InlineData("not a culture!", ShippedLanguage.English)]
        public void ACultureTakesItsLanguageAndAnyOtherTakesEnglish(string culture, int lcid)
        {
            Assert.Equal(lcid, TileText.For(culture).Lcid);
            Assert.Equal(lcid, ShippedLanguage.Of(culture));
            if (culture.Length > 0 && !culture.Contains(' ')) Assert.Equal(lcid, TileText.For(CultureInfo.GetCultureInfo(culture)).Lcid);
            Assert.Equal(ShippedLanguage.English, TileText.For(CultureInfo.InvariantCulture).Lcid);
            Assert.Equal(ShippedLanguage.English, TileText.For((CultureInfo?)null).Lcid);
        }

        [Theory]
        [InlineData(1036, ShippedLanguage.French)]
        [InlineData(3084, ShippedLanguage.French)]   // fr-CA
        [InlineData(3079, ShippedLanguage.German)]   // de-AT
        [InlineData(2058, ShippedLanguage.Spanish)]  // es-MX
        [InlineData(2067, ShippedLanguage.Dutch)]    // nl-BE
        [InlineData(1041, ShippedLanguage.English)]  // ja-JP
        public void AnLcidTakesItsLanguageAsTheAdfsPagesDo(int lcid, int shipped) => Assert.Equal(shipped, ShippedLanguage.Of(lcid));

        [Fact]
        public async Task TheCoordinatorAnswersInTheSessionsLanguage()
        {
            var h = new WinOtpHarness { Language = CultureInfo.GetCultureInfo("fr-CA") };
            h.Register();
            var coordinator = h.Coordinator();
            Assert.Equal(ShippedLanguage.French, coordinator.Text.Lcid);
            var wrong = ((int.Parse(h.Code()) + 1) % 1000000).ToString("000000");
            var result = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", WinOtpHarness.Password, wrong));
            Assert.Equal(LogonOutcome.Rejected, result.Outcome);
            Assert.Equal("Ce code est incorrect. Tentatives restantes avant un blocage\u00A0: 4.", result.Message);

            var notACode = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", WinOtpHarness.Password, "12ab56"));
            Assert.Equal(TileText.For("fr").TypeCode, notACode.Message);
            var noName = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Rdp, " ", WinOtpHarness.Password, h.Code()));
            Assert.Equal("Saisissez votre nom d'utilisateur.", noName.Message);

            // The events stay English for the administrator.
            Assert.Contains(h.Events.Messages(Events.WinOtpEventId.OtpFailed), m => m.Contains("alice@adatum.labnet"));
            Assert.DoesNotContain("Ce code", h.Events.All);
        }

        [Fact]
        public async Task AFailingLanguageLookupIsEnglish()
        {
            var h = new WinOtpHarness();
            h.Register();
            var platform = h.Platform();
            platform.UiLanguage = () => throw new InvalidOperationException("no language");
            var coordinator = new LogonCoordinator(platform);
            Assert.Same(TileText.English, coordinator.Text);
            var result = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Rdp, "alice", WinOtpHarness.Password, "12ab56"));
            Assert.Equal(TileText.English.TypeCode, result.Message);
        }

        [Fact]
        public void TheAdministratorsTextsAreReadTrimmedAndShownAsGiven()
        {
            var h = new WinOtpHarness();
            h.Configure(SettingNames.TileLabel, "  Adatum code ");
            h.Configure(SettingNames.HelpdeskText, "Help desk: +1 555 0100, ext. 42");
            var read = SettingsReader.Read(h.Registry);
            Assert.True(read.IsValid, string.Join(" ", read.Errors));
            Assert.Empty(read.Warnings);
            Assert.Equal("Adatum code", read.Settings!.TileLabel);
            Assert.Equal("Help desk: +1 555 0100, ext. 42", read.Settings.HelpdeskText);
            foreach (var text in TileText.All)
            {
                Assert.Equal("Adatum code", TileText.CodeLabelOf(text, read.Settings.TileLabel));
                Assert.EndsWith(" Help desk: +1 555 0100, ext. 42", TileText.WithHelpdesk(text.EnrolHint, read.Settings.HelpdeskText));
                Assert.Equal(text.CodeLabel, TileText.CodeLabelOf(text, null));
                Assert.Equal(text.EnrolHint, TileText.WithHelpdesk(text.EnrolHint, null));
            }
            // Nothing is added to an empty status line.
            Assert.Equal("", TileText.WithHelpdesk("", read.Settings.HelpdeskText));
        }

        [Fact]
        public void TheAdministratorsTextsAreNotSetByDefault()
        {
            var settings = new WinOtpHarness().Settings();
            Assert.Null(settings.TileLabel);
            Assert.Null(settings.HelpdeskText);
            Assert.Equal("", SettingCatalogue.TileLabel.DefaultText);
            Assert.Equal(TileText.MaxLabel, SettingCatalogue.TileLabel.MaxLength);
            Assert.Equal(TileText.MaxHelpdeskText, SettingCatalogue.HelpdeskText.MaxLength);
        }

        [Theory]
        [InlineData(SettingNames.TileLabel, 33, "is 33 characters long; the tile shows at most 32")]
        [InlineData(SettingNames.HelpdeskText, 121, "is 121 characters long; the tile shows at most 120")]
        public void ATextTooLongForTheTileIsAWarningAndNotShown(string name, int length, string warning)
        {
            var h = new WinOtpHarness();
            h.Configure(name, new string('x', length));
            var read = SettingsReader.Read(h.Registry);
            Assert.True(read.IsValid);
            Assert.Contains(read.Warnings, w => w == $"{name} {warning} without cutting it, so it is not shown.");
            Assert.Null(name == SettingNames.TileLabel ? read.Settings!.TileLabel : read.Settings!.HelpdeskText);
        }

        [Fact]
        public void ALineBreakInAnAdministratorsTextIsAWarningAndGroupPolicyIsNamed()
        {
            var h = new WinOtpHarness();
            h.Registry.Policies[SettingNames.HelpdeskText] = "Help desk:\r\n+1 555 0100";
            var read = SettingsReader.Read(h.Registry);
            Assert.True(read.IsValid);
            Assert.Contains(read.Warnings, w => w.StartsWith($"{SettingNames.HelpdeskText} (Group Policy, {SettingNames.PolicyRegistryPath}) holds a control character"));
            Assert.Null(read.Settings!.HelpdeskText);
        }
    }
}
