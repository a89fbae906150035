using System;
using System.Linq;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Logon;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>Who must use a code, through the coordinator the tile calls: settings, name resolution, events, and the unlock grace's record.</summary>
    public class WhoMustUseCodeTests
    {
        private readonly WinOtpHarness _h = new WinOtpHarness();

        public WhoMustUseCodeTests()
        {
            _h.Register();
            _h.Accounts.User("alice", FakeAccounts.AliceSid, "S-1-5-32-545");
            _h.Accounts.User("breakglass", FakeAccounts.BreakGlassSid, "S-1-5-32-544");
        }

        private void List(string setting, params string[] entries) => _h.Configure(setting, entries);

        [Fact]
        public void TheExcludedBreakGlassAccountSignsInWithoutACodeTheApiIsNotAskedAndAnEventSaysWhy()
        {
            List(SettingNames.ExcludedAccounts, @".\breakglass");
            var requests = _h.Api.Requests.Count;

            var result = _h.SignIn("", user: "breakglass", scenario: LogonScenario.Logon);

            Assert.Equal(LogonOutcome.NotRequired, result.Outcome);
            Assert.True(result.MayProceed);
            Assert.Equal(CodeRule.ExcludedAccount, result.CodeVerdict!.Rule);
            Assert.Equal(requests, _h.Api.Requests.Count);
            var skipped = Assert.Single(_h.Events.Events, e => e.Id == WinOtpEventId.CodeNotRequired);
            Assert.Equal(5558, (int)skipped.Id);
            Assert.Equal(WinOtpEventLevel.Information, skipped.Level);
            Assert.Equal($"No code asked of breakglass ({FakeAccounts.BreakGlassSid}) for logon on PC1: win_excluded_accounts ({FakeAccounts.BreakGlassSid}).", skipped.Message);

            // Anyone else still needs the code.
            Assert.Equal(LogonOutcome.InvalidInput, _h.SignIn("", user: "alice", scenario: LogonScenario.Logon).Outcome);
        }

        [Fact]
        public void GroupsAreMatchedBySidFromTheTokenNeverByName()
        {
            List(SettingNames.ExcludedGroups, FakeAccounts.HelpdeskSid);
            _h.Accounts.User("bob", "S-1-5-21-100-200-300-1200", FakeAccounts.HelpdeskSid);
            // A user who merely has the group's display name for a name is nobody special.
            _h.Accounts.User("Helpdesk", "S-1-5-21-100-200-300-1300");
            Assert.Equal(CodeRule.ExcludedGroup, _h.Coordinator().Decide(LogonScenario.Rdp, @"ADATUM\bob").Rule);
            Assert.True(_h.Coordinator().Decide(LogonScenario.Rdp, @"ADATUM\Helpdesk").Required);
        }

        [Fact]
        public void EnforcedGroupsLimitTheCodeToTheirMembers()
        {
            List(SettingNames.EnforcedGroups, @"ADATUM\MFA Pilot");
            _h.Accounts.User("carol", "S-1-5-21-100-200-300-1400", FakeAccounts.PilotSid);
            var coordinator = _h.Coordinator();
            Assert.Equal(CodeRule.NotInEnforcedGroup, coordinator.Decide(LogonScenario.Rdp, "alice").Rule);
            Assert.True(coordinator.Decide(LogonScenario.Rdp, "carol").Required);
            Assert.Equal(LogonOutcome.NotRequired, _h.SignIn("", user: "alice").Outcome);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.CodeNotRequired), m => m.Contains("win_enforced_groups (member of none)") && m.Contains("for rdp"));
        }

        [Fact]
        public void ANameThatCannotBeResolvedIsAWarningNamingItAndFailsClosed()
        {
            List(SettingNames.EnforcedGroups, @"ADATUM\MFA Pliot");
            List(SettingNames.ExcludedAccounts, @".\brakeglass");
            var coordinator = _h.Coordinator();
            Assert.True(coordinator.Decide(LogonScenario.Rdp, "alice").Required);
            Assert.True(coordinator.Decide(LogonScenario.Rdp, "breakglass").Required);
            var warnings = _h.Events.Messages(WinOtpEventId.ConfigurationFailed).ToList();
            Assert.Contains(warnings, w => w.StartsWith(@"win_enforced_groups: 'ADATUM\MFA Pliot' could not be resolved to a SID"));
            Assert.Contains(warnings, w => w.StartsWith(@"win_excluded_accounts: '.\brakeglass' could not be resolved to a SID"));
        }

        [Fact]
        public void WhenTheAccountCannotBeLookedUpACodeIsRequired()
        {
            List(SettingNames.ExcludedAccounts, FakeAccounts.BreakGlassSid);
            _h.Accounts.Fail = true;
            var verdict = _h.Coordinator().Decide(LogonScenario.Logon, "breakglass");
            Assert.True(verdict.Required);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ProviderFailed), m => m.Contains("SID and groups of breakglass could not be read") && m.Contains("a code is required"));
        }

        [Fact]
        public void WithoutRulesNobodyIsLookedUp()
        {
            _h.Coordinator().Decide(LogonScenario.Rdp, "alice");
            Assert.Equal(0, _h.Accounts.Lookups);
        }

        [Fact]
        public void RdpOnlyGroupsAskTheirMembersOnlyRemotely()
        {
            List(SettingNames.RdpOnlyGroups, @"ADATUM\Remote Only");
            _h.Accounts.User("dave", "S-1-5-21-100-200-300-1500", FakeAccounts.RemoteOnlySid);
            _h.Session.Current = SessionKind.Console;
            Assert.Equal(CodeRule.RdpOnlyGroup, _h.Coordinator().Decide(LogonScenario.Logon, "dave").Rule);
            Assert.True(_h.Coordinator().Decide(LogonScenario.Logon, "alice").Required);
            _h.Session.Current = SessionKind.Remote;
            Assert.True(_h.Coordinator().Decide(LogonScenario.Rdp, "dave").Required);
        }

        private LogonResult SignInWithCode(LogonScenario scenario, bool windowsAccepts = true)
        {
            _h.NextStep();
            var coordinator = _h.Coordinator();
            var result = coordinator.SignInAsync(new LogonRequest(scenario, "alice", WinOtpHarness.Password, _h.Code())).GetAwaiter().GetResult();
            coordinator.ReportWindowsResult(result, windowsAccepts).GetAwaiter().GetResult();
            return result;
        }

        [Fact]
        public void AfterACodeVerifiedSignInTheSameSessionUnlocksWithoutACodeForTheGraceMinutes()
        {
            _h.Configure(SettingNames.UnlockGraceMinutes, 10);
            _h.Instance.SessionId = 2;
            Assert.Equal(LogonOutcome.Accepted, SignInWithCode(LogonScenario.Rdp).Outcome);
            Assert.Contains(SettingNames.SessionGraceKey, _h.Registry.ProtectedKeys);
            Assert.Empty(_h.Registry.OthersWithAccess(SettingNames.SessionGraceKey)!);

            _h.Clock.Advance(TimeSpan.FromMinutes(9));
            var unlock = _h.SignIn("", scenario: LogonScenario.Unlock);
            Assert.Equal(LogonOutcome.NotRequired, unlock.Outcome);
            Assert.Equal(CodeRule.UnlockGrace, unlock.CodeVerdict!.Rule);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.CodeNotRequired), m => m.Contains("win_unlock_grace_minutes (code-verified sign-in of session 2 9 min ago)") && m.Contains("for unlock"));
            // CredUI in that session still asks; another session does too; and a grace unlock does not extend the grace.
            Assert.True(_h.Coordinator().Decide(LogonScenario.CredUI, "alice").Required);
            _h.Instance.SessionId = 3;
            Assert.True(_h.Coordinator().Decide(LogonScenario.Unlock, "alice").Required);
            _h.Instance.SessionId = 2;
            _h.Clock.Advance(TimeSpan.FromMinutes(2));
            Assert.True(_h.Coordinator().Decide(LogonScenario.Unlock, "alice").Required);
        }

        [Fact]
        public void AnRdpReconnectToTheDisconnectedSessionGetsTheGraceANewRdpSessionDoesNot()
        {
            _h.Configure(SettingNames.UnlockGraceMinutes, 10);
            _h.Instance.SessionId = 2;
            SignInWithCode(LogonScenario.Rdp);
            _h.Instance.SessionId = 5;
            _h.Clock.Advance(TimeSpan.FromMinutes(3));
            Assert.True(_h.Coordinator().Decide(LogonScenario.Rdp, "alice").Required);
            _h.Instance.Disconnected.Add(2);
            Assert.Equal(CodeRule.UnlockGrace, _h.Coordinator().Decide(LogonScenario.Rdp, "alice").Rule);
        }

        [Fact]
        public async System.Threading.Tasks.Task NoGraceAfterABootOrASleepOrWhenWindowsRefusedThePassword()
        {
            _h.Configure(SettingNames.UnlockGraceMinutes, 30);
            SignInWithCode(LogonScenario.Logon);
            _h.Clock.Advance(TimeSpan.FromMinutes(5));
            Assert.False(_h.Coordinator().Decide(LogonScenario.Unlock, "alice").Required);
            _h.Instance.Reboot();
            Assert.True(_h.Coordinator().Decide(LogonScenario.Unlock, "alice").Required);

            SignInWithCode(LogonScenario.Logon);
            _h.Clock.Advance(TimeSpan.FromMinutes(5));
            _h.Instance.Slept(TimeSpan.FromMinutes(4));
            Assert.True(_h.Coordinator().Decide(LogonScenario.Unlock, "alice").Required);

            var other = new WinOtpHarness();
            other.Register();
            other.Accounts.User("alice", FakeAccounts.AliceSid);
            other.Configure(SettingNames.UnlockGraceMinutes, 30);
            var coordinator = other.Coordinator();
            var result = await coordinator.SignInAsync(new LogonRequest(LogonScenario.Logon, "alice", WinOtpHarness.Password, other.Code()));
            Assert.Equal(LogonOutcome.Accepted, result.Outcome);
            await coordinator.ReportWindowsResult(result, false);
            Assert.Null(other.Registry.GetValue(SettingNames.SessionGraceKey, FakeAccounts.AliceSid));
            Assert.True(other.Coordinator().Decide(LogonScenario.Unlock, "alice").Required);
        }

        [Fact]
        public void AGraceRecordInAKeyOthersCanWriteIsIgnoredWithAWarning()
        {
            _h.Configure(SettingNames.UnlockGraceMinutes, 30);
            SignInWithCode(LogonScenario.Logon);
            _h.Registry.Grant(SettingNames.SessionGraceKey, @"ADATUM\alice");
            Assert.True(_h.Coordinator().Decide(LogonScenario.Unlock, "alice").Required);
            Assert.Contains(_h.Events.Messages(WinOtpEventId.ProviderFailed), m => m.Contains(@"SessionGrace is open to ADATUM\alice"));
        }

        [Fact]
        public void GraceExcludedGroupsAlwaysUnlockWithACode()
        {
            _h.Configure(SettingNames.UnlockGraceMinutes, 30);
            List(SettingNames.GraceExcludedGroups, @"ADATUM\Domain Admins");
            _h.Accounts.User("alice", FakeAccounts.AliceSid, FakeAccounts.AdminsSid);
            SignInWithCode(LogonScenario.Logon);
            _h.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.True(_h.Coordinator().Decide(LogonScenario.Unlock, "alice").Required);
        }

        [Fact]
        public void NoEventCarriesTheCodeOrThePassword()
        {
            _h.Configure(SettingNames.UnlockGraceMinutes, 30);
            List(SettingNames.ExcludedAccounts, @".\breakglass");
            var code = _h.Code();
            _h.SignIn(code, user: "breakglass");
            SignInWithCode(LogonScenario.Logon);
            Assert.DoesNotContain(WinOtpHarness.Password, _h.Events.All);
            Assert.DoesNotContain(_h.Events.Messages(WinOtpEventId.CodeNotRequired), m => m.Contains(code));
        }
    }
}
