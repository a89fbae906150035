using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// What PowerShell 7's parser accepts and Windows PowerShell 5.1's refuses: the install and AD FS cmdlets run in 5.1, so a
    /// shipped script using any of it would fail to load there while every test here passed.
    /// </summary>
    public static class WindowsPowerShellSyntax
    {
        private static readonly Dictionary<TokenKind, string> SevenOnlyTokens = new Dictionary<TokenKind, string>
        {
            [TokenKind.QuestionMark] = "the ternary operator ?:",
            [TokenKind.QuestionQuestion] = "the ?? operator",
            [TokenKind.QuestionQuestionEquals] = "the ??= operator",
            [TokenKind.QuestionDot] = "the ?. operator",
            [TokenKind.QuestionLBracket] = "the ?[ operator",
            [TokenKind.AndAnd] = "the && pipeline chain",
            [TokenKind.OrOr] = "the || pipeline chain",
            [TokenKind.Clean] = "a clean {} block",
        };

        /// <summary>"line N: what" for each 7-only construct in the script text; empty when 5.1 parses it the same.</summary>
        public static List<string> SevenOnly(string script)
        {
            var ast = Parser.ParseInput(script, out var tokens, out _);
            var found = tokens.Where(t => SevenOnlyTokens.ContainsKey(t.Kind))
                .Select(t => (t.Extent.StartLineNumber, SevenOnlyTokens[t.Kind])).ToList();
            found.AddRange(ast.FindAll(a => a is CommandAst command && IsForEachObject(command.GetCommandName()) &&
                    command.CommandElements.OfType<CommandParameterAst>().Any(IsParallel), true)
                .Select(a => (a.Extent.StartLineNumber, "ForEach-Object -Parallel")));
            return found.OrderBy(f => f.Item1).Select(f => $"line {f.Item1}: {f.Item2}").ToList();
        }

        private static bool IsForEachObject(string? name) =>
            name != null && new[] { "ForEach-Object", "foreach", "%" }.Contains(name, StringComparer.OrdinalIgnoreCase);

        // PowerShell takes any unambiguous prefix of a parameter name: -Pa and -Para are -Parallel too.
        private static bool IsParallel(CommandParameterAst parameter) =>
            parameter.ParameterName.Length >= 2 && "Parallel".StartsWith(parameter.ParameterName, StringComparison.OrdinalIgnoreCase);
    }
}
