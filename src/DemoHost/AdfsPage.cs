using System.Net;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// The AD FS 2019 centred, paginated sign-in page around the adapter's form: a full-page illustration (#branding,
    /// where AD FS puts the theme's illustration), one white card (#content) centred in #contentWrapper with the logo
    /// (#header), the signed-in identity, the page itself (#workArea), and the footer along the bottom. On a phone
    /// the card is the whole page.
    /// </summary>
    public static class AdfsPage
    {
        /// <summary>The demo's theme, allowed by hash in the Content-Security-Policy: change it and the hash follows.</summary>
        public const string Theme =
            "*,*::before,*::after{box-sizing:border-box}" +
            "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}" +
            "body{margin:0;font-family:\"Segoe UI\",\"Segoe UI Web (West European)\",-apple-system,BlinkMacSystemFont,Roboto,\"Helvetica Neue\",\"DejaVu Sans\",Arial,sans-serif;font-size:15px;line-height:1.5;color:#1b1b1b;background:#1c4f8a}" +
            "body{position:relative}" +
            // The illustration slot behind the card; flat shapes, as AD FS's default illustration, over the whole page.
            "#branding{position:absolute;top:0;right:0;bottom:0;left:0;z-index:-1;background-color:#1c4f8a;" +
            "background-image:linear-gradient(115deg,rgba(255,255,255,.07) 0 38%,transparent 38%),linear-gradient(65deg,transparent 0 68%,rgba(0,0,0,.14) 68%)}" +
            "#fullPage{min-height:100vh;display:flex;flex-direction:column}" +
            "#contentWrapper{flex:1 0 auto;display:flex;align-items:center;justify-content:center;padding:32px 16px}" +
            "#content{width:100%;max-width:440px;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.25)}" +
            "#header{font-size:20px;font-weight:600;line-height:1.4;margin-bottom:16px}" +
            "#identityBanner{margin-bottom:12px;overflow-wrap:anywhere}" +
            "#workArea{overflow-wrap:anywhere}" +
            "h1{font-size:24px;font-weight:600;line-height:1.3;margin:0 0 16px}" +
            "p{margin:0 0 12px}" +
            ".fieldMargin{margin-bottom:12px}.submitMargin{margin:20px 0 12px}.smallText{font-size:13px}.error{color:#c50f1f}" +
            "label{display:block;margin-bottom:4px}" +
            "input.text{display:block;width:100%;font:inherit;font-size:16px;line-height:1.5;padding:6px 10px;border:1px solid #666;border-radius:0;background:#fff;color:#1b1b1b}" +
            "input.text:focus{border-color:#0067b8;outline:2px solid #0067b8;outline-offset:0}" +
            ".submit{display:block;width:100%;min-height:36px;font:inherit;line-height:1.5;padding:4px 12px;background:#0067b8;color:#fff;border:1px solid #0067b8;border-radius:0;cursor:pointer;white-space:normal}" +
            ".submit:hover{background:#005a9e}" +
            "a{color:#0067b8}:focus-visible{outline:2px solid #1b1b1b;outline-offset:2px}" +
            "#footer{padding:8px 16px;background:#262626;color:#fff;font-size:12px;line-height:1.5;text-align:center}" +
            "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;font-size:13px;line-height:1.5;overflow-wrap:anywhere;vertical-align:top}" +
            "@media (max-width:600px){body{background:#fff}#branding{display:none}#contentWrapper{display:block;padding:0}" +
            "#content{max-width:none;padding:24px 20px;box-shadow:none}}";

        /// <summary>
        /// <paramref name="workAreaHtml"/> and <paramref name="preRenderHtml"/> are trusted markup (the adapter's, or the
        /// host's own, already encoded); <paramref name="lang"/> is a culture name, <paramref name="identity"/> the UPN.
        /// The host's own words are English and say so (lang="en") whatever the page's language.
        /// </summary>
        public static string Render(string lang, string title, string workAreaHtml, string preRenderHtml = "", string? identity = null) =>
            "<!DOCTYPE html><html lang=\"" + WebUtility.HtmlEncode(lang) + "\"><head><meta charset=\"utf-8\"/>" +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>" +
            "<title>" + WebUtility.HtmlEncode(title) + "</title><style>" + Theme + "</style>" + preRenderHtml + "</head><body>" +
            "<div id=\"branding\"></div>" +
            "<div id=\"fullPage\"><div id=\"contentWrapper\"><main id=\"content\">" +
            "<div id=\"header\" lang=\"en\">SecureMFA OTP demo</div>" +
            (identity == null ? "" : "<div id=\"identityBanner\">" + WebUtility.HtmlEncode(identity) + "</div>") +
            "<div id=\"workArea\">" + workAreaHtml + "</div></main></div>" +
            "<footer id=\"footer\" lang=\"en\">Local demo of the AD FS sign-in. Primary authentication is simulated: no password is checked.</footer>" +
            "</div></body></html>";
    }
}
