using System;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.Core.Configuration;
using Xunit;

namespace SecureMFA.Core.Tests
{
    /// <summary>
    /// Secrets never reach an issue or an exception message, also when the JSON breaks right inside them.
    /// Each secret holds a unique marker; every message is searched for any 5-character piece of any marker.
    /// </summary>
    public class ConfigurationSecretTests
    {
        private static readonly Dictionary<string, string> Markers = new Dictionary<string, string>
        {
            ["serialkey"] = "Vq7Lx2Rm9Tn4Kp1Z",
            ["ad_password"] = "Hb3Nw8Jc5Qd2Fs6Y",
            ["sqluserpassword"] = "Gt5Xe1Mu7Wa3Pz9K",
            ["data_encryption_passphrase"] = "Ry8Cb4Lv2Hn6Jq3D",
            ["api_headers_value"] = "Wm2Pk9Ts4Gx7Nc1B",
        };

        /// <summary>A valid AD-mode file holding every secret; the passphrase under the given spelling.</summary>
        private static string Base(string passphraseKey = "data_encryption_passphrase", string separator = "\n  ") =>
            "{" + separator + string.Join("," + separator, new[]
            {
                "\"company\": \"Adatum\"",
                "\"serialkey\": \"" + Markers["serialkey"] + "\"",
                "\"auth_mode\": \"AD\"",
                "\"ad_user\": \"svc-otp@adatum.labnet\"",
                "\"ad_password\": \"" + Markers["ad_password"] + "\"",
                "\"sqluserpassword\": \"" + Markers["sqluserpassword"] + "\"",
                "\"data_encryption\": \"true\"",
                "\"" + passphraseKey + "\": \"" + Markers["data_encryption_passphrase"] + "\"",
                "\"api_headers_value\": \"" + Markers["api_headers_value"] + "\"",
                "\"ui_login_failures\": \"5\"",
            }) + separator.TrimEnd(' ') + "}";

        private static IEnumerable<string> Pieces => Markers.Values.SelectMany(m => Enumerable.Range(0, m.Length - 4).Select(i => m.Substring(i, 5)));

        /// <summary>Every text the loader produces for this input: issues (both severities) and the thrown exception.</summary>
        private static List<string> EverythingSaid(string json)
        {
            var said = new List<string>();
            var result = ConfigurationLoader.Parse(json);
            said.AddRange(result.Issues.Select(i => i.ToString()));
            said.AddRange(result.Issues.Select(i => i.Key));
            try { ConfigurationLoader.LoadOrThrow(json); }
            catch (ConfigurationException ex) { said.Add(ex.Message); said.AddRange(ex.Issues.Select(i => i.ToString())); }
            return said;
        }

        private static void AssertNoSecretIn(string json)
        {
            foreach (var text in EverythingSaid(json))
                foreach (var piece in Pieces)
                    Assert.False(text.Contains(piece, StringComparison.Ordinal), $"A secret leaked into: {text}\nfrom input:\n{json}");
        }

        [Fact]
        public void TheBaseFileIsValidSoTheVariantsBreakSomethingReal()
        {
            Assert.True(ConfigurationLoader.Parse(Base()).IsValid, string.Join("; ", ConfigurationLoader.Parse(Base()).Issues));
            Assert.True(ConfigurationLoader.Parse(Base("encryption_passphrase")).IsValid);
            Assert.True(ConfigurationLoader.Parse(Base(separator: " ")).IsValid);
        }

        /// <summary>Ways to break a quoted secret ("…marker…"), each applied to the quoted value as written.</summary>
        private static readonly Dictionary<string, Func<string, string>> Breaks = new Dictionary<string, Func<string, string>>
        {
            ["no opening quote"] = v => v.Substring(1),
            ["no closing quote"] = v => v.Substring(0, v.Length - 1),
            ["bad escape"] = v => v.Insert(8, "\\q"),
            ["bad unicode escape"] = v => v.Insert(8, "\\u12x4"),
            ["escaped closing quote"] = v => v.Insert(v.Length - 1, "\\"),
            ["line break inside"] = v => v.Insert(8, "\n"),
            ["straight quote inside"] = v => v.Insert(8, "\""),
            ["typographic quote inside"] = v => v.Insert(8, "\u201D"),
            ["typographic quotes around"] = v => "\u201C" + v.Substring(1, v.Length - 2) + "\u201D",
            ["typographic closing quote"] = v => v.Substring(0, v.Length - 1) + "\u201D",
            ["single quotes"] = v => "'" + v.Substring(1, v.Length - 2) + "'",
            ["bare token"] = v => v.Substring(1, v.Length - 2),
            ["not UTF-8"] = v => v.Insert(8, "\uFFFD"),
            ["control character inside"] = v => v.Insert(8, "\u0001"),
            ["object instead"] = v => "{" + v + "}",
            ["array instead"] = v => "[" + v + "]",
            ["too short"] = v => v.Substring(0, 7) + "\"",
            ["leading space"] = v => "\" " + v.Substring(1),
            ["key written twice"] = v => v + ", \"x\": 1",
        };

