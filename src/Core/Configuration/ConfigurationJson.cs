using System;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.Otp.Json;
using K = SecureMFA.Core.Configuration.ConfigurationKeys;

namespace SecureMFA.Core.Configuration
{
    /// <summary>
    /// What is configuration-specific about reading SecureMfaOtpProvider.json over the kernel's strict reader
    /// (<see cref="JsonReader"/>): only our own keys are named in messages (anything else may be misread secret text),
    /// typographic quotes pasted from Word, Teams or the original product's web pages are found by offset and named as
    /// the cause, and an unknown key that is a near miss of one of ours is named with the key meant.
    /// </summary>
    internal static class ConfigurationJson
    {
        /// <summary>What a file saved in a legacy code page shows for its typographic quotes when it is read as UTF-8.</summary>
        public const char NotUtf8 = '\uFFFD';

        /// <summary>The file's object, or null with one issue saying where and why it is not JSON.</summary>
        public static JsonObject? Parse(string text, List<ConfigurationIssue> issues)
        {
            try { return JsonReader.ParseObject(text, KnownKey); }
            catch (JsonFormatException ex)
            {
                issues.Add(ConfigurationLoader.Error("", $"The configuration is not valid JSON: {Explain(text, ex)}"));
                return null;
            }
        }

        /// <summary>The key as messages may name it (trimmed, lower case), when it is one of ours; else null.</summary>
        public static string? KnownKey(string key)
        {
            var k = key.Trim().ToLowerInvariant();
            return K.All.Contains(k) || K.Aliases.ContainsKey(k) ? k : null;
        }

        /// <summary>The offset of the first typographic quote written (not escaped) in a raw span of the file, or -1.</summary>
        public static int FirstSuspectQuote(string text, int offset, int length)
        {
            for (var i = offset; i < offset + length && i < text.Length; i++)
                if (IsSuspectQuote(text[i])) return i;
            return -1;
        }

        /// <summary>"line 21, column 18: “ (U+201C) is a typographic quote; …": the position and the character only.</summary>
        public static string DescribeQuoteAt(string text, int offset)
        {
            JsonReader.Position(text, offset, out var line, out var column);
            return $"line {line}, column {column}: {DescribeQuote(text[offset])}";
        }

        public static bool IsSuspectQuote(char c) => c switch
        {
            '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u201C' or '\u201D' or '\u201E' or '\u201F' => true,
            '\u2032' or '\u2033' or '\u2035' or '\u2036' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' => true,
            '\u301D' or '\u301E' or '\u301F' or '\uFF02' or '\uFF07' or '\u00B4' => true,
            NotUtf8 => true,
            _ => false,
        };

        public static string WithoutSuspectQuotes(string text) => new string(text.Where(c => !IsSuspectQuote(c)).ToArray());

        /// <summary>Our key within two edits of <paramref name="written"/> ("sql_server", "compnay"), when exactly one is that close.</summary>
        public static string? NearMiss(string written)
        {
            if (written.Length < 4) return null;
            var close = K.All.Concat(K.Aliases.Keys).Where(k => EditDistance(written, k) <= 2).ToList();
            return close.Count == 1 ? close[0] : null;
        }

        private static string DescribeQuote(char c) => c == NotUtf8
            ? "a character that is not valid UTF-8 (U+FFFD): save the file as UTF-8 (a typographic quote saved in a legacy code page looks like this; JSON needs straight double quotes \")"
            : $"{c} (U+{(int)c:X4}) is a typographic quote; JSON needs straight double quotes \"";

        /// <summary>
        /// The reader's error, unless a typographic quote stands where a straight one belongs in the pair being read:
        /// then that quote is the cause, and the message points at it instead.
        /// </summary>
        private static string Explain(string text, JsonFormatException ex)
        {
            if (ex.MemberOffset < 0) return ex.Message;
            var last = Math.Min(ex.Offset, text.Length - 1);
            for (var i = ex.MemberOffset; i <= last; i++)
                if (IsSuspectQuote(text[i]) && StandsForAQuote(text, i)) return DescribeQuoteAt(text, i);
            return ex.Message;
        }

        /// <summary>
        /// Whether the character sits where JSON puts a quote: after ':', ',' or '{', or before ':', ',', '}' or the end
        /// of the line. An apostrophe inside a word ("it’s") does not.
        /// </summary>
        private static bool StandsForAQuote(string text, int i)
        {
            var before = i - 1;
            while (before >= 0 && char.IsWhiteSpace(text[before])) before--;
            if (before < 0 || ":,{[".IndexOf(text[before]) >= 0) return true;
            var after = i + 1;
            while (after < text.Length && (text[after] == ' ' || text[after] == '\t')) after++;
            return after >= text.Length || ":,}]\r\n".IndexOf(text[after]) >= 0;
        }

        private static int EditDistance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
            return previous[b.Length];
        }
    }
}
