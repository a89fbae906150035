using System.Globalization;
using System.Text;
using SecureMFA.Core.Stores;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>
    /// The UPNs the API accepts (invalid_upn otherwise): name@suffix in Unicode NFC, at most 256 characters, without
    /// spaces, control or invisible characters. One user then has one spelling up to letter case, which the stores
    /// ignore, so the per-UPN limit and the lockout cannot be dodged by writing the same name another way.
    /// </summary>
    public static class UpnSpelling
    {
        /// <summary>Why the UPN is refused, or null when it is acceptable.</summary>
        public static string? Problem(string upn)
        {
            if (upn.Length == 0) return "the UPN is empty";
            if (upn.Length > UpnKey.MaxLength) return $"the UPN is longer than {UpnKey.MaxLength} characters";
            foreach (var c in upn)
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (char.IsWhiteSpace(c) || category == UnicodeCategory.Control || category == UnicodeCategory.Format
                    || category == UnicodeCategory.LineSeparator || category == UnicodeCategory.ParagraphSeparator)
                    return "the UPN contains spaces, control or invisible characters";
            }
            if (!upn.IsNormalized(NormalizationForm.FormC)) return "the UPN is not in Unicode normalization form C";
            var at = upn.IndexOf('@');
            if (at <= 0 || at != upn.LastIndexOf('@') || at == upn.Length - 1) return "the UPN is not of the form name@suffix";
            return null;
        }
    }
}
