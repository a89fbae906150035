using System;
using SecureMFA.WinOtp.Decision;

namespace SecureMFA.WinOtp.CredentialProvider.Tile
{
    /// <summary>
    /// What "Change password" does. The original product started Microsoft Edge in kiosk mode from LogonUI. LogonUI
    /// runs as SYSTEM on the secure desktop, and at the logon and unlock screens no user is signed in to that
    /// desktop: a browser started from there would be a full program running as SYSTEM, whose file dialogs, print
    /// dialogs and downloads open the whole computer to anyone at the logon screen. A browser under the typed user
    /// name (an S4U logon) is no better: anyone could type an administrator's name. So:
    /// <list type="bullet">
    /// <item>CredUI (a prompt inside a signed-in session): Edge kiosk starts with the token of the user who owns the
    /// session, on that user's desktop: "msedge.exe --kiosk &lt;url&gt; --edge-kiosk-type=public-browsing", as the original;</item>
    /// <item>logon and unlock: no program starts; the tile shows the portal's address to open on a phone or another computer.</item>
    /// </list>
    /// </summary>
    public static class ChangePasswordLink
    {
        public static bool MayStartBrowser(LogonScenario scenario) => scenario == LogonScenario.CredUI;

        /// <summary>The Edge kiosk command line; the URL must be an absolute http(s) URL (it is quoted, and an escaped URL holds no quote).</summary>
        public static string KioskArguments(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new ArgumentException("The password portal address is not an http(s) URL.", nameof(url));
            return $"--kiosk \"{uri.AbsoluteUri}\" --edge-kiosk-type=public-browsing";
        }

        public static string CommandLine(string edgePath, string url) => $"\"{edgePath}\" {KioskArguments(url)}";
    }
}
