using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K = SecureMFA.Core.Configuration.ConfigurationKeys;

namespace SecureMFA.Core.Configuration
{
    /// <summary>
    /// The file's members under their canonical keys, with typed access. A bad value becomes an issue and
    /// the default is used, so every problem is reported at once. Secret values are never repeated.
    /// </summary>
    internal sealed class ConfigurationValues
    {
        private readonly Dictionary<string, JsonMember> _members = new Dictionary<string, JsonMember>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _spelling = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<ConfigurationIssue> _issues;

        private ConfigurationValues(List<ConfigurationIssue> issues) => _issues = issues;

        /// <summary>
        /// Maps every member to its canonical key. Unknown keys are warnings; a key written twice (in any
        /// letter case, or once under its older name) and a typographic quote outside free text are errors.
        /// </summary>
        public static ConfigurationValues From(IEnumerable<JsonMember> members, List<ConfigurationIssue> issues)
        {
            var values = new ConfigurationValues(issues);
            foreach (var member in members) values.Add(member);
            return values;
        }

        private void Add(JsonMember member)
        {
            var written = member.Key.Trim().ToLowerInvariant();
            if (member.KeySuspectQuote != null)
            {
                var meant = new string(written.Where(c => !TypographicQuote.IsSuspect(c)).ToArray());
                var known = K.All.Contains(meant) || K.Aliases.ContainsKey(meant);
                _issues.Add(ConfigurationLoader.Error(known ? meant : "", "the key at " + member.KeySuspectQuote.Describe()));
                return;
            }
            var canonical = K.Aliases.TryGetValue(written, out var target) ? target : written;
            if (!K.All.Contains(canonical))
            {
                _issues.Add(ConfigurationLoader.Warn(member.Key, "unknown key, ignored (check the spelling)"));
                return;
            }
            if (_members.TryGetValue(canonical, out var first))
            {
                var firstSpelling = _spelling[canonical];
                _issues.Add(ConfigurationLoader.Error(canonical, firstSpelling == written
                    ? $"is written twice, on line {first.Line} (\"{first.Key.Trim()}\") and line {member.Line} (\"{member.Key.Trim()}\"); keep one"
                    : $"{firstSpelling} (line {first.Line}) and {written} (line {member.Line}) are the same setting; keep one"));
                return;
            }

            var value = member.Value;
            var mark = value.SuspectQuote;
            if (mark != null && (mark.Character == TypographicQuote.NotUtf8 || !K.IsFreeText(canonical)))
            {
                _issues.Add(ConfigurationLoader.Error(written, "the value at " + mark.Describe()));
                // Go on with the quotes removed, so the rest of the file is checked without follow-on errors.
                var cleaned = new string(value.Text.Where(c => !TypographicQuote.IsSuspect(c)).ToArray());
                value = new JsonScalar(cleaned, value.IsString, value.Line, value.Column);
            }
            _members[canonical] = new JsonMember(member.Key, member.Line, member.Column, null, value);
            _spelling[canonical] = written;
        }

        public bool Has(string key) => _members.ContainsKey(key);

        /// <summary>The key as the file spells it (an older alias stays an alias), for messages.</summary>
        public string Name(string key) => _spelling.TryGetValue(key, out var written) ? written : key;

        public string Text(string key, string fallback)
        {
            if (!_members.TryGetValue(key, out var member) || member.Value.Text == "null" && !member.Value.IsString) return fallback;
            return member.Value.Text;
        }

        public bool Bool(string key, bool fallback)
        {
            if (!TryGetFilled(key, out var value)) return fallback;
            if (string.Equals(value.Text, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(value.Text, "false", StringComparison.OrdinalIgnoreCase)) return false;
            _issues.Add(ConfigurationLoader.Error(Name(key), $"{Show(key, value)} is not true or false"));
            return fallback;
        }

        public int Int(string key, int fallback, int min, int max)
        {
            if (!TryGetFilled(key, out var value)) return fallback;
            if (!int.TryParse(value.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
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
            var name = System.Enum.GetNames(typeof(T)).FirstOrDefault(n => string.Equals(n, value.Text.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name != null) return (T)System.Enum.Parse(typeof(T), name);
            _issues.Add(ConfigurationLoader.Error(Name(key), $"{Show(key, value)} is not one of {string.Join(", ", System.Enum.GetNames(typeof(T)))}"));
            return fallback;
        }

        private bool TryGetFilled(string key, out JsonScalar value)
        {
            value = null!;
            if (!_members.TryGetValue(key, out var member)) return false;
            value = member.Value;
            return !((!value.IsString && value.Text == "null") || value.Text.Trim().Length == 0);
        }

        private static string Show(string key, JsonScalar value) => K.IsSecret(key) ? "the value" : value.ToString();
    }
}
