using System.Net;

namespace SecureMFA.DemoHost
{
    /// <summary>An AD FS-like sign-in page with a default theme: the adapter's form goes in #content.</summary>
    public static class AdfsPage
    {
        private const string Theme = @"
body{margin:0;font-family:""Segoe UI"",""Helvetica Neue"",Arial,sans-serif;font-size:15px;color:#000;background:#0f4c81}
#fullPage{display:flex;min-height:100vh}#brandingWrapper{flex:1;background:linear-gradient(135deg,#0f4c81,#2a7ab8)}
#contentWrapper{width:500px;background:#fff;padding:60px 40px;box-sizing:border-box}
#header{font-size:24px;margin-bottom:30px}#workArea .bigText{font-size:17px}.fieldMargin{margin-bottom:16px}
.smallText{font-size:13px}.error{color:#c00}.text.fullWidth{width:100%;box-sizing:border-box;height:36px;font-size:16px;padding:4px 8px;border:1px solid #aaa}
.submitMargin{margin-top:24px}.submit{background:#0067b8;color:#fff;border:none;padding:8px 24px;font-size:15px;cursor:pointer}
code{font-size:15px;letter-spacing:1px;background:#f3f3f3;padding:2px 4px}#footer{margin-top:40px;color:#666;font-size:12px}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;font-size:13px;word-break:break-all}";

        /// <summary><paramref name="contentHtml"/> is trusted markup (the adapter's form or the host's own, already encoded).</summary>
        public static string Render(string title, string contentHtml, string preRenderHtml = "") =>
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>" +
            "<title>" + WebUtility.HtmlEncode(title) + "</title><style>" + Theme + "</style>" + preRenderHtml + "</head><body>" +
            "<div id=\"fullPage\"><div id=\"brandingWrapper\"></div><div id=\"contentWrapper\"><div id=\"content\">" +
            "<div id=\"header\">SecureMFA OTP demo</div><div id=\"workArea\">" + contentHtml + "</div>" +
            "<div id=\"footer\">Local demo of the AD FS sign-in. Primary authentication is simulated: no password is checked.</div>" +
            "</div></div></div></body></html>";
    }
}
