using System;
using System.Globalization;
using System.Text;

namespace SecureMFA.Otp.Identity
{
    /// <summary>
    /// The UPN rules both halves share: the stores key by it, the WEB API refuses what it refuses (invalid_upn) and
    /// the Windows logon tile refuses the same names before sending them. A UPN is name@suffix, at most 256
    /// characters, with no space, control or invisible character, case-folded with the invariant culture so lookups
    /// are case-insensitive everywhere and every server folds alike. A UPN has one spelling only: compatibility
    /// characters (the Kelvin sign K, full-width letters, ligatures) and decomposed accents are refused rather than
    /// folded, so two spellings can never name one user twice (nor dodge a per-user limit or a lockout).
    /// </summary>
    public static class Upn
    {
        public const int MaxLength = 256;

        /// <summary>The key of <paramref name="upn"/>, surrounding white space trimmed (what the stores and tools accept).</summary>
        /// <exception cref="ArgumentException">The UPN is empty, too long, not name@domain, or not in its one canonical spelling; the message says which.</exception>
        public static string Normalize(string upn)
        {
            if (upn == null) throw new ArgumentNullException(nameof(upn));
            if (!TryNormalize(upn.Trim(), out var key, out var problem)) throw new ArgumentException(problem, nameof(upn));
            return key;
        }

        /// <summary>
        /// The key of <paramref name="upn"/> exactly as given (as the WEB API takes it: surrounding spaces are refused,
        /// not trimmed), or false with why it is refused in <paramref name="problem"/>. The problem quotes at most one
        /// offending character, by code point, never the whole text.
        /// </summary>
        public static bool TryNormalize(string? upn, out string key, out string problem)
        {
            key = "";
            problem = Problem(upn ?? "") ?? "";
            if (problem.Length > 0) return false;
            key = upn!.ToLowerInvariant();
            return true;
        }

        private static string? Problem(string upn)
        {
            if (upn.Length == 0) return "The UPN is empty.";
            if (upn.Length > MaxLength) return $"The UPN is longer than {MaxLength} characters.";
            if (char.IsWhiteSpace(upn[0]) || char.IsWhiteSpace(upn[upn.Length - 1])) return "The UPN starts or ends with a space.";
            foreach (var c in upn)
            {
                if (char.IsControl(c)) return $"The UPN contains a control character (U+{(int)c:X4}).";
                if (char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                    return $"The UPN contains a space or an invisible character (U+{(int)c:X4}).";
            }
            var at = upn.IndexOf('@');
            if (at <= 0 || at != upn.LastIndexOf('@') || at == upn.Length - 1) return "A UPN has the form name@domain, with one @.";
            if (!upn.IsNormalized(NormalizationForm.FormKC))
                return $"The UPN contains {FirstCompatibilityCharacter(upn)}, which has a plainer spelling: type it with ordinary letters.";
            return null;
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
