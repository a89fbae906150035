using System;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.WinOtp.Decision;
using SecureMFA.WinOtp.Platform;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// Who must use a code: <see cref="CodeDecision.Decide"/> over scenario, session, account, rules and grace. The named
    /// cases are written out by hand; then every combination of every input is checked against the rules as the README
    /// states them, in words a reviewer can hold against the documentation.
    /// </summary>
    public class CodeDecisionTableTests
    {
        private const string Account = "S-1-5-21-1-2-3-1105";
        private const string BreakGlass = "S-1-5-21-9-9-9-1001";
        private const string Excluded = "S-1-5-21-1-2-3-2201";
        private const string Enforced = "S-1-5-21-1-2-3-3301";
        private const string RemoteOnly = "S-1-5-21-1-2-3-4401";
        private const string NoGrace = "S-1-5-21-1-2-3-512";
        private static readonly DateTime SignedIn = new DateTime(2026, 12, 8, 9, 0, 0, DateTimeKind.Utc);

        private static SidList Sids(params string[] sids) => new SidList(sids, new string[0]);
        private static SidList Unresolved(params string[] names) => new SidList(new string[0], names);

        /// <summary>A code-verified sign-in of session 2 at 09:00; now is <paramref name="minutesLater"/> later in session <paramref name="session"/>, awake all along.</summary>
        private static GraceFacts Grace(int minutesLater, int session = 2, bool disconnected = false, string account = Account)
        {
            var last = new SessionMoment(account, 2, SignedIn, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
            var later = TimeSpan.FromMinutes(minutesLater);
            return new GraceFacts(last, new SessionMoment(Account, session, SignedIn + later, TimeSpan.FromHours(1) + later, TimeSpan.FromHours(1) + later), disconnected);
        }

        private static CodeRules Rules(bool rdpOnly = false, SidList? excludedAccounts = null, SidList? excludedGroups = null, SidList? enforced = null,
            SidList? rdpOnlyGroups = null, int grace = 0, SidList? graceExcluded = null) =>
            new CodeRules(rdpOnly, excludedAccounts ?? SidList.Empty, excludedGroups ?? SidList.Empty, enforced ?? SidList.Empty, rdpOnlyGroups ?? SidList.Empty, grace, graceExcluded ?? SidList.Empty);

        private static AccountFacts Who(string sid = Account, params string[] groups) => new AccountFacts(sid, groups);

        [Fact]
        public void WithoutRulesWinRdpOnlyAloneDecidesAsBefore()
        {
            foreach (LogonScenario scenario in Enum.GetValues(typeof(LogonScenario)))
                foreach (SessionKind session in Enum.GetValues(typeof(SessionKind)))
                    foreach (var rdpOnly in new[] { false, true })
                        foreach (var account in new[] { null, Who() })
                        {
                            var verdict = CodeDecision.Decide(scenario, session, account, CodeRules.Everyone(rdpOnly), null);
                            Assert.Equal(CodeRequirement.IsRequired(scenario, session, rdpOnly), verdict.Required);
                            Assert.Equal(verdict.Required ? CodeRule.Required : CodeRule.RdpOnly, verdict.Rule);
                        }
        }

        [Fact]
        public void TheBreakGlassAccountNeedsNoCodeAnywhereEvenInAnEnforcedGroup()
        {
            // Exclusion beats enforcement: the break-glass account must work whatever group someone puts it in.
            var rules = Rules(excludedAccounts: Sids(BreakGlass), enforced: Sids(Enforced));
            foreach (LogonScenario scenario in Enum.GetValues(typeof(LogonScenario)))
            {
                var verdict = CodeDecision.Decide(scenario, SessionKind.Remote, Who(BreakGlass, Enforced), rules, null);
                Assert.Equal(CodeRule.ExcludedAccount, verdict.Rule);
                Assert.Equal(BreakGlass, verdict.Detail);
                Assert.Equal("win_excluded_accounts", verdict.Setting);
            }
            Assert.Equal(CodeRule.Required, CodeDecision.Decide(LogonScenario.Rdp, SessionKind.Remote, Who(Account, Enforced), rules, null).Rule);
        }

        [Fact]
        public void AMemberOfAnExcludedGroupNeedsNoCodeAndTheMatchingGroupIsNamed()
        {
            var verdict = CodeDecision.Decide(LogonScenario.Logon, SessionKind.Console, Who(Account, "S-1-5-32-545", Excluded), Rules(excludedGroups: Sids(Excluded), enforced: Sids(Excluded)), null);
            Assert.Equal(CodeRule.ExcludedGroup, verdict.Rule);
            Assert.Equal(Excluded, verdict.Detail);
        }

        [Fact]
        public void ExclusionsMatchTheAccountsOwnSidOnlyAndGroupsOnlyInTheToken()
        {
            // An account SID written into win_excluded_groups does not exclude that account, nor a group SID in win_excluded_accounts its members.
            Assert.True(CodeDecision.Decide(LogonScenario.Rdp, SessionKind.Remote, Who(Account), Rules(excludedGroups: Sids(Account)), null).Required);
            Assert.True(CodeDecision.Decide(LogonScenario.Rdp, SessionKind.Remote, Who(Account, Excluded), Rules(excludedAccounts: Sids(Excluded)), null).Required);
        }

        [Fact]
        public void WithEnforcedGroupsOnlyMembersNeedACode()
        {
            var rules = Rules(enforced: Sids(Enforced));
            Assert.Equal(CodeRule.NotInEnforcedGroup, CodeDecision.Decide(LogonScenario.Rdp, SessionKind.Remote, Who(Account, "S-1-5-32-545"), rules, null).Rule);
            var member = CodeDecision.Decide(LogonScenario.Rdp, SessionKind.Remote, Who(Account, Enforced), rules, null);
            Assert.True(member.Required);
            Assert.Contains(Enforced, member.Detail);
        }

        [Fact]
        public void AnEnforcedGroupThatCannotBeResolvedMakesEveryoneNeedACode()
        {
            var rules = Rules(enforced: new SidList(new[] { Enforced }, new[] { @"ADATUM\Typo" }));
            Assert.True(CodeDecision.Decide(LogonScenario.Rdp, SessionKind.Remote, Who(Account), rules, null).Required);
            Assert.True(CodeDecision.Decide(LogonScenario.Rdp, SessionKind.Remote, Who(Account), Rules(enforced: Unresolved(@"ADATUM\Typo")), null).Required);
        }

        [Fact]
        public void AnUnknownAccountNeedsACodeWheneverARuleNamesAccounts()
        {
            var verdict = CodeDecision.Decide(LogonScenario.Rdp, SessionKind.Remote, null, Rules(excludedAccounts: Sids(Account), enforced: Sids(Enforced)), null);
            Assert.True(verdict.Required);
            Assert.Contains("not known", verdict.Detail);
        }

        [Theory]
        [InlineData(LogonScenario.Logon, SessionKind.Console, false)]
        [InlineData(LogonScenario.Unlock, SessionKind.Console, false)]
        [InlineData(LogonScenario.CredUI, SessionKind.Console, false)]
        [InlineData(LogonScenario.Logon, SessionKind.Remote, true)]
        [InlineData(LogonScenario.Unlock, SessionKind.Remote, true)]
        [InlineData(LogonScenario.CredUI, SessionKind.Remote, true)]
        [InlineData(LogonScenario.Rdp, SessionKind.Console, true)]
        [InlineData(LogonScenario.Rdp, SessionKind.Remote, true)]
        // An unknown session is remote.
        [InlineData(LogonScenario.Logon, SessionKind.Unknown, true)]
        [InlineData(LogonScenario.Unlock, SessionKind.Unknown, true)]
        [InlineData(LogonScenario.Rdp, SessionKind.Unknown, true)]
        [InlineData(LogonScenario.CredUI, SessionKind.Unknown, true)]
        public void RdpOnlyGroupsNeedACodeOnlyRemotely(LogonScenario scenario, SessionKind session, bool required)
        {
            var verdict = CodeDecision.Decide(scenario, session, Who(Account, RemoteOnly), Rules(rdpOnlyGroups: Sids(RemoteOnly)), null);
            Assert.Equal(required, verdict.Required);
            if (!required) Assert.Equal(CodeRule.RdpOnlyGroup, verdict.Rule);
            // Everyone else needs the code everywhere.
            Assert.True(CodeDecision.Decide(scenario, session, Who(Account), Rules(rdpOnlyGroups: Sids(RemoteOnly)), null).Required);
        }

        [Theory]
        // scenario, session now, minutes since the sign-in, recorded session disconnected, grace
        [InlineData(LogonScenario.Unlock, 2, 5, false, true)]
        [InlineData(LogonScenario.Unlock, 2, 15, false, true)]
        [InlineData(LogonScenario.Unlock, 2, 16, false, false)]
        [InlineData(LogonScenario.Unlock, 3, 5, false, false)]     // another session
        [InlineData(LogonScenario.Rdp, 7, 5, true, true)]          // a reconnect: the signed-in session is disconnected
        [InlineData(LogonScenario.Rdp, 7, 5, false, false)]        // a new RDP session
        [InlineData(LogonScenario.Rdp, 7, 20, true, false)]
        [InlineData(LogonScenario.Logon, 2, 5, false, false)]      // a new logon never
        [InlineData(LogonScenario.CredUI, 2, 5, false, false)]     // CredUI never
        [InlineData(LogonScenario.CredUI, 2, 5, true, false)]
        public void TheUnlockGraceCoversTheSameSessionWithinItsMinutes(LogonScenario scenario, int session, int minutes, bool disconnected, bool grace)
        {
            var verdict = CodeDecision.Decide(scenario, SessionKind.Remote, Who(), Rules(grace: 15), Grace(minutes, session, disconnected));
            Assert.Equal(grace ? CodeRule.UnlockGrace : CodeRule.Required, verdict.Rule);
            if (grace) Assert.Contains("session 2", verdict.Detail);
        }

        [Fact]
        public void NoGraceAfterABootASleepAMovedClockForAnotherAccountOrWhenItIsOff()
        {
            var rules = Rules(grace: 15);
            var last = new SessionMoment(Account, 2, SignedIn, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
            GraceFacts Now(TimeSpan wall, TimeSpan sinceBoot, TimeSpan awake) =>
                new GraceFacts(last, new SessionMoment(Account, 2, SignedIn + wall, sinceBoot, awake), false);
            bool Allowed(GraceFacts facts) => !CodeDecision.Decide(LogonScenario.Unlock, SessionKind.Console, Who(), rules, facts).Required;

            var five = TimeSpan.FromMinutes(5);
            Assert.True(Allowed(Now(five, TimeSpan.FromHours(1) + five, TimeSpan.FromHours(1) + five)));
            // A boot: both counters started again.
            Assert.False(Allowed(Now(five, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3))));
            // A sleep of 4 of those 5 minutes: the awake time fell behind.
            Assert.False(Allowed(Now(five, TimeSpan.FromHours(1) + five, TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1))));
            // The wall clock moved back, or ahead of the time since boot.
            Assert.False(Allowed(Now(-five, TimeSpan.FromHours(1) + five, TimeSpan.FromHours(1) + five)));
            Assert.False(Allowed(Now(TimeSpan.FromMinutes(10), TimeSpan.FromHours(1) + five, TimeSpan.FromHours(1) + five)));
            // Someone else's sign-in, no sign-in at all, and grace off.
            Assert.False(Allowed(Grace(5, account: "S-1-5-21-1-2-3-9999")));
            Assert.False(Allowed(new GraceFacts(null, last, false)));
            Assert.True(CodeDecision.Decide(LogonScenario.Unlock, SessionKind.Console, Who(), Rules(grace: 0), Grace(1)).Required);
        }

        [Fact]
        public void GraceExcludedGroupsNeverGetTheGraceNorDoesAnyoneWhileOneIsUnresolved()
        {
            Assert.True(CodeDecision.Decide(LogonScenario.Unlock, SessionKind.Console, Who(Account, NoGrace), Rules(grace: 15, graceExcluded: Sids(NoGrace)), Grace(5)).Required);
            Assert.False(CodeDecision.Decide(LogonScenario.Unlock, SessionKind.Console, Who(Account), Rules(grace: 15, graceExcluded: Sids(NoGrace)), Grace(5)).Required);
            Assert.True(CodeDecision.Decide(LogonScenario.Unlock, SessionKind.Console, Who(Account), Rules(grace: 15, graceExcluded: Unresolved(@"ADATUM\Typo")), Grace(5)).Required);
        }

        [Fact]
        public void AnUndefinedScenarioAsksACodeWhateverTheRules()
        {
            Assert.True(CodeDecision.Decide((LogonScenario)42, SessionKind.Console, Who(BreakGlass), Rules(rdpOnly: true, excludedAccounts: Sids(BreakGlass)), null).Required);
        }

        /// <summary>
        /// Every combination: 4 scenarios × 3 sessions × win_rdponly × account known × (excluded account, excluded group,
        /// enforced set, enforced member, enforced unresolved, rdponly group, grace on, grace facts allow, grace excluded):
        /// 24,576 cases, each against the rules as documented.
        /// </summary>
        [Fact]
        public void EveryCombinationFollowsTheDocumentedRules()
        {
            var cases = 0;
            foreach (LogonScenario scenario in Enum.GetValues(typeof(LogonScenario)))
                foreach (SessionKind session in Enum.GetValues(typeof(SessionKind)))
                    for (var bits = 0; bits < 1 << 11; bits++)
                    {
                        bool Bit(int i) => (bits & (1 << i)) != 0;
                        var (rdpOnly, known, excludedAccount, excludedGroup, enforcedSet, enforcedMember, enforcedUnresolved, rdpOnlyGroup, graceOn, graceFits, graceExcluded) =
                            (Bit(0), Bit(1), Bit(2), Bit(3), Bit(4), Bit(5), Bit(6), Bit(7), Bit(8), Bit(9), Bit(10));
                        var groups = new List<string>();
                        if (excludedGroup) groups.Add(Excluded);
                        if (enforcedMember) groups.Add(Enforced);
                        if (rdpOnlyGroup) groups.Add(RemoteOnly);
                        if (graceExcluded) groups.Add(NoGrace);
                        var account = known ? Who(excludedAccount ? BreakGlass : Account, groups.ToArray()) : null;
                        var rules = Rules(rdpOnly, Sids(BreakGlass), Sids(Excluded),
                            enforcedSet ? new SidList(new[] { Enforced }, enforcedUnresolved ? new[] { "ADATUM\\Typo" } : new string[0]) : SidList.Empty,
                            Sids(RemoteOnly), graceOn ? 15 : 0, Sids(NoGrace));
                        var sid = excludedAccount ? BreakGlass : Account;
                        var facts = new GraceFacts(new SessionMoment(sid, 2, SignedIn, TimeSpan.FromHours(1), TimeSpan.FromHours(1)),
                            new SessionMoment(sid, 2, SignedIn + TimeSpan.FromMinutes(graceFits ? 5 : 30), TimeSpan.FromHours(1) + TimeSpan.FromMinutes(graceFits ? 5 : 30), TimeSpan.FromHours(1) + TimeSpan.FromMinutes(graceFits ? 5 : 30)), true);

                        var verdict = CodeDecision.Decide(scenario, session, account, rules, facts);

                        var remote = scenario == LogonScenario.Rdp || session != SessionKind.Console;
                        CodeRule expected;
                        if (rdpOnly && !remote) expected = CodeRule.RdpOnly;                                   // win_rdponly first
                        else if (!known) expected = CodeRule.Required;                                         // nobody known: a code
                        else if (excludedAccount) expected = CodeRule.ExcludedAccount;                         // exclusions beat everything after
                        else if (excludedGroup) expected = CodeRule.ExcludedGroup;
                        else if (enforcedSet && !enforcedMember && !enforcedUnresolved) expected = CodeRule.NotInEnforcedGroup;
                        else if (rdpOnlyGroup && !remote) expected = CodeRule.RdpOnlyGroup;
                        else if (graceOn && graceFits && !graceExcluded && (scenario == LogonScenario.Unlock || scenario == LogonScenario.Rdp)) expected = CodeRule.UnlockGrace;
                        else expected = CodeRule.Required;
                        Assert.True(expected == verdict.Rule, $"{scenario}/{session}/bits {Convert.ToString(bits, 2)}: expected {expected}, got {verdict}");
                        if (scenario == LogonScenario.CredUI) Assert.NotEqual(CodeRule.UnlockGrace, verdict.Rule);
                        cases++;
                    }
            Assert.Equal(4 * 3 * 2048, cases);
        }
    }
}
