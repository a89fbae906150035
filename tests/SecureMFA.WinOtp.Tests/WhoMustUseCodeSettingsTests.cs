using System;
using System.Linq;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>The who-must-use-a-code values as the registry holds them: REG_MULTI_SZ lists, REG_SZ with ';', and what is refused.</summary>
    public class WhoMustUseCodeSettingsTests
    {
        private static FakeRegistry Minimal()
        {
            var registry = new FakeRegistry();
            registry.SetValue("", SettingNames.AnchorDnsName, "adatum.labnet");
            registry.SetValue("", SettingNames.ApiEndpoint, "https://awebapi.adatum.labnet/api/securemfaotp");
            return registry;
        }

        [Fact]
        public void DefaultsAreEmptyListsAndNoGrace()
        {
            var s = SettingsReader.Read(Minimal()).Settings!;
            Assert.Empty(s.ExcludedAccounts);
            Assert.Empty(s.ExcludedGroups);
            Assert.Empty(s.EnforcedGroups);
            Assert.Empty(s.RdpOnlyGroups);
            Assert.Empty(s.GraceExcludedGroups);
            Assert.Empty(s.AllowedProviders);
            Assert.Equal(0, s.UnlockGraceMinutes);
        }

        [Fact]
        public void ListsAreReadFromMultiStringsOrSemicolonSeparatedTextWithoutBlanksOrRepeats()
        {
            var registry = Minimal();
            registry.SetValue("", SettingNames.ExcludedAccounts, new[] { @".\breakglass", "", " S-1-5-21-1-2-3-500 ", @".\BREAKGLASS" });
            registry.SetValue("", SettingNames.ExcludedGroups, @"ADATUM\Helpdesk; ADATUM\Service Accounts;");
            registry.SetValue("", SettingNames.UnlockGraceMinutes, 15);
            registry.SetValue("", SettingNames.AllowedProviders, new[] { "{8FD7E19C-3BF7-489B-A72C-846AB3678C96}", "cb82ea12-9f71-446d-89e1-8d0924e1256e" });
            var result = SettingsReader.Read(registry);
            Assert.True(result.IsValid, string.Join(" ", result.Errors));
            Assert.Equal(new[] { @".\breakglass", "S-1-5-21-1-2-3-500" }, result.Settings!.ExcludedAccounts);
            Assert.Equal(new[] { @"ADATUM\Helpdesk", @"ADATUM\Service Accounts" }, result.Settings.ExcludedGroups);
            Assert.Equal(15, result.Settings.UnlockGraceMinutes);
            Assert.Equal(new[] { new Guid("8fd7e19c-3bf7-489b-a72c-846ab3678c96"), new Guid("cb82ea12-9f71-446d-89e1-8d0924e1256e") }, result.Settings.AllowedProviders);
        }

        [Theory]
        [InlineData(SettingNames.ExcludedAccounts, "S-1-5-21-x", "win_excluded_accounts: 'S-1-5-21-x' starts like a SID but is not one")]
        [InlineData(SettingNames.EnforcedGroups, "ADATUM\\Pilot*", "win_enforced_groups: 'ADATUM\\Pilot*' is not an account or group name")]
        [InlineData(SettingNames.AllowedProviders, "smartcard", "win_allowed_providers: 'smartcard' is not a CLSID")]
        [InlineData(SettingNames.AllowedProviders, "{60b78e88-ead8-445c-9cfd-0b87f74ea6cd}", "the Password provider (CLSID_PasswordCredentialProvider), which signs in without a code; it cannot be allowed")]
        [InlineData(SettingNames.AllowedProviders, "{2135f72a-90b5-4ed3-a7f1-8bb705ac276a}", "the picture password provider")]
        public void BadEntriesAreErrorsNamingTheSettingAndTheEntry(string setting, string entry, string message)
        {
            var registry = Minimal();
            registry.SetValue("", setting, new[] { entry });
            var result = SettingsReader.Read(registry);
            Assert.False(result.IsValid);
            Assert.Contains(result.Errors, e => e.Contains(message));
        }

        [Fact]
        public void GraceMinutesAreBoundedAndAListOfTheWrongTypeIsAnError()
        {
            var registry = Minimal();
            registry.SetValue("", SettingNames.UnlockGraceMinutes, 1441);
            registry.SetValue("", SettingNames.ExcludedGroups, 7);
            var errors = SettingsReader.Read(registry).Errors;
            Assert.Contains(errors, e => e.StartsWith("win_unlock_grace_minutes: 1441 is outside 0-1440"));
            Assert.Contains(errors, e => e.StartsWith("win_excluded_groups has a registry type that is not a list of text"));
        }

        [Fact]
        public void RulesThatChangeNothingAreWarnings()
        {
            var registry = Minimal();
            registry.SetValue("", SettingNames.RdpOnly, 1);
            registry.SetValue("", SettingNames.RdpOnlyGroups, new[] { "S-1-5-21-1-2-3-4401" });
            registry.SetValue("", SettingNames.GraceExcludedGroups, new[] { "S-1-5-21-1-2-3-512" });
            var result = SettingsReader.Read(registry);
            Assert.True(result.IsValid);
            Assert.Contains(result.Warnings, w => w.StartsWith("win_rdponly_groups changes nothing while win_rdponly is on"));
            Assert.Contains(result.Warnings, w => w.StartsWith("win_grace_excluded_groups changes nothing while win_unlock_grace_minutes is 0"));
        }
    }
}
