namespace SecureMFA.Core.Stores
{
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
