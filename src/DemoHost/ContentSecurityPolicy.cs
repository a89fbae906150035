using System;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Adapter;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// What the demo's pages may load: its own theme and the adapter's style and script, each allowed by its SHA-256
    /// hash (never 'unsafe-inline'), images from the page itself, data: (the offline QR) and https: (an online QR
    /// endpoint), and forms posted back to this host only.
    /// </summary>
    public static class ContentSecurityPolicy
    {
        public static readonly string Header =
            "default-src 'none'; " +
            "script-src " + Hash(PageAssets.Script) + "; " +
            "style-src " + Hash(AdfsPage.Theme) + " " + Hash(PageAssets.StyleSheet) + "; " +
            "img-src 'self' data: https:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

        /// <summary>The policy for a page whose form post is redirected to an application (the end of an OpenID Connect sign-in): form-action follows redirects.</summary>
        public static string AllowingFormsTo(string? origin) => origin == null ? Header : Header.Replace("form-action 'self'", "form-action 'self' " + origin);

        /// <summary>The CSP source expression for an inline script or style with exactly this text.</summary>
        public static string Hash(string inline)
        {
            using var sha = SHA256.Create();
            return "'sha256-" + Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(inline))) + "'";
        }
    }
}
