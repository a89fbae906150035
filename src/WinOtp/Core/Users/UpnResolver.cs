using System;

namespace SecureMFA.WinOtp.Users
{
    /// <summary>
    /// The OTP identity of what was typed on the tile, as the original product: the user name joined with
    /// anchordnsname. <c>alice</c>, <c>ADATUM\alice</c> and <c>.\alice</c> all become <c>alice@adatum.labnet</c>:
    /// one anchor per computer, and the domain part of a down-level name is for Windows (which checks the password
    /// of that account), not for the OTP database. A typed UPN (<c>alice@adatum.labnet</c>) is used as typed.
    /// Lower case, since that is how the API stores UPNs and how the vault names its files.
    /// </summary>
    public static class UpnResolver
    {
        public const int MaxLength = 256;
        private const string ForbiddenInUserName = "\"/\\[]:;|=,+*?<>@ ";

        public static bool TryResolve(string? typed, string anchorDnsName, out string upn, out string error)
        {
            upn = "";
            error = "";
            var name = (typed ?? "").Trim();
            if (name.Length == 0) { error = "Type your user name."; return false; }
            if (name.Length > MaxLength) { error = "The user name is longer than " + MaxLength + " characters."; return false; }
            foreach (var c in name)
                if (char.IsControl(c)) { error = "The user name contains a control character."; return false; }

            var backslash = name.IndexOf('\\');
            if (backslash >= 0) name = name.Substring(backslash + 1);

            var at = name.IndexOf('@');
            string user, domain;
            if (at >= 0 && backslash < 0)
            {
                user = name.Substring(0, at);
                domain = name.Substring(at + 1);
                if (!IsDnsName(domain)) { error = "'" + domain + "' after @ is not a domain name."; return false; }
            }
            else
            {
                user = name;
                domain = anchorDnsName;
                if (!IsDnsName(domain)) { error = "Sign-in with a bare user name needs win_anchordnsname."; return false; }
            }

            if (user.Length == 0) { error = "The user name is empty."; return false; }
            if (user.IndexOfAny(ForbiddenInUserName.ToCharArray()) >= 0) { error = "The user name '" + user + "' contains a character user names cannot have."; return false; }

            upn = (user + "@" + domain).ToLowerInvariant();
            if (upn.Length > MaxLength) { upn = ""; error = "The user name is longer than " + MaxLength + " characters."; return false; }
            return true;
        }

        /// <summary>Letters, digits and hyphens in dot-separated labels of 1-63 characters, at most 253 in all.</summary>
        public static bool IsDnsName(string? name)
        {
            if (string.IsNullOrEmpty(name) || name!.Length > 253) return false;
            foreach (var label in name.Split('.'))
            {
                if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-') return false;
                foreach (var c in label)
                    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
            }
            return true;
        }
    }
}
