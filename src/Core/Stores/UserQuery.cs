namespace SecureMFA.Core.Stores
{
    /// <summary>Filters, order and paging for listing users (Get-xOTP_User). Null filters match everything.</summary>
    public sealed class UserQuery
    {
        /// <summary>A UPN pattern with * and ? wildcards.</summary>
        public string? UpnPattern { get; set; }
        public bool? Enrolled { get; set; }
        public bool? Disabled { get; set; }
        public bool? Locked { get; set; }

        /// <summary>
        /// The order, applied by the store before paging. Ties go by UPN (ascending), so pages never overlap; a user who
        /// never signed in (no LastLogon) comes first in ascending order and last in descending order.
        /// </summary>
        public UserSortKey SortBy { get; set; } = UserSortKey.Upn;
        public bool Descending { get; set; }

        public int Skip { get; set; }
        public int Take { get; set; } = int.MaxValue;
    }

    /// <summary>
    /// What a user list can be sorted by. Each value maps to a fixed ORDER BY (SQL) or sort attribute (LDAP) in the store:
    /// nothing a caller types ever becomes query text.
    /// </summary>
    public enum UserSortKey
    {
        Upn,
        LastLogon,
        FailedLogonCount,
        Created,
    }
}
