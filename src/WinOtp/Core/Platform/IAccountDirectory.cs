using System;
using System.Collections.Generic;

namespace SecureMFA.WinOtp.Platform
{
    /// <summary>
    /// The accounts seam: who the person signing in is, as Windows' security system names them (SIDs, never display
    /// names), and the SID of a name an administrator wrote in the settings. On Windows
    /// (<see cref="Windows.WindowsAccountDirectory"/>): the groups of the account's logon token (an S4U logon, as LSA
    /// would build it at sign-in: nested AD groups, universal groups of other domains, and this computer's local groups)
    /// and NTAccount.Translate for names. Tests and the logon simulator pass fixed answers.
    /// </summary>
    public interface IAccountDirectory
    {
        /// <summary>The account and its token's group SIDs for a user name as typed or shown on the tile (DOMAIN\user, user@suffix, user, .\user); null when not known.</summary>
        AccountFacts? Lookup(string userName);

        /// <summary>The SID (S-1-…) of an account or group name (DOMAIN\name, name@suffix, or a local name); null when it cannot be resolved.</summary>
        string? SidOf(string name);
    }

    /// <summary>One account as the decision sees it: its SID and the SIDs of every group in its logon token.</summary>
    public sealed class AccountFacts
    {
        public AccountFacts(string accountSid, IEnumerable<string> groupSids)
        {
            AccountSid = Sids.Normalize(accountSid) ?? throw new ArgumentException($"'{accountSid}' is not a SID (S-1-…).", nameof(accountSid));
            foreach (var sid in groupSids ?? throw new ArgumentNullException(nameof(groupSids)))
                if (Sids.Normalize(sid) is string group) _groups.Add(group);
        }

        private readonly HashSet<string> _groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public string AccountSid { get; }
        public IReadOnlyCollection<string> GroupSids => _groups;

        public bool IsMemberOfAny(IEnumerable<string> groups)
        {
            foreach (var group in groups) if (_groups.Contains(group)) return true;
            return false;
        }
    }

    /// <summary>SID text as Windows writes it (S-1-5-21-…, upper-case S), or null when the text is not one.</summary>
    public static class Sids
    {
        public static string? Normalize(string? text)
        {
            var trimmed = text?.Trim() ?? "";
            if (trimmed.Length < 5 || !trimmed.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase)) return null;
            var parts = trimmed.Substring(2).Split('-');
            // S-1-<authority>-<sub>…: revision 1, an authority, at most 15 sub-authorities, each a 32-bit number.
            if (parts.Length < 2 || parts.Length > 17 || parts[0] != "1") return null;
            foreach (var part in parts)
            {
                if (part.Length == 0 || part.Length > 15) return null;
                foreach (var c in part) if (c < '0' || c > '9') return null;
            }
            for (var i = 2; i < parts.Length; i++) if (ulong.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture) > uint.MaxValue) return null;
            return $"S-{string.Join("-", parts)}";
        }

        public static bool IsSid(string? text) => Normalize(text) != null;
    }
}
