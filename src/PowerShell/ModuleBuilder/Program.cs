using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Xml;
using SecureMFA.Cmdlets.Help;

// Writes MAML help (what Get-Help reads) for every cmdlet in the assembly, from [CmdletHelp] (with its Inputs and
// Outputs), [CmdletExample], [OutputType] and each parameter's [Parameter(HelpMessage = …)]. A cmdlet whose help breaks
// a rule of CmdletHelpRules (no INPUTS for pipeline input, an undescribed output, fewer than two examples, ...) fails the build.
// With --module-version it stamps the release version into a staged manifest instead, and with --common-loader it
// puts the loader functions both modules share into a staged .psm1 (CommonLoader).
if (args.Length == 3 && args[0] == "--module-version") return ManifestVersion.Stamp(args[1], args[2]);
if (args.Length == 3 && args[0] == "--common-loader") return CommonLoader.Insert(args[1], args[2]);
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: SecureMFA.ModuleBuilder <cmdlets assembly (SecureMFA.Cmdlets.dll or SecureMFA.WinOtp.Cmdlets.dll)> <output-help.xml>");
    Console.Error.WriteLine("       SecureMFA.ModuleBuilder --module-version <staged module manifest .psd1> <major.minor.patch>");
    Console.Error.WriteLine("       SecureMFA.ModuleBuilder --common-loader <staged module .psm1> <src/PowerShell/Common/ModuleLoader.ps1>");
    return 2;
}

const string Maml = "http://schemas.microsoft.com/maml/2004/10";
const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

