using System;
using System.Linq;
using System.Net;
using System.Text;
using SecureMFA.Core.Configuration;

namespace SecureMFA.Adapter
{
    /// <summary>
    /// The help-desk line on pages that end in "ask for help": ui_helpdesk_text (or a default) and ui_helpdesk_url,
    /// HTML-encoded. The configuration already refuses unsafe links; the page checks again rather than trust that,
    /// so a link that is not https:, http:, mailto: or tel: never becomes an href.
    /// </summary>
    public static class HelpdeskContact
    {
        private static readonly string[] LinkSchemes = { "https:", "http:", "mailto:", "tel:" };

        public static string Html(ProviderConfiguration? config, PageText text)
        {
            var words = config != null && config.HelpdeskText.Trim().Length > 0 ? config.HelpdeskText.Trim() : text.HelpdeskDefault;
            var html = new StringBuilder("<p id=\"helpdesk\">").Append(WebUtility.HtmlEncode(words));
            var url = config?.HelpdeskUrl ?? "";
            if (IsSafeLink(url))
                html.Append(" <a id=\"helpdeskLink\" href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">")
                    .Append(WebUtility.HtmlEncode(LinkText(url, text))).Append("</a>");
            return html.Append("</p>").ToString();
        }

        public static bool IsSafeLink(string url) =>
            url.Length > 0 && LinkSchemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)) && HelpdeskLinkFormat.Problem(url) == null;

        /// <summary>An address or number says more than "Help desk", and can be copied; a web page gets the word.</summary>
        private static string LinkText(string url, PageText text)
        {
            foreach (var scheme in new[] { "mailto:", "tel:" })
            {
                if (!url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) continue;
                var address = url.Substring(scheme.Length);
                var query = address.IndexOf('?');
                return Uri.UnescapeDataString(query < 0 ? address : address.Substring(0, query));
            }
            return text.HelpdeskLink;
        }
    }
}
