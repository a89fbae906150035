using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using SecureMFA.Otp.Protocol;
using SecureMFA.Testing;
using Xunit;

namespace SecureMFA.Otp.Tests.Protocol
{
    /// <summary>docs/webapi-protocol.md is the spec: every word both sides spell is in it, and every error code it lists is a word.</summary>
    public class ApiWordsTests
    {
        private static readonly string Spec = File.ReadAllText(RepositoryPaths.Of("docs/webapi-protocol.md"));

        public static TheoryData<string, string> Words()
        {
            var data = new TheoryData<string, string>();
            foreach (var group in typeof(ApiWords).GetNestedTypes())
                foreach (var field in group.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
                    data.Add($"{group.Name}.{field.Name}", (string)field.GetRawConstantValue()!);
            return data;
        }

        [Theory, MemberData(nameof(Words))]
        public void EveryWordIsTheSpecsOwn(string name, string word)
        {
            // Paths appear inside request lines and headings; the other words as `code` or as a quoted JSON member.
            var spelled = word.StartsWith("/", StringComparison.Ordinal)
                ? Spec.Contains($"{{endpoint}}{word}`") || Spec.Contains($"{{endpoint}}{word}\n")
                : Spec.Contains($"`{word}`") || Spec.Contains($"\"{word}\":");
            Assert.True(spelled, $"{name} = \"{word}\" is not spelled in docs/webapi-protocol.md");
        }

        [Fact]
        public void EveryErrorCodeOfSectionNineIsAWord()
        {
            var section = Spec.Substring(Spec.IndexOf("## 9. Error codes", StringComparison.Ordinal));
            section = section.Substring(0, section.IndexOf("\n## 10.", StringComparison.Ordinal));
            var codes = section.Split('\n').Where(l => Regex.IsMatch(l, @"^\| \d{3} \|"))
                .SelectMany(l => Regex.Matches(l.Split('|')[2], "`([a-z_]+)`").Cast<Match>().Select(m => m.Groups[1].Value)).ToList();
            var words = typeof(ApiWords.Errors).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
            Assert.Equal(18, codes.Count);
            Assert.Equal(codes.OrderBy(c => c, StringComparer.Ordinal), words.OrderBy(w => w, StringComparer.Ordinal));
        }

        [Fact]
        public void EveryResultOfSectionSevenIsAWord()
        {
            var table = Spec.Substring(Spec.IndexOf("| `result` | meaning |", StringComparison.Ordinal));
            table = table.Substring(0, table.IndexOf("\n\n", StringComparison.Ordinal));
            var results = Regex.Matches(table, @"^\| `([a-z_]+)` \|", RegexOptions.Multiline).Cast<Match>().Select(m => m.Groups[1].Value).Skip(1).ToList();
            Assert.Equal(new[] { "accept", "reject", "replay", "locked", "disabled", "not_enrolled" }, results);
            Assert.Equal(results, typeof(ApiWords.Results).GetFields().Select(f => (string)f.GetRawConstantValue()!));
            Assert.Equal(new[] { "logon", "unlock", "rdp", "credui" }, ApiWords.Scenarios.All);
        }
    }
}
