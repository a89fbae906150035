using System;
using System.Collections.Generic;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Decision
{
    /// <summary>
    /// Who must use a code, as SIDs: the settings' names and SIDs (win_excluded_accounts, win_excluded_groups,
    /// win_enforced_groups, win_rdponly_groups, win_grace_excluded_groups) resolved once per logon screen through
    /// <see cref="IAccountDirectory.SidOf"/>. An entry that is a SID is taken as it is; a name is looked up, and one that
    /// cannot be resolved is a warning naming it and the setting. It then fails closed: it excludes nobody, exempts
    /// nobody from enforcement (an unresolved enforced group makes every account need a code) and, in
    /// win_grace_excluded_groups, turns the grace off for everyone, since nobody can tell who is in it.
    /// </summary>
    public sealed class CodeRules
    {
        public CodeRules(bool rdpOnly, SidList excludedAccounts, SidList excludedGroups, SidList enforcedGroups, SidList rdpOnlyGroups, int unlockGraceMinutes, SidList graceExcludedGroups) =>
            (RdpOnly, ExcludedAccounts, ExcludedGroups, EnforcedGroups, RdpOnlyGroups, UnlockGraceMinutes, GraceExcludedGroups) =
            (rdpOnly, excludedAccounts, excludedGroups, enforcedGroups, rdpOnlyGroups, unlockGraceMinutes, graceExcludedGroups);

        /// <summary>The rules of win_rdponly alone: what every computer had before per-account rules existed.</summary>
        public static CodeRules Everyone(bool rdpOnly) => new CodeRules(rdpOnly, SidList.Empty, SidList.Empty, SidList.Empty, SidList.Empty, 0, SidList.Empty);

        public bool RdpOnly { get; }
        public SidList ExcludedAccounts { get; }
        public SidList ExcludedGroups { get; }
        /// <summary>When set, only members need a code (exclusions still win).</summary>
        public SidList EnforcedGroups { get; }
        /// <summary>Members need a code only for remote sessions, as win_rdponly = 1 does for everyone.</summary>
        public SidList RdpOnlyGroups { get; }
        /// <summary>0 = no grace.</summary>
        public int UnlockGraceMinutes { get; }
        public SidList GraceExcludedGroups { get; }

        /// <summary>True when some rule needs to know who signs in (then the account is looked up before deciding).</summary>
        public bool NeedAccount => ExcludedAccounts.IsSet || ExcludedGroups.IsSet || EnforcedGroups.IsSet || RdpOnlyGroups.IsSet || UnlockGraceMinutes > 0;

        public static CodeRules Resolve(WinOtpSettings settings, IAccountDirectory directory, ICollection<string> warnings)
        {
            _ = settings ?? throw new ArgumentNullException(nameof(settings));
            SidList List(string setting, IReadOnlyList<string> entries) => SidList.Resolve(setting, entries, directory, warnings);
            return new CodeRules(settings.RdpOnly,
                List(SettingNames.ExcludedAccounts, settings.ExcludedAccounts),
                List(SettingNames.ExcludedGroups, settings.ExcludedGroups),
                List(SettingNames.EnforcedGroups, settings.EnforcedGroups),
                List(SettingNames.RdpOnlyGroups, settings.RdpOnlyGroups),
                settings.UnlockGraceMinutes,
                List(SettingNames.GraceExcludedGroups, settings.GraceExcludedGroups));
        }
    }

    /// <summary>One setting's entries as SIDs, and the names that could not be resolved (they match nobody).</summary>
    public sealed class SidList
    {
        public static readonly SidList Empty = new SidList(new string[0], new string[0]);

        public SidList(IEnumerable<string> sids, IEnumerable<string> unresolved)
        {
            foreach (var sid in sids) if (Platform.Sids.Normalize(sid) is string normal && !_sids.Contains(normal)) { _sids.Add(normal); _order.Add(normal); }
            Unresolved = new List<string>(unresolved);
        }

        private readonly HashSet<string> _sids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _order = new List<string>();

        public IReadOnlyList<string> Sids => _order;
        public IReadOnlyList<string> Unresolved { get; }
        /// <summary>The setting has entries, resolved or not.</summary>
        public bool IsSet => _order.Count > 0 || Unresolved.Count > 0;
        public bool HasUnresolved => Unresolved.Count > 0;

        public bool Contains(string sid) => _sids.Contains(sid);

        /// <summary>The first group on this list that is in the account's token; null when none.</summary>
        public string? GroupOf(AccountFacts account)
        {
            foreach (var sid in _order) if (account.IsMemberOfAny(new[] { sid })) return sid;
            return null;
        }

        public static SidList Resolve(string setting, IReadOnlyList<string> entries, IAccountDirectory directory, ICollection<string> warnings)
        {
            if (entries.Count == 0) return Empty;
            var sids = new List<string>();
            var unresolved = new List<string>();
            foreach (var entry in entries)
            {
                if (Platform.Sids.Normalize(entry) is string sid) { sids.Add(sid); continue; }
                string? found = null;
                try { found = Platform.Sids.Normalize(directory.SidOf(entry)); }
                catch (Exception e) { warnings.Add($"{setting}: '{entry}' could not be resolved to a SID ({e.GetType().Name}: {e.Message})."); unresolved.Add(entry); continue; }
                if (found != null) sids.Add(found);
                else
                {
                    warnings.Add($"{setting}: '{entry}' could not be resolved to a SID on this computer; it matches nobody (write its SID, S-1-…, to be independent of name lookups).");
                    unresolved.Add(entry);
                }
            }
            return new SidList(sids, unresolved);
        }
    }
}
