using System.Globalization;
using System.Text;

namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>A value as it may stand in an LDAP search filter (RFC 4515): \ * ( ) and NUL written as \xx, so no value can change the filter.</summary>
    internal static class LdapFilterValue
    {
        public static string Escape(string value)
        {
            var escaped = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                if (c == '\\' || c == '*' || c == '(' || c == ')' || c == '\0') escaped.Append('\\').Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                else escaped.Append(c);
            }
            return escaped.ToString();
        }
    }
}