        // Legal for most secrets (api_headers_value refuses them): a short or space-led password, an extra unknown key.
        private static readonly HashSet<string> MayStayValid = new HashSet<string> { "too short", "leading space", "key written twice" };

        public static IEnumerable<object[]> SecretsAndBreaks() =>
            from key in Markers.Keys
            from name in Breaks.Keys
            from compact in new[] { false, true }
            select new object[] { key, name, compact };

        [Theory]
        [MemberData(nameof(SecretsAndBreaks))]
        public void ABreakInsideASecretNeverShowsIt(string key, string breakName, bool compact)
        {
            var json = Replace(Base(separator: compact ? " " : "\n  "), key, Breaks[breakName]);
            if (!MayStayValid.Contains(breakName) || (key == "api_headers_value" && breakName != "key written twice"))
                Assert.False(ConfigurationLoader.Parse(json).IsValid, "the break did not make the file invalid: " + breakName);
            AssertNoSecretIn(json);
        }

        [Theory]
        [MemberData(nameof(SecretsAndBreaks))]
        public void TheFileCutOffInsideASecretNeverShowsIt(string key, string breakName, bool compact)
        {
            var json = Replace(Base(separator: compact ? " " : "\n  "), key, Breaks[breakName]);
            var at = json.IndexOf(Markers[key].Substring(0, 4), StringComparison.Ordinal);
            for (var cut = Math.Max(0, at - 3); cut < Math.Min(json.Length, at + Markers[key].Length + 4); cut++)
                AssertNoSecretIn(json.Substring(0, cut));
        }

        [Fact]
        public void TheSameSecretUnderBothSpellingsIsNotShown()
        {
            var json = Base().Replace("\"ui_login_failures\"", "\"encryption_passphrase\": \"" + Markers["data_encryption_passphrase"] + "\",\n  \"ui_login_failures\"");
            Assert.Contains(ConfigurationLoader.Parse(json).Errors, e => e.Message.Contains("same setting"));
            AssertNoSecretIn(json);
        }

        [Fact]
        public void ShortOrSampleSecretsAreReportedWithoutTheirValue()
        {
            AssertNoSecretIn(Base().Replace(Markers["api_headers_value"], "Wm2Pk9Ts4"));
            AssertNoSecretIn(Base().Replace(Markers["data_encryption_passphrase"], "Ry8Cb4"));
            var same = Base().Replace(Markers["api_headers_value"], Markers["data_encryption_passphrase"]);
            Assert.Contains(ConfigurationLoader.Parse(same).Warnings, w => w.Key == "api_headers_value");
            AssertNoSecretIn(same);
        }

        /// <summary>A little fuzzing: one to three random edits in and around each secret, from a fixed seed.</summary>
        [Fact]
        public void RandomEditsAroundSecretsNeverShowThem()
        {
            var random = new Random(20261130);
            var inserts = new[] { "\"", "\\", "\n", "\u201C", "\u201D", "\u2019", "'", ",", ":", "{", "}", "[", " ", "\uFFFD", "\t", "\\u", "\r\n" };
            var broken = 0;
            for (var round = 0; round < 3000; round++)
            {
                var key = Markers.Keys.ElementAt(random.Next(Markers.Count));
                var json = Base(separator: random.Next(2) == 0 ? " " : "\n  ");
                var start = json.IndexOf(Markers[key], StringComparison.Ordinal) - 1;
                var edits = 1 + random.Next(3);
                for (var e = 0; e < edits; e++)
                {
                    var at = Math.Min(json.Length - 1, Math.Max(0, start - 4 + random.Next(Markers[key].Length + 10)));
                    switch (random.Next(3))
                    {
                        case 0: json = json.Remove(at, 1); break;
                        case 1: json = json.Insert(at, inserts[random.Next(inserts.Length)]); break;
                        default: json = json.Substring(0, at) + inserts[random.Next(inserts.Length)] + json.Substring(Math.Min(json.Length, at + 1)); break;
                    }
                }
                if (!ConfigurationLoader.Parse(json).IsValid) broken++;
                AssertNoSecretIn(json);
            }
            // The edits really broke files, most of the time.
            Assert.True(broken > 2000, $"only {broken} of 3000 edited files were invalid");
        }

        private static string Replace(string json, string key, Func<string, string> apply)
        {
            var quoted = "\"" + Markers[key] + "\"";
            var at = json.IndexOf(quoted, StringComparison.Ordinal);
            return json.Substring(0, at) + apply(quoted) + json.Substring(at + quoted.Length);
        }
    }
}
