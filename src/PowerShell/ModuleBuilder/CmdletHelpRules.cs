using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using SecureMFA.Cmdlets.Help;

/// <summary>
/// What a cmdlet's help must hold before the module build writes it, so Get-Help never leaves a support person guessing:
/// a synopsis and description, INPUTS when a parameter takes pipeline input, OUTPUTS for every [OutputType], at least two
/// examples (one of them piping into the cmdlet when it takes pipeline input, as from Import-Csv), and a HelpMessage on
/// every parameter. The build lists every problem and fails.
/// </summary>
internal static class CmdletHelpRules
{
    public const int MinimumExamples = 2;
    public const string NoPipelineInput = "This cmdlet takes no pipeline input.";

    public static string Name(Type cmdlet)
    {
        var attribute = cmdlet.GetCustomAttribute<CmdletAttribute>()!;
        return attribute.VerbName + "-" + attribute.NounName;
    }

    /// <summary>The parameters that bind from the pipeline, by value or by property name.</summary>
    public static IReadOnlyList<PropertyInfo> PipelineParameters(Type cmdlet) =>
        cmdlet.GetProperties()
            .Where(p => p.GetCustomAttributes<ParameterAttribute>().Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName))
            .ToList();

    /// <summary>The types the cmdlet declares with [OutputType], by name when declared by name.</summary>
    public static IReadOnlyList<(string Name, Type? Type)> OutputTypes(Type cmdlet) =>
        cmdlet.GetCustomAttributes<OutputTypeAttribute>().SelectMany(a => a.Type)
            .Select(t => (t.Type?.FullName ?? t.Name, t.Type)).Distinct().ToList();

    /// <summary>
    /// What OUTPUTS says under one [OutputType]: the type's own [Description], and the cmdlet's Outputs text (when it returns
    /// what) under the first type, or under any type that does not describe itself. Empty when nothing describes the type.
    /// </summary>
    public static IReadOnlyList<string> OutputParagraphs(Type? type, CmdletHelpAttribute help, bool first)
    {
        var paragraphs = new List<string>();
        var own = type?.GetCustomAttribute<DescriptionAttribute>()?.Description;
        if (!string.IsNullOrWhiteSpace(own)) paragraphs.Add(own!);
        if (!string.IsNullOrWhiteSpace(help.Outputs) && (paragraphs.Count == 0 || first)) paragraphs.Add(help.Outputs!);
        return paragraphs;
    }

    public static IReadOnlyList<string> Problems(Type cmdlet)
    {
        var name = Name(cmdlet);
        var help = HelpAttributes.Help(cmdlet);
        if (help == null) return new[] { $"{name} has no [CmdletHelp]" };
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(help.Synopsis) || string.IsNullOrWhiteSpace(help.Description))
            problems.Add($"{name}: [CmdletHelp] needs a synopsis and a description");

        var pipeline = PipelineParameters(cmdlet);
        if (pipeline.Count > 0 && string.IsNullOrWhiteSpace(help.Inputs))
            problems.Add($"{name} takes pipeline input (-{string.Join(", -", pipeline.Select(p => p.Name))}) but [CmdletHelp] has no Inputs");
        if (pipeline.Count == 0 && !string.IsNullOrWhiteSpace(help.Inputs))
            problems.Add($"{name}: [CmdletHelp] describes Inputs, but no parameter takes pipeline input");

        var outputs = OutputTypes(cmdlet);
        if (outputs.Count == 0) problems.Add($"{name} has no [OutputType]");
        foreach (var output in outputs.Where(o => OutputParagraphs(o.Type, help, first: false).Count == 0))
            problems.Add($"{name} returns {output.Name}, which has no [Description], and [CmdletHelp] has no Outputs");

        var examples = HelpAttributes.Examples(cmdlet).ToList();
        if (examples.Count < MinimumExamples)
            problems.Add($"{name} has {examples.Count} [CmdletExample]; at least {MinimumExamples} are needed");
        if (examples.Any(e => string.IsNullOrWhiteSpace(e.Code) || string.IsNullOrWhiteSpace(e.Remarks)))
            problems.Add($"{name} has a [CmdletExample] without code or remarks");
        if (pipeline.Count > 0 && !examples.Any(e => PipesInto(e.Code, cmdlet)))
            problems.Add($"{name} takes pipeline input but no [CmdletExample] pipes into it (for instance Import-Csv users.csv | {name})");

        foreach (var property in cmdlet.GetProperties())
        {
            var attribute = property.GetCustomAttributes<ParameterAttribute>().FirstOrDefault();
            if (attribute != null && string.IsNullOrWhiteSpace(attribute.HelpMessage)) problems.Add($"{name} -{property.Name} has no HelpMessage");
        }
        return problems;
    }

    /// <summary>Whether the example's code pipes something into the cmdlet, by its name or one of its aliases.</summary>
    public static bool PipesInto(string code, Type cmdlet)
    {
        var names = new[] { Name(cmdlet) }.Concat(cmdlet.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames));
        return names.Any(n => Regex.IsMatch(code, @"\|\s*" + Regex.Escape(n) + @"(\s|$)", RegexOptions.IgnoreCase));
    }
}
