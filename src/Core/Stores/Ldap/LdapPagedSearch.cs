using System.Collections.Generic;
using System.DirectoryServices.Protocols;
using System.Linq;

namespace SecureMFA.Core.Stores.Ldap
{
    /// <summary>Every entry a search finds, read page by page (RFC 2696): AD answers an unpaged search with at most 1000 entries.</summary>
    internal static class LdapPagedSearch
    {
        public const int PageSize = 500;

        public static List<SearchResultEntry> All(LdapConnection connection, SearchRequest request)
        {
            var paging = new PageResultRequestControl(PageSize);
            request.Controls.Add(paging);
            var entries = new List<SearchResultEntry>();
            while (true)
            {
                var response = (SearchResponse)connection.SendRequest(request);
                entries.AddRange(response.Entries.Cast<SearchResultEntry>());
                var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
                if (cookie == null || cookie.Length == 0) return entries;
                paging.Cookie = cookie;
            }
        }
    }
}
