using System;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Decision
{
    /// <summary>Which rule decided; every one but <see cref="Required"/> skips the code.</summary>
    public enum CodeRule { Required, RdpOnly, ExcludedAccount, ExcludedGroup, NotInEnforcedGroup, RdpOnlyGroup, UnlockGrace }

    /// <summary>The decision for one sign-in: is a code required, which rule said so, and what matched (a SID, the grace's sign-in).</summary>
    public sealed class CodeVerdict
    {
        public CodeVerdict(CodeRule rule, string detail = "") => (Rule, Detail) = (rule, detail ?? "");

        public CodeRule Rule { get; }
        public string Detail { get; }
        public bool Required => Rule == CodeRule.Required;

        /// <summary>The setting behind the rule, for the event (5558) and the simulator.</summary>
        public string Setting
        {
            get
            {
                switch (Rule)
                {
                    case CodeRule.RdpOnly: return SettingNames.RdpOnly;
                    case CodeRule.ExcludedAccount: return SettingNames.ExcludedAccounts;
                    case CodeRule.ExcludedGroup: return SettingNames.ExcludedGroups;
                    case CodeRule.NotInEnforcedGroup: return SettingNames.EnforcedGroups;
                    case CodeRule.RdpOnlyGroup: return SettingNames.RdpOnlyGroups;
                    case CodeRule.UnlockGrace: return SettingNames.UnlockGraceMinutes;
                    default: return "";
                }
            }
        }

        public override string ToString() => Required ? $"required{(Detail.Length > 0 ? $" ({Detail})" : "")}" : $"not required: {Setting}{(Detail.Length > 0 ? $" ({Detail})" : "")}";
    }

    /// <summary>
    /// "Must this person use a code here?" One pure function over the scenario, the session, who signs in (account SID
    /// and token group SIDs; null when not known), the rules and the grace facts. In this order, the first that applies:
    /// <list type="number">
    /// <item>win_rdponly (<see cref="CodeRequirement"/>): on the console with RDP only on, nobody needs a code.
    /// Everything below can only take a code away where this asks one, so the filter and the tile, which decide before
    /// anyone is known, ask this alone.</item>
    /// <item>win_excluded_accounts: the account's SID is listed (a break-glass account). Exclusions beat enforcement:
    /// an account both excluded and in an enforced group needs no code, so a break-glass account works whatever
    /// groups it is put in.</item>
    /// <item>win_excluded_groups: one of the token's groups is listed.</item>
    /// <item>win_enforced_groups, when set: an account in none of them needs no code. Not known who signs in, or a
    /// group that could not be resolved: a code (fail closed).</item>
    /// <item>win_rdponly_groups: members need a code only remotely (the Rdp scenario, or a remote or unknown session).</item>
    /// <item>win_unlock_grace_minutes: an unlock of the same session, or an RDP reconnect to it, within N minutes of its
    /// code-verified sign-in (<see cref="GraceFacts.Allows"/>); never for CredUI or a new logon, never for
    /// win_grace_excluded_groups (nor for anyone while one of those cannot be resolved).</item>
    /// </list>
    /// Otherwise a code is required. An unknown session counts as remote; an undefined scenario asks a code.
    /// </summary>
    public static class CodeDecision
    {
        public static CodeVerdict Decide(LogonScenario scenario, SessionKind session, AccountFacts? account, CodeRules rules, GraceFacts? grace)
        {
            _ = rules ?? throw new ArgumentNullException(nameof(rules));
            if (!Enum.IsDefined(typeof(LogonScenario), scenario)) return new CodeVerdict(CodeRule.Required, "unknown scenario");
            if (!CodeRequirement.IsRequired(scenario, session, rules.RdpOnly)) return new CodeVerdict(CodeRule.RdpOnly, "console");
            if (account == null)
                return new CodeVerdict(CodeRule.Required, rules.NeedAccount ? "the account's SID and groups are not known" : "");

            if (rules.ExcludedAccounts.Contains(account.AccountSid)) return new CodeVerdict(CodeRule.ExcludedAccount, account.AccountSid);
            if (rules.ExcludedGroups.GroupOf(account) is string excluded) return new CodeVerdict(CodeRule.ExcludedGroup, excluded);

            string? enforcedBy = null;
            if (rules.EnforcedGroups.IsSet)
            {
                enforcedBy = rules.EnforcedGroups.GroupOf(account);
                if (enforcedBy == null && !rules.EnforcedGroups.HasUnresolved) return new CodeVerdict(CodeRule.NotInEnforcedGroup, "member of none");
            }

            var remote = scenario == LogonScenario.Rdp || session != SessionKind.Console;
            if (!remote && rules.RdpOnlyGroups.GroupOf(account) is string rdpOnly) return new CodeVerdict(CodeRule.RdpOnlyGroup, rdpOnly);

            if (grace != null && rules.UnlockGraceMinutes > 0 && !rules.GraceExcludedGroups.HasUnresolved && rules.GraceExcludedGroups.GroupOf(account) == null
                && grace.Allows(scenario, account.AccountSid, rules.UnlockGraceMinutes, out var detail))
                return new CodeVerdict(CodeRule.UnlockGrace, detail);

            return new CodeVerdict(CodeRule.Required, enforcedBy != null ? $"{SettingNames.EnforcedGroups} {enforcedBy}" : "");
        }
    }
}
