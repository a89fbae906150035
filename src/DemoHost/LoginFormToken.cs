using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// CSRF protection for the login (primary) form: each browser gets a random cookie, and the form carries an
    /// HMAC of it under a key only this server process has. Another site can make a browser post the form, but
    /// cannot read the token it would need; nothing is stored per browser.
    /// </summary>
    public sealed class LoginFormToken
    {
        public const string CookieName = "smfa_login";
        public const string Field = "csrf";
        private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

        /// <summary>The token for this browser's form; gives the browser its cookie first if it has none.</summary>
        public string Issue(HttpListenerRequest request, HttpListenerResponse response)
        {
            var cookie = StrictCookie.Read(request, CookieName);
            if (!RandomToken.IsWellFormed(cookie))
            {
                cookie = RandomToken.New();
                StrictCookie.Set(response, CookieName, cookie);
            }
            return Mac(cookie!);
        }

        public bool IsValid(HttpListenerRequest request, string? formToken)
        {
            var cookie = StrictCookie.Read(request, CookieName);
            if (!RandomToken.IsWellFormed(cookie) || formToken == null) return false;
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(cookie!)), Encoding.ASCII.GetBytes(formToken));
        }

        private string Mac(string cookie)
        {
            using var hmac = new HMACSHA256(_key);
            return System.Convert.ToBase64String(hmac.ComputeHash(Encoding.ASCII.GetBytes(cookie))).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        }
    }
}
