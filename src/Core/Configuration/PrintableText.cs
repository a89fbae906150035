using System.Globalization;
using System.Text;

namespace SecureMFA.Core.Configuration
{
    /// <summary>Non-secret values quoted in messages, with control characters made visible so a message stays one line.</summary>
    internal static class PrintableText
    {
        public static string Of(string text)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c == '\n') sb.Append("\\n");
                else if (c == '\r') sb.Append("\\r");
                else if (c == '\t') sb.Append("\\t");
                else if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
