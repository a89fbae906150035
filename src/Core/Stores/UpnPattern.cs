using System.Text;

namespace SecureMFA.Core.Stores
{
    /// <summary>Turns a PowerShell-style UPN wildcard (* and ?) into a SQL LIKE pattern with '\' as escape.</summary>
    public static class UpnPattern
    {
        public static string? ToSqlLike(string? pattern)
        {
            if (string.IsNullOrEmpty(pattern) || pattern == "*") return null;
            var like = new StringBuilder();
            foreach (var c in pattern!.Trim().ToLowerInvariant())
            {
                switch (c)
                {
                    case '*': like.Append('%'); break;
                    case '?': like.Append('_'); break;
                    case '%': case '_': case '[': case ']': case '\\': like.Append('\\').Append(c); break;
                    default: like.Append(c); break;
                }
            }
            return like.ToString();
        }
    }
}
