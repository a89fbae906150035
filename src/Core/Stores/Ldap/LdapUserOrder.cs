using System;
using System.Collections.Generic;
using System.Linq;
using A = SecureMFA.Core.Stores.Ldap.LdapAttributes;

namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>
    /// A query's order as the directory can give it. The server sorts (the server-side sort control, RFC 2891), so the first
    /// page of a large directory is read without reading every user. Samba and AD accept a single sort key only: ties are put
    /// in UPN order here, as SQL's "ORDER BY x, upn" does. A server sorts a missing attribute last whichever the direction,
    /// where SQL puts NULL first ascending and last descending: users without the attribute (never signed in) are therefore
    /// read as a part of their own, in SQL's place, so both kinds of store list users in one order.
    /// </summary>
    internal sealed class LdapUserOrder
    {
        private readonly Func<OtpUser, long>? _value;

        private LdapUserOrder(string clause, string attribute, bool reverse, Func<OtpUser, long>? value)
        {
            Clause = clause;
            Attribute = attribute;
            Reverse = reverse;
            _value = value;
        }

        /// <summary>The filter term that selects this part's users; empty when one part holds every user.</summary>
        public string Clause { get; }

        /// <summary>The attribute the server sorts by.</summary>
        public string Attribute { get; }

        public bool Reverse { get; }

        /// <summary>The parts to read, in order, for this query.</summary>
        public static IReadOnlyList<LdapUserOrder> For(UserQuery query)
        {
            switch (query.SortBy)
            {
                case UserSortKey.LastLogon: return WithMissingPart(A.LastLogon, u => u.LastLogon?.Ticks ?? 0, query.Descending);
                case UserSortKey.FailedLogonCount: return WithMissingPart(A.FailedLogonCount, u => u.FailedLogonCount, query.Descending);
                case UserSortKey.Created: return WithMissingPart(A.Created, u => u.Created.Ticks, query.Descending);
                default: return new[] { new LdapUserOrder("", A.UserPrincipalName, query.Descending, null) };
            }
        }

        /// <summary>Whether the server puts the two users side by side as equals (the end of a run of ties).</summary>
        public bool SameKey(OtpUser a, OtpUser b) => _value == null ? a.Upn == b.Upn : _value(a) == _value(b);

        /// <summary>The users in this part's order, ties by UPN: the final order whether or not the server sorted.</summary>
        public List<OtpUser> Sort(IEnumerable<OtpUser> users)
        {
            if (_value == null)
                return (Reverse ? users.OrderByDescending(u => u.Upn, StringComparer.Ordinal) : users.OrderBy(u => u.Upn, StringComparer.Ordinal)).ToList();
            return (Reverse ? users.OrderByDescending(_value) : users.OrderBy(_value)).ThenBy(u => u.Upn, StringComparer.Ordinal).ToList();
        }

        private static IReadOnlyList<LdapUserOrder> WithMissingPart(string attribute, Func<OtpUser, long> value, bool descending)
        {
            var present = new LdapUserOrder($"({attribute}=*)", attribute, descending, value);
            var missing = new LdapUserOrder($"(!({attribute}=*))", A.UserPrincipalName, false, null);
            return descending ? new[] { present, missing } : new[] { missing, present };
        }
    }
}
