using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml;
using SecureMFA.WinOtp.Cmdlets.Help;

// Writes MAML help (what Get-Help reads) for every cmdlet of SecureMFA.WinOtp.Cmdlets from [CmdletHelp], [CmdletExample]
// and each parameter's HelpMessage, refusing an undocumented parameter; with --module-version it stamps the release
// version into the staged manifest instead.
if (args.Length == 3 && args[0] == "--module-version") return StampVersion(args[1], args[2]);
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: SecureMFA.WinOtp.ModuleStager <SecureMFA.WinOtp.Cmdlets.dll> <output-help.xml>");
    Console.Error.WriteLine("       SecureMFA.WinOtp.ModuleStager --module-version <staged SecureMFA_WIN_OTP.psd1> <major.minor.patch>");
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
        var name = cmdlet.VerbName + "-" + cmdlet.NounName;
        var help = type.GetCustomAttribute<CmdletHelpAttribute>();
        if (help == null) { problems.Add(name + " has no [CmdletHelp]"); continue; }
        var examples = type.GetCustomAttributes<CmdletExampleAttribute>().ToList();
        if (examples.Count == 0) problems.Add(name + " has no [CmdletExample]");
        var parameters = new List<(string Name, string Type, bool Mandatory, string Description)>();
        foreach (var property in type.GetProperties())
        {
            var attribute = property.GetCustomAttributes<ParameterAttribute>().FirstOrDefault();
            if (attribute == null) continue;
            if (string.IsNullOrWhiteSpace(attribute.HelpMessage)) problems.Add(name + " -" + property.Name + " has no HelpMessage");
            parameters.Add((property.Name, (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).Name, attribute.Mandatory, attribute.HelpMessage ?? ""));
        }
        if (cmdlet.SupportsShouldProcess)
        {
            parameters.Add(("WhatIf", "SwitchParameter", false, "Shows what would change, without changing anything."));
            parameters.Add(("Confirm", "SwitchParameter", false, "Asks for confirmation before each change."));
        }

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
    foreach (var problem in problems) Console.Error.WriteLine("help: " + problem);
    return 1;
}
Console.WriteLine($"help: {cmdlets.Count} cmdlets documented in {args[1]}");
return 0;

static void Para(XmlWriter xml, string element, string text)
{
    xml.WriteStartElement(element, Maml);
    xml.WriteElementString("para", Maml, text);
    xml.WriteEndElement();
}

static void Parameter(XmlWriter xml, (string Name, string Type, bool Mandatory, string Description) p)
{
    xml.WriteStartElement("parameter", Command);
    xml.WriteAttributeString("required", p.Mandatory ? "true" : "false");
    xml.WriteAttributeString("globbing", "false");
    xml.WriteAttributeString("pipelineInput", "False");
    xml.WriteAttributeString("position", "named");
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

static int StampVersion(string manifest, string version)
{
    if (!Regex.IsMatch(version, @"^\d+\.\d+\.\d+$"))
    {
        Console.Error.WriteLine($"manifest: '{version}' is not a release version (major.minor.patch)");
        return 1;
    }
    var line = new Regex(@"^(?<head>\s*ModuleVersion\s*=\s*)'[^']*'", RegexOptions.Multiline);
    var text = File.ReadAllText(manifest);
    if (line.Matches(text).Count != 1)
    {
        Console.Error.WriteLine($"manifest: {manifest} needs exactly one ModuleVersion line");
        return 1;
    }
    File.WriteAllText(manifest, line.Replace(text, m => m.Groups["head"].Value + "'" + version + "'"));
    Console.WriteLine($"manifest: ModuleVersion {version} in {manifest}");
    return 0;
}
