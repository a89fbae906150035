using System.Linq;
using System.Text.RegularExpressions;

namespace SecureMFA.Core.Configuration
{
    /// <summary>api_base_path: where the WEB API listens, "/api/securemfaotp" by default.</summary>
    public static class ApiBasePathFormat
    {
        public const string Default = "/api/securemfaotp";

        // Segments of RFC 3986 unreserved characters; \z, not $, so a trailing line break is refused.
        private static readonly Regex Shape = new Regex(@"\A(/[A-Za-z0-9._~\-]+)+\z", RegexOptions.CultureInvariant);

        /// <summary>Null when the path is acceptable, otherwise what is wrong.</summary>
        public static string? Problem(string path)
        {
            if (!Shape.IsMatch(path) || path.Split('/').Any(segment => segment == "." || segment == ".."))
                return $"\"{PrintableText.Of(path)}\" must start with /, have no trailing / and use only letters, digits, - . _ ~ between the slashes (for example " + Default + ")";
            return null;
        }
    }
}
