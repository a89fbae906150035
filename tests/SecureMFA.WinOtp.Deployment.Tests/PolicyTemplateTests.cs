using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Deployment.Tests
{
    /// <summary>
    /// artifacts/PolicyDefinitions as built, against the product: every value SettingsReader reads has a machine policy
    /// under Software\Policies\SecureMFA whose type and range the reader accepts (tried on the reader itself), every policy
    /// names a value the reader reads, and every language's ADML has every string and presentation the ADMX uses.
    /// The element and attribute names are the ADMX schema's (docs/admx-schema-facts.md).
    /// </summary>
    public class PolicyTemplateTests
    {
        private static readonly XNamespace Ns = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions";
        private static readonly string[] Languages = { "en-US", "fr-FR", "de-DE", "es-ES", "nl-NL" };

        /// <summary>The elements of the ADMX/ADML schema these files may use (a subset of the schema's, see the facts listing).</summary>
        private static readonly string[] AdmxElements =
        {
            "policyDefinitions", "policyNamespaces", "target", "using", "resources", "supportedOn", "definitions", "definition",
            "categories", "category", "parentCategory", "policies", "policy", "enabledValue", "disabledValue", "decimal", "elements", "text",
            "enum", "item", "value", "string", "multiText",
        };
        private static readonly string[] AdmlElements =
        {
            "policyDefinitionResources", "displayName", "description", "resources", "stringTable", "string", "presentationTable",
            "presentation", "decimalTextBox", "textBox", "dropdownList", "label", "defaultValue", "multiTextBox",
        };

        private static XDocument Admx() => XDocument.Load(Path.Combine(BuiltArtifacts.PolicyDefinitions, "SecureMFA.admx"));
        private static XDocument Adml(string language) => XDocument.Load(Path.Combine(BuiltArtifacts.PolicyDefinitions, language, "SecureMFA.adml"));

        private static IReadOnlyList<string> NamesTheReaderReads()
        {
            var recorder = new RecordingRegistry();
            SettingsReader.Read(recorder);
            return recorder.Names.Except(SettingNames.NotUsed, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        /// <summary>Each policy with the registry value it writes (a flag's on the policy itself, the others' on their element).</summary>
        private static IReadOnlyList<(XElement Policy, string ValueName, XElement? Element)> Policies() =>
            Admx().Root!.Element(Ns + "policies")!.Elements(Ns + "policy").Select(p =>
            {
                var element = p.Element(Ns + "elements")?.Elements().Single();
                return (p, (string?)p.Attribute("valueName") ?? (string)element!.Attribute("valueName")!, element);
            }).ToList();

        [Fact]
        public void TheFilesAreWellFormedAndUseOnlyTheSchemasElements()
        {
            var admx = Admx();
            Assert.Equal(Ns + "policyDefinitions", admx.Root!.Name);
            Assert.Equal("1.0", (string?)admx.Root.Attribute("schemaVersion"));
            Assert.NotNull(admx.Root.Attribute("revision"));
            Assert.All(admx.Descendants(), e => Assert.Contains(e.Name.LocalName, AdmxElements));
            Assert.All(admx.Descendants(), e => Assert.Equal(Ns, e.Name.Namespace));
            // The order the schema's sequence requires.
            Assert.Equal(new[] { "policyNamespaces", "resources", "supportedOn", "categories", "policies" }, admx.Root.Elements().Select(e => e.Name.LocalName));
            Assert.Equal(admx.Root.Attribute("revision")!.Value, admx.Root.Element(Ns + "resources")!.Attribute("minRequiredRevision")!.Value);
            foreach (var language in Languages)
            {
                var adml = Adml(language);
                Assert.Equal(Ns + "policyDefinitionResources", adml.Root!.Name);
                Assert.Equal("1.0", (string?)adml.Root.Attribute("schemaVersion"));
                Assert.All(adml.Descendants(), e => Assert.Contains(e.Name.LocalName, AdmlElements));
                Assert.Equal(new[] { "displayName", "description", "resources" }, adml.Root.Elements().Select(e => e.Name.LocalName));
            }
        }

        [Fact]
        public void EveryValueTheReaderReadsHasAMachinePolicyAndEveryPolicyNamesOne()
        {
            var read = NamesTheReaderReads();
            var policies = Policies();
            Assert.Equal(read.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), policies.Select(p => p.ValueName).OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
            foreach (var (policy, valueName, _) in policies)
            {
                Assert.Equal("Machine", (string?)policy.Attribute("class"));
                Assert.Equal(@"Software\Policies\SecureMFA", (string?)policy.Attribute("key"));
                Assert.Equal(valueName, (string?)policy.Attribute("name"));
            }
            Assert.Equal(policies.Count, policies.Select(p => (string)p.Policy.Attribute("name")!).Distinct().Count());
        }

        /// <summary>What each policy can write, written under Group Policy's key, is what the reader accepts; one past a range it refuses.</summary>
        [Fact]
        public void EachPolicysTypeAndRangeIsWhatTheReaderAccepts()
        {
            foreach (var (policy, valueName, element) in Policies())
            {
                if (element == null)
                {
                    var on = (int)policy.Element(Ns + "enabledValue")!.Element(Ns + "decimal")!.Attribute("value")!;
                    var off = (int)policy.Element(Ns + "disabledValue")!.Element(Ns + "decimal")!.Attribute("value")!;
                    Assert.Equal((1, 0), (on, off));
                    Assert.True(Accepts(valueName, 1) && Accepts(valueName, 0) && !Accepts(valueName, 2), $"{valueName} as a 1/0 REG_DWORD");
                }
                else if (element.Name == Ns + "decimal")
                {
                    // decimal writes a REG_DWORD unless storeAsText says otherwise.
                    Assert.Null(element.Attribute("storeAsText"));
                    var min = (int)element.Attribute("minValue")!;
                    var max = (int)element.Attribute("maxValue")!;
                    Assert.True(Accepts(valueName, min), $"{valueName}={min}");
                    Assert.True(Accepts(valueName, max), $"{valueName}={max}");
                    Assert.False(Accepts(valueName, max + 1), $"{valueName}={max + 1}");
                    if (min > 0) Assert.False(Accepts(valueName, min - 1), $"{valueName}={min - 1}");
                }
                else if (element.Name == Ns + "enum")
                {
                    var words = element.Elements(Ns + "item").Select(i => i.Element(Ns + "value")!.Element(Ns + "string")!.Value).ToList();
                    Assert.NotEmpty(words);
                    Assert.All(words, word => Assert.True(Accepts(valueName, word), $"{valueName}={word}"));
                    Assert.False(Accepts(valueName, "not-a-choice"), $"{valueName} takes any word");
                }
                else if (element.Name == Ns + "multiText")
                {
                    // multiText writes REG_MULTI_SZ, one entry a line: what the reader takes for a list, and nothing else.
                    Assert.Equal(SettingKind.List, SettingCatalogue.Find(valueName)!.Kind);
                    var entry = valueName == SettingNames.AllowedProviders ? "{8fd7e19c-3bf7-489b-a72c-846ab3678c96}" : "S-1-5-21-1-2-3-1001";
                    Assert.True(Accepts(valueName, new[] { entry }), $"{valueName} as REG_MULTI_SZ");
                    Assert.False(Accepts(valueName, 7), $"{valueName} takes a number");
                }
                else
                {
                    Assert.Equal(Ns + "text", element.Name);
                    Assert.Null(element.Attribute("expandable")); // REG_SZ, not REG_EXPAND_SZ
                    Assert.Equal(SettingKind.Text, SettingCatalogue.Find(valueName)!.Kind);
                }
            }
        }

        [Fact]
        public void EveryLanguageHasEveryStringAndPresentationTheAdmxUses()
        {
            var admx = Admx();
            var attributes = admx.Descendants().SelectMany(e => e.Attributes()).Select(a => a.Value).ToList();
            var strings = attributes.SelectMany(v => Regex.Matches(v, @"\$\(string\.([^)]+)\)").Select(m => m.Groups[1].Value)).Distinct().ToList();
            var presentations = attributes.SelectMany(v => Regex.Matches(v, @"\$\(presentation\.([^)]+)\)").Select(m => m.Groups[1].Value)).Distinct().ToList();
            Assert.NotEmpty(strings);
            var english = Adml("en-US");
            foreach (var language in Languages)
            {
                var adml = Adml(language);
                var table = adml.Descendants(Ns + "string").ToDictionary(s => (string)s.Attribute("id")!, s => s.Value);
                Assert.Empty(strings.Except(table.Keys));
                Assert.All(table.Values, text => Assert.False(string.IsNullOrWhiteSpace(text)));
                var shown = adml.Descendants(Ns + "presentation").ToDictionary(p => (string)p.Attribute("id")!);
                Assert.Empty(presentations.Except(shown.Keys));
                // Each presentation's controls are the policy's elements, of the matching kind.
                foreach (var policy in admx.Descendants(Ns + "policy").Where(p => p.Attribute("presentation") != null))
                {
                    var id = Regex.Match((string)policy.Attribute("presentation")!, @"\$\(presentation\.([^)]+)\)").Groups[1].Value;
                    var controls = shown[id].Elements().ToDictionary(c => (string)c.Attribute("refId")!, c => c.Name.LocalName);
                    var elements = policy.Element(Ns + "elements")!.Elements().ToDictionary(e => (string)e.Attribute("id")!, e => Control(e.Name.LocalName));
                    Assert.Equal(elements, controls);
                }
                if (language != "en-US")
                    Assert.NotEqual(english.Root!.Element(Ns + "description")!.Value, adml.Root!.Element(Ns + "description")!.Value);
            }
            // The current settings are translated (a later one may show English until it is).
            foreach (var language in Languages.Skip(1))
                Assert.NotEqual(english.Descendants(Ns + "string").Single(s => (string)s.Attribute("id")! == "win_rdponly_Explain").Value,
                    Adml(language).Descendants(Ns + "string").Single(s => (string)s.Attribute("id")! == "win_rdponly_Explain").Value);
        }

        [Fact]
        public void ThePolicyTemplatesAreCommittedOnlyAsTheirGenerator()
        {
            // One source: the files are made at build time from the catalogue, so a checked-in copy would drift.
            Assert.False(File.Exists(Path.Combine(Testing.RepositoryPaths.Root, "SecureMFA.admx")));
            Assert.True(File.Exists(Testing.RepositoryPaths.Of("docs/admx-schema-facts.md")));
        }

        private static string Control(string element) => element switch
        {
            "decimal" => "decimalTextBox",
            "enum" => "dropdownList",
            "multiText" => "multiTextBox",
            _ => "textBox",
        };

        /// <summary>
        /// A choice, which the catalogue has none of yet: the enum element with one item per word (the registry's spelling,
        /// REG_SZ), a drop-down list preselecting the default, and a string per item in every language.
        /// </summary>
        [Fact]
        public void AChoiceSettingIsADropDownOfItsWords()
        {
            var choice = Setting.Choice("win_example_policy", "example_policy", "Deny", new[] { "Deny", "Allow", "Grace" }, "Example (example_policy)", "An example of a choice among three words.");
            var admx = PolicyTemplates.Admx(new[] { choice });
            var element = admx.Descendants(Ns + "enum").Single();
            Assert.Equal(("win_example_policy", "win_example_policy", "true"), ((string)element.Attribute("id")!, (string)element.Attribute("valueName")!, (string)element.Attribute("required")!));
            Assert.Equal(new[] { "Deny", "Allow", "Grace" }, element.Elements(Ns + "item").Select(i => i.Element(Ns + "value")!.Element(Ns + "string")!.Value));
            Assert.All(admx.Descendants(), e => Assert.Contains(e.Name.LocalName, AdmxElements));
            foreach (var language in Languages)
            {
                var adml = PolicyTemplates.Adml(language, new[] { choice });
                Assert.All(adml.Descendants(), e => Assert.Contains(e.Name.LocalName, AdmlElements));
                var ids = adml.Descendants(Ns + "string").Select(s => (string)s.Attribute("id")!).ToList();
                foreach (var item in element.Elements(Ns + "item"))
                    Assert.Contains(Regex.Match((string)item.Attribute("displayName")!, @"\$\(string\.([^)]+)\)").Groups[1].Value, ids);
                var list = adml.Descendants(Ns + "dropdownList").Single();
                Assert.Equal(("win_example_policy", "0"), ((string)list.Attribute("refId")!, (string)list.Attribute("defaultItem")!));
            }
            Assert.Contains("(REG_SZ, Deny | Allow | Grace)", PolicyTemplates.RegistryLine(choice));
            Assert.Equal("Deny", WixSource.DefaultOf(choice));
        }

        [Fact]
        public void EveryCatalogueSettingIsTranslatedInEveryLanguageOfTheAdml()
        {
            foreach (var language in Languages.Skip(1))
            {
                var texts = PolicyTexts.For(language);
                foreach (var setting in SettingCatalogue.All)
                {
                    Assert.True(texts.Translates(setting), $"{setting.ValueName} has no {language} title and description in PolicyTexts.");
                    var (title, description) = texts.Setting(setting);
                    Assert.NotEqual(setting.Title, title);
                    Assert.NotEqual(setting.Description, description);
                    // The names an administrator looks for stay as they are: the parameter in the title, the choices' words.
                    Assert.Contains($"({setting.Parameter})", title);
                    foreach (var choice in setting.Choices) Assert.Contains(choice, description);
                    foreach (var clsid in System.Text.RegularExpressions.Regex.Matches(setting.Description, @"\{[0-9a-f-]{36}\}").Select(m => m.Value)) Assert.Contains(clsid, description);
                }
                // And the built ADML says so: its string for each policy is the translation.
                var strings = Adml(language).Descendants(Ns + "string").ToDictionary(e => (string)e.Attribute("id")!, e => e.Value);
                foreach (var setting in SettingCatalogue.All) Assert.Equal(texts.Setting(setting).Title, strings[setting.ValueName]);
            }
        }

        [Fact]
        public void TheTilesOwnTextsAreLimitedInTheEditorToWhatTheTileShows()
        {
            var texts = Policies().Where(p => p.Element?.Name == Ns + "text").ToDictionary(p => p.ValueName, p => (int)p.Element!.Attribute("maxLength")!);
            Assert.Equal(32, texts[SettingNames.TileLabel]);
            Assert.Equal(120, texts[SettingNames.HelpdeskText]);
        }

        private static bool Accepts(string valueName, object value)
        {
            var registry = new FakeRegistry();
            registry.SetValue("", SettingNames.AnchorDnsName, "adatum.labnet");
            registry.SetValue("", SettingNames.ApiEndpoint, "https://awebapi.adatum.labnet/api/securemfaotp");
            // The proxy's values depend on each other: a switched-on proxy needs the other two.
            registry.SetValue("", SettingNames.ProxyServer, "proxy.adatum.labnet");
            registry.SetValue("", SettingNames.ProxyPort, 8080);
            registry.Policies[valueName] = value;
            if (valueName == SettingNames.ProxyPort && value is 0) registry.Policies[SettingNames.ProxyEnable] = 0;
            return SettingsReader.Read(registry).IsValid;
        }

        private sealed class RecordingRegistry : IMachineRegistry
        {
            public List<string> Names { get; } = new List<string>();
            public object? GetValue(string subKey, string name) { if (subKey.Length == 0) Names.Add(name); return null; }
            public object? GetPolicyValue(string name) { Names.Add(name); return null; }
            public void SetValue(string subKey, string name, object value) { }
            public void DeleteValue(string subKey, string name) { }
            public void ProtectKey(string subKey) { }
            public IReadOnlyList<string>? OthersWithAccess(string subKey) => null;
        }
    }
}
