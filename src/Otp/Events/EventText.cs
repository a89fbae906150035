using System.Globalization;
using System.Text;

namespace SecureMFA.Otp.Events
{
    /// <summary>
    /// The one rule for text from users (a UPN typed on the logon tile or the AD FS page, a user agent) in an event,
    /// for every event writer: AD FS, the WEB API and WIN OTP. Line breaks of every kind (CR, LF, NEL, U+2028,
    /// U+2029), other control characters, invisible format characters (bidirectional overrides and isolates,
    /// zero-width characters) and unpaired surrogates are written as \uXXXX, so nobody can forge a second event or
    /// hide text.
    /// </summary>
    public static class EventText
    {
        public static string Escape(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? "";
            StringBuilder? escaped = null;
            for (var i = 0; i < text!.Length; i++)
            {
                var c = text[i];
                if (char.IsSurrogatePair(text, i))
                {
                    escaped?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }
                if (!NeedsEscape(c))
                {
                    escaped?.Append(c);
                    continue;
                }
                escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
                escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            return escaped?.ToString() ?? text;
        }

        /// <summary>Escaped, then at most maxLength characters, never cutting an escape or a surrogate pair in two.</summary>
        public static string Escape(string? text, int maxLength)
        {
            var escaped = Escape(text);
            if (escaped.Length <= maxLength) return escaped;
            if (maxLength <= 0) return "";
            var cut = maxLength;
            if (char.IsHighSurrogate(escaped[cut - 1])) cut--;
            // An escape is six characters (\uXXXX): one that starts in the last five before the cut is dropped whole.
            for (var start = cut - 1; start >= 0 && start > cut - 6; start--)
            {
                if (escaped[start] != '\\' || escaped[start + 1] != 'u') continue;
                cut = start;
                break;
            }
            return escaped.Substring(0, cut);
        }

        private static bool NeedsEscape(char c)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category == UnicodeCategory.Control || category == UnicodeCategory.Format || category == UnicodeCategory.Surrogate
                || category == UnicodeCategory.LineSeparator || category == UnicodeCategory.ParagraphSeparator;
        }
    }
}
