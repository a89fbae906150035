using SecureMFA.Otp.Identity;

namespace SecureMFA.WinOtp.Users
{
    /// <summary>
    /// The OTP identity of what was typed on the tile, as the original product: the user name joined with
    /// anchordnsname. <c>alice</c>, <c>ADATUM\alice</c> and <c>.\alice</c> all become <c>alice@adatum.labnet</c>:
    /// one anchor per computer, and the domain part of a down-level name is for Windows (which checks the password
    /// of that account), not for the OTP database. A typed UPN (<c>alice@adatum.labnet</c>) is used as typed.
    /// This class only maps the Windows name; the result must then pass the kernel's <see cref="Upn"/> rules (the
    /// ones the WEB API applies), so the tile never sends a name the API would refuse as invalid_upn.
    /// </summary>
    public static class UpnResolver
    {
        private const string ForbiddenInUserName = "\"/\\[]:;|=,+*?<>@ ";

        /// <summary>The UPN of <paramref name="typed"/>: <see cref="TryMap"/>, then the <see cref="Upn"/> rules.</summary>
        public static bool TryResolve(string? typed, string anchorDnsName, out string upn, out string error)
        {
            upn = "";
            return TryMap(typed, anchorDnsName, out var candidate, out error) && Upn.TryNormalize(candidate, out upn, out error);
        }

        /// <summary>
        /// The name@domain a Windows name stands for, not yet checked against the UPN rules; false, with a reason for
        /// the tile, when it is not a Windows user name at all (empty, a control character, a character Windows names
        /// cannot have, no domain).
        /// </summary>
        public static bool TryMap(string? typed, string anchorDnsName, out string candidate, out string error)
        {
            candidate = "";
            error = "";
            var name = (typed ?? "").Trim();
            if (name.Length == 0) { error = "Type your user name."; return false; }
            // Cut before the mapping does any work on it; the UPN's own length rule is Upn's.
            if (name.Length > Upn.MaxLength) { error = $"The user name is longer than {Upn.MaxLength} characters."; return false; }
            // Windows user names have no control characters; refused here, such a name never reaches an event.
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
                if (!IsDnsName(domain)) { error = $"'{domain}' after @ is not a domain name."; return false; }
            }
            else
            {
                user = name;
                domain = anchorDnsName;
                if (!IsDnsName(domain)) { error = "Sign-in with a bare user name needs win_anchordnsname."; return false; }
            }

            if (user.Length == 0) { error = "The user name is empty."; return false; }
            if (user.IndexOfAny(ForbiddenInUserName.ToCharArray()) >= 0) { error = $"The user name '{user}' contains a character user names cannot have."; return false; }

            candidate = $"{user}@{domain}";
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
