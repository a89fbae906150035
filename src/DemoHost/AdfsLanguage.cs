using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// How AD FS picks the language of a provider's page: a browser culture is accepted only if it or one of its parent
    /// cultures is in the provider's AvailableLcids; failing all, the server's culture by the same rule; failing that,
    /// AD FS has no page to show and says "no style sheet is configured … for default locale".
    /// </summary>
    public static class AdfsLanguage
    {
        /// <summary>The LCID the sign-in runs in (the accepted culture's own, e.g. en-GB's 2057), or null where AD FS fails.</summary>
        public static int? Choose(IEnumerable<string> browserCultures, CultureInfo serverCulture, IReadOnlyCollection<int> availableLcids)
        {
            foreach (var name in browserCultures)
            {
                var culture = Culture(name);
                if (culture != null && Accepts(culture, availableLcids)) return culture.LCID;
            }
            return Accepts(serverCulture, availableLcids) ? serverCulture.LCID : (int?)null;
        }

        /// <summary>The culture names of an Accept-Language header's values, in the browser's order of preference.</summary>
        public static IEnumerable<string> FromAcceptLanguage(IEnumerable<string>? values) =>
            (values ?? Enumerable.Empty<string>()).Select(v => v.Split(';')[0].Trim()).Where(v => v.Length > 0 && v != "*");

        private static bool Accepts(CultureInfo culture, IReadOnlyCollection<int> availableLcids)
        {
            for (var c = culture; !Equals(c, CultureInfo.InvariantCulture); c = c.Parent)
                if (availableLcids.Contains(c.LCID)) return true;
            return false;
        }

        private static CultureInfo? Culture(string name)
        {
            try { return CultureInfo.GetCultureInfo(name); }
            catch (CultureNotFoundException) { return null; }
        }
    }
}
