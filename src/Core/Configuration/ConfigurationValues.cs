using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SecureMFA.Otp.Json;
using K = SecureMFA.Core.Configuration.ConfigurationKeys;

namespace SecureMFA.Core.Configuration
{
    /// <summary>
    /// The file's members under their canonical keys, with typed access. A bad value becomes an issue and
    /// the default is used, so every problem is reported at once. Secret values are never repeated.
    /// </summary>
    internal sealed class ConfigurationValues
    {
        // Each member with its text (typographic quotes removed where they were an error).
        private readonly Dictionary<string, (JsonMember Member, string Text)> _members = new Dictionary<string, (JsonMember, string)>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _spelling = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<ConfigurationIssue> _issues;
        private readonly string _text;

        private ConfigurationValues(string text, List<ConfigurationIssue> issues)
        {
            _text = text;
            _issues = issues;
        }

        /// <summary>
        /// Maps every member of the file (<paramref name="text"/>, parsed into <paramref name="file"/>) to its canonical
        /// key. Unknown keys are warnings; a key written twice (in another letter case, or once under its older name;
        /// the reader refuses an exact repeat), a value that is an object or array, and a typographic quote outside free
        /// text are errors.
        /// </summary>
        public static ConfigurationValues From(string text, JsonObject file, List<ConfigurationIssue> issues)
        {
            var values = new ConfigurationValues(text, issues);
            foreach (var member in file.Members) values.Add(member);
            return values;
        }

        private void Add(JsonMember member)
        {
            var written = member.Name.Trim().ToLowerInvariant();
            var keyQuote = ConfigurationJson.FirstSuspectQuote(_text, member.Offset, member.NameLength);
            if (keyQuote >= 0)
            {
                var meant = ConfigurationJson.WithoutSuspectQuotes(written);
                var known = K.All.Contains(meant) || K.Aliases.ContainsKey(meant);
                _issues.Add(ConfigurationLoader.Error(known ? meant : "", $"the key at {ConfigurationJson.DescribeQuoteAt(_text, keyQuote)}"));
                return;
            }
            var canonical = K.Aliases.TryGetValue(written, out var target) ? target : written;
            if (!K.All.Contains(canonical))
            {
                var meant = ConfigurationJson.NearMiss(written);
                _issues.Add(ConfigurationLoader.Warn(member.Name, meant == null
                    ? "unknown key, ignored (check the spelling)"
                    : $"unknown key, ignored: did you mean \"{meant}\"?"));
                return;
            }
            if (_members.TryGetValue(canonical, out var first))
            {
                var firstSpelling = _spelling[canonical];
                _issues.Add(ConfigurationLoader.Error(canonical, firstSpelling == written
                    ? $"is written twice, on line {first.Member.Line} (\"{first.Member.Name.Trim()}\") and line {member.Line} (\"{member.Name.Trim()}\"); keep one"
                    : $"{firstSpelling} (line {first.Member.Line}) and {written} (line {member.Line}) are the same setting; keep one"));
                return;
            }

            var value = member.Value;
            if (value.Kind == JsonKind.Object || value.Kind == JsonKind.Array)
            {
                _issues.Add(ConfigurationLoader.Error(written, $"{value.Where}: must be a single value (a string, number, true or false), not {value.KindName}"));
                return;
            }
            var text = value.Text;
            var quote = value.Kind == JsonKind.String ? ConfigurationJson.FirstSuspectQuote(_text, value.Offset, value.Length) : -1;
            if (quote >= 0 && (_text[quote] == ConfigurationJson.NotUtf8 || !K.IsFreeText(canonical)))
            {
                _issues.Add(ConfigurationLoader.Error(written, $"the value at {ConfigurationJson.DescribeQuoteAt(_text, quote)}"));
                // Go on with the quotes removed, so the rest of the file is checked without follow-on errors.
                text = ConfigurationJson.WithoutSuspectQuotes(text);
            }
            _members[canonical] = (member, text);
            _spelling[canonical] = written;
        }

        public bool Has(string key) => _members.ContainsKey(key);

        /// <summary>The key as the file spells it (an older alias stays an alias), for messages.</summary>
        public string Name(string key) => _spelling.TryGetValue(key, out var written) ? written : key;

        public string Text(string key, string fallback)
        {
            if (!_members.TryGetValue(key, out var entry) || entry.Member.Value.Kind == JsonKind.Null) return fallback;
            return entry.Text;
        }

        public bool Bool(string key, bool fallback)
        {
            if (!TryGetFilled(key, out var value)) return fallback;
            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)) return false;
            _issues.Add(ConfigurationLoader.Error(Name(key), $"{Show(key, value)} is not true or false"));
            return fallback;
        }

        public int Int(string key, int fallback, int min, int max)
        {
            if (!TryGetFilled(key, out var value)) return fallback;
            if (!int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                _issues.Add(ConfigurationLoader.Error(Name(key), $"{Show(key, value)} is not a whole number"));
                return fallback;
            }
            if (number < min || number > max)
            {
                _issues.Add(ConfigurationLoader.Error(Name(key), $"{Show(key, value)} is out of range ({min} to {max})"));
                return fallback;
            }
            return number;
        }

        /// <summary>
        /// One of the enum's names, in any letter case. Enum.TryParse alone would also take numbers ("1", "+1") and
        /// comma lists, which it combines as flags ("MSSQL, AD" reads as AD): neither is a setting anyone meant.
        /// </summary>
        public T Enum<T>(string key, T fallback) where T : struct
        {
            if (!TryGetFilled(key, out var value)) return fallback;
            var name = System.Enum.GetNames(typeof(T)).FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name != null) return (T)System.Enum.Parse(typeof(T), name);
            _issues.Add(ConfigurationLoader.Error(Name(key), $"{Show(key, value)} is not one of {string.Join(", ", System.Enum.GetNames(typeof(T)))}"));
            return fallback;
        }

        private bool TryGetFilled(string key, out string text)
        {
            text = "";
            if (!_members.TryGetValue(key, out var entry)) return false;
            text = entry.Text;
            return entry.Member.Value.Kind != JsonKind.Null && text.Trim().Length > 0;
        }

        /// <summary>How the value appeared in the file, for error messages; never for secrets.</summary>
        private string Show(string key, string text) =>
            K.IsSecret(key) ? "the value" : _members[key].Member.Value.Kind == JsonKind.String ? $"\"{text}\"" : text;
    }
}
