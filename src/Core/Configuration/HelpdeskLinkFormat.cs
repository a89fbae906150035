using System;
using System.Linq;

namespace SecureMFA.Core.Configuration
{
    /// <summary>ui_helpdesk_url: a link shown on the locked, disabled and unavailable pages.</summary>
    public static class HelpdeskLinkFormat
    {
        public static readonly string[] Schemes = { "https", "http", "mailto", "tel" };

        /// <summary>Null when the link is acceptable (or empty), otherwise what is wrong.</summary>
        public static string? Problem(string url)
        {
            if (url.Length == 0) return null;
            // A link goes into an HTML attribute: no spaces, line breaks or characters that end an attribute.
            if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`'))
                return $"\"{PrintableText.Of(url)}\" contains a space, a line break or one of \" < > \\ `; percent-encode it";
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !Schemes.Contains(uri.Scheme) ||
                !url.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase))
                return $"\"{url}\" is not an https:, http:, mailto: or tel: link";
            if ((uri.Scheme == "https" || uri.Scheme == "http") && uri.Host.Length == 0)
                return $"\"{url}\" has no host name";
            if ((uri.Scheme == "mailto" || uri.Scheme == "tel") && url.Length <= uri.Scheme.Length + 1)
                return $"\"{url}\" has no address after {uri.Scheme}:";
            return null;
        }
    }
}