var assembly = Assembly.LoadFrom(Path.GetFullPath(args[0]));
var cmdlets = assembly.GetTypes().Where(t => t.GetCustomAttribute<CmdletAttribute>() != null).OrderBy(t => t.Name).ToList();
var problems = new List<string>();
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
using (var xml = XmlWriter.Create(args[1], new XmlWriterSettings { Indent = true }))
{
    xml.WriteStartElement("helpItems", "http://msh");
    xml.WriteAttributeString("schema", "maml");
    foreach (var type in cmdlets)
    {
        var cmdlet = type.GetCustomAttribute<CmdletAttribute>()!;
        var name = CmdletHelpRules.Name(type);
        problems.AddRange(CmdletHelpRules.Problems(type));
        var help = HelpAttributes.Help(type);
        if (help == null) continue;
        var examples = HelpAttributes.Examples(type).ToList();
        var parameters = Parameters(type, cmdlet);

        xml.WriteStartElement("command", "command", Command);
        xml.WriteAttributeString("xmlns", "maml", null, Maml);
        xml.WriteAttributeString("xmlns", "dev", null, Dev);
        xml.WriteStartElement("details", Command);
        xml.WriteElementString("name", Command, name);
        Para(xml, "description", help.Synopsis);
        xml.WriteElementString("verb", Command, cmdlet.VerbName);
        xml.WriteElementString("noun", Command, cmdlet.NounName);
        xml.WriteEndElement();
        Para(xml, "description", help.Description);

        xml.WriteStartElement("syntax", Command);
        xml.WriteStartElement("syntaxItem", Command);
        xml.WriteElementString("name", Maml, name);
        foreach (var p in parameters) Parameter(xml, p);
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("parameters", Command);
        foreach (var p in parameters) Parameter(xml, p);
        xml.WriteEndElement();

        // INPUTS: the types that bind from the pipeline, or None.
        var pipeline = CmdletHelpRules.PipelineParameters(type);
        xml.WriteStartElement("inputTypes", Command);
        if (pipeline.Count == 0) TypeEntry(xml, "inputType", "None", CmdletHelpRules.NoPipelineInput);
        else TypeEntry(xml, "inputType", string.Join(", ", PipelineTypes(pipeline)), help.Inputs ?? "");
        xml.WriteEndElement();

        // OUTPUTS: each [OutputType], described by the type itself or by the cmdlet.
        xml.WriteStartElement("returnValues", Command);
        var outputs = CmdletHelpRules.OutputTypes(type);
        for (var i = 0; i < outputs.Count; i++)
            TypeEntry(xml, "returnValue", outputs[i].Name, CmdletHelpRules.OutputParagraphs(outputs[i].Type, help, first: i == 0).ToArray());
        xml.WriteEndElement();

        xml.WriteStartElement("examples", Command);
        for (var i = 0; i < examples.Count; i++)
        {
            xml.WriteStartElement("example", Command);
            xml.WriteElementString("title", Maml, $"-------------------------- EXAMPLE {i + 1} --------------------------");
            xml.WriteElementString("code", Dev, examples[i].Code);
            xml.WriteStartElement("remarks", Dev);
            xml.WriteElementString("para", Maml, examples[i].Remarks);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
    xml.WriteEndElement();
}

if (problems.Count > 0)
{
    foreach (var problem in problems) Console.Error.WriteLine($"help: {problem}");
    return 1;
}
Console.WriteLine($"help: {cmdlets.Count} cmdlets documented in {args[1]}");
return 0;

// Each parameter as Get-Help shows it: its aliases ([Alias]) and whether it takes wildcards ([SupportsWildcards]) too.
static List<(string Name, string Type, bool Mandatory, string Position, string Pipeline, string Description, string Aliases, bool Wildcards)> Parameters(Type type, CmdletAttribute cmdlet)
{
    var list = new List<(string, string, bool, string, string, string, string, bool)>();
    foreach (var property in type.GetProperties().OrderBy(p => p.Name == "ConfigurationFilePath" ? 1 : 0))
    {
        var attribute = property.GetCustomAttributes<ParameterAttribute>().FirstOrDefault();
        if (attribute == null) continue;
        var pipeline = attribute.ValueFromPipeline && attribute.ValueFromPipelineByPropertyName ? "True (ByValue, ByPropertyName)"
            : attribute.ValueFromPipeline ? "True (ByValue)" : attribute.ValueFromPipelineByPropertyName ? "True (ByPropertyName)" : "False";
        var position = attribute.Position == int.MinValue ? "named" : attribute.Position.ToString();
        var typeName = TypeName(property.PropertyType, full: false);
        var aliases = property.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames).ToList();
        list.Add((property.Name, typeName, attribute.Mandatory, position, pipeline, attribute.HelpMessage ?? "",
            aliases.Count == 0 ? "none" : string.Join(", ", aliases), property.GetCustomAttribute<SupportsWildcardsAttribute>() != null));
    }
    if (cmdlet.SupportsShouldProcess)
    {
        list.Add(("WhatIf", "SwitchParameter", false, "named", "False", "Shows what would happen, without changing anything.", "wi", false));
        list.Add(("Confirm", "SwitchParameter", false, "named", "False", "Asks for confirmation before each change.", "cf", false));
    }
    if (cmdlet.SupportsPaging)
    {
        list.Add(("First", "UInt64", false, "named", "False", "Returns at most this many users.", "none", false));
        list.Add(("Skip", "UInt64", false, "named", "False", "Skips this many users first.", "none", false));
        list.Add(("IncludeTotalCount", "SwitchParameter", false, "named", "False", "Also returns the number of matching users.", "none", false));
    }
    return list;
}

// What can be piped in: the types that bind by value, and any object (PSObject) when a parameter binds by property name.
static IEnumerable<string> PipelineTypes(IReadOnlyList<PropertyInfo> pipeline)
{
    var byValue = pipeline.Where(p => p.GetCustomAttributes<ParameterAttribute>().Any(a => a.ValueFromPipeline)).Select(p => TypeName(p.PropertyType, full: true));
    var byName = pipeline.Any(p => p.GetCustomAttributes<ParameterAttribute>().Any(a => a.ValueFromPipelineByPropertyName))
        ? new[] { typeof(PSObject).FullName! } : Array.Empty<string>();
    return byValue.Concat(byName).Distinct();
}

static string TypeName(Type type, bool full)
{
    if (type == typeof(SwitchParameter)) return "SwitchParameter";
    var plain = Nullable.GetUnderlyingType(type) ?? type;
    return full ? plain.FullName ?? plain.Name : plain.Name;
}

static void TypeEntry(XmlWriter xml, string element, string typeName, params string[] paragraphs)
{
    xml.WriteStartElement(element, Command);
    xml.WriteStartElement("type", Dev);
    xml.WriteElementString("name", Maml, typeName);
    xml.WriteEndElement();
    xml.WriteStartElement("description", Maml);
    foreach (var paragraph in paragraphs) xml.WriteElementString("para", Maml, paragraph);
    xml.WriteEndElement();
    xml.WriteEndElement();
}

static void Para(XmlWriter xml, string element, string text)
{
    xml.WriteStartElement(element, Maml);
    xml.WriteElementString("para", Maml, text);
    xml.WriteEndElement();
}

static void Parameter(XmlWriter xml, (string Name, string Type, bool Mandatory, string Position, string Pipeline, string Description, string Aliases, bool Wildcards) p)
{
    xml.WriteStartElement("parameter", Command);
    xml.WriteAttributeString("required", p.Mandatory ? "true" : "false");
    xml.WriteAttributeString("globbing", p.Wildcards ? "true" : "false");
    xml.WriteAttributeString("aliases", p.Aliases);
    xml.WriteAttributeString("pipelineInput", p.Pipeline);
    xml.WriteAttributeString("position", p.Position);
    xml.WriteElementString("name", Maml, p.Name);
    Para(xml, "description", p.Description);
    if (p.Type != "SwitchParameter")
    {
        xml.WriteStartElement("parameterValue", Command);
        xml.WriteAttributeString("required", "true");
        xml.WriteString(p.Type);
        xml.WriteEndElement();
    }
    xml.WriteStartElement("type", Dev);
    xml.WriteElementString("name", Maml, p.Type);
    xml.WriteEndElement();
    xml.WriteEndElement();
}
