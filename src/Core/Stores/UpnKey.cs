using System;
using System.Globalization;
using System.Text;

namespace SecureMFA.Core.Stores
{
    /// <summary>
    /// The UPN as the stores key it: trimmed and case-folded with the invariant culture, so lookups are
    /// case-insensitive everywhere and every server folds alike. A UPN has one spelling only: compatibility
    /// characters (the Kelvin sign K, full-width letters, ligatures) and decomposed accents are refused rather
    /// than folded, so two spellings can never name one user twice.
    /// </summary>
    public static class UpnKey
    {
        public const int MaxLength = 256;

        /// <exception cref="ArgumentException">The UPN is empty, too long, not name@domain, or not in its one canonical spelling; the message says which.</exception>
        public static string Normalize(string upn)
        {
            if (upn == null) throw new ArgumentNullException(nameof(upn));
            var trimmed = upn.Trim();
            if (trimmed.Length == 0) throw new ArgumentException("The UPN is empty.", nameof(upn));
            if (trimmed.Length > MaxLength) throw new ArgumentException($"The UPN is longer than {MaxLength} characters.", nameof(upn));
            foreach (var c in trimmed)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                    throw new ArgumentException($"The UPN contains a space or an invisible character (U+{(int)c:X4}).", nameof(upn));
            }
            var at = trimmed.IndexOf('@');
            if (at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1)
                throw new ArgumentException("A UPN has the form name@domain, with one @.", nameof(upn));
            if (!trimmed.IsNormalized(NormalizationForm.FormKC))
                throw new ArgumentException($"The UPN contains {FirstCompatibilityCharacter(trimmed)}, which has a plainer spelling: type it with ordinary letters.", nameof(upn));
            return trimmed.ToLowerInvariant();
        }

        private static string FirstCompatibilityCharacter(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var single = text.Substring(i, char.IsSurrogatePair(text, i) ? 2 : 1);
                if (!single.IsNormalized(NormalizationForm.FormKC) || i + 1 < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[i + 1]) == UnicodeCategory.NonSpacingMark)
                    return $"'{single}' (U+{char.ConvertToUtf32(text, i):X4})";
            }
            return "a character";
        }
    }
}
