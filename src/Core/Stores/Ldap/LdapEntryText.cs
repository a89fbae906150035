using System.DirectoryServices.Protocols;
using System.Text;

namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>An attribute's first value as text: the protocol library hands a value over as a string or, when it did not decode it, as UTF-8 bytes.</summary>
    internal static class LdapEntryText
    {
        /// <summary>Null when the entry has no value of the attribute.</summary>
        public static string? First(SearchResultEntry entry, string attribute)
        {
            if (!entry.Attributes.Contains(attribute) || entry.Attributes[attribute].Count == 0) return null;
            var value = entry.Attributes[attribute][0];
            return value as string ?? Encoding.UTF8.GetString((byte[])value);
        }
    }
}
