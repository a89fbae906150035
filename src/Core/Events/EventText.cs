using System.Globalization;
using System.Text;

namespace SecureMFA.Core.Events
{
    /// <summary>
    /// Makes text from users (a UPN, a user agent) safe to put in an event: line breaks of every kind
    /// (CR, LF, NEL, U+2028, U+2029), other control characters and invisible format characters (bidirectional
    /// overrides, zero-width joiners) are written as \uXXXX, so nobody can forge a second event or hide text.
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

        private static bool NeedsEscape(char c)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category == UnicodeCategory.Control || category == UnicodeCategory.Format
                || category == UnicodeCategory.LineSeparator || category == UnicodeCategory.ParagraphSeparator;
        }
    }
}
