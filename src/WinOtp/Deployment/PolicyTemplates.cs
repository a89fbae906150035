using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Deployment
{
    /// <summary>
    /// SecureMFA.admx and its .adml files, one policy per <see cref="SettingCatalogue"/> entry, all under the machine key
    /// Software\Policies\SecureMFA with the registry value the provider reads (<see cref="SettingsReader"/> lets them win
    /// over HKLM\Software\SecureMFA): a flag is enabled = 1 / disabled = 0 (REG_DWORD), a number a decimal element
    /// (REG_DWORD) with the reader's range, text a text element (REG_SZ), a choice an enum element of its words (REG_SZ,
    /// a drop-down list). English comes from the catalogue; the other
    /// languages (the tile's: fr-FR, de-DE, es-ES, nl-NL) from <see cref="PolicyTexts"/>, English where a new setting has
    /// no translation yet. The element names are the ADMX schema's (see docs/admx-schema-facts.md).
    /// </summary>
    public static class PolicyTemplates
    {
        public static readonly XNamespace Ns = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions";
        public const string FileName = "SecureMFA";
        public const string TargetNamespace = "SecureMFA.Policies.WinOtp";
        public const string Category = "SecureMFA_WIN_OTP";
        public const string SupportedOn = "SUPPORTED_SecureMFA_WinOtp";
        public const string Revision = "1.0";
        public static readonly string[] Languages = { "en-US", "fr-FR", "de-DE", "es-ES", "nl-NL" };
        /// <summary>Text values in the registry are short (URLs, host names); the editor's text box is limited to this.</summary>
        public const int TextMaxLength = 1024;

        public static string PolicyKey => SettingNames.PolicyRegistryPath.Substring(@"HKLM\".Length);

        public static XDocument Admx() => Admx(SettingCatalogue.All);

        public static XDocument Admx(IReadOnlyList<Setting> settings)
        {
            var policies = new XElement(Ns + "policies");
            foreach (var setting in settings)
            {
                var policy = new XElement(Ns + "policy",
                    new XAttribute("name", setting.ValueName), new XAttribute("class", "Machine"),
                    new XAttribute("displayName", $"$(string.{setting.ValueName})"), new XAttribute("explainText", $"$(string.{setting.ValueName}_Explain)"),
                    setting.Kind == SettingKind.Flag ? null : new XAttribute("presentation", $"$(presentation.{setting.ValueName})"),
                    new XAttribute("key", PolicyKey),
                    setting.Kind == SettingKind.Flag ? new XAttribute("valueName", setting.ValueName) : null,
                    new XElement(Ns + "parentCategory", new XAttribute("ref", Category)),
                    new XElement(Ns + "supportedOn", new XAttribute("ref", SupportedOn)));
                switch (setting.Kind)
                {
                    case SettingKind.Flag:
                        policy.Add(new XElement(Ns + "enabledValue", new XElement(Ns + "decimal", new XAttribute("value", "1"))),
                            new XElement(Ns + "disabledValue", new XElement(Ns + "decimal", new XAttribute("value", "0"))));
                        break;
                    case SettingKind.Number:
                        policy.Add(new XElement(Ns + "elements", new XElement(Ns + "decimal", new XAttribute("id", setting.ValueName), new XAttribute("valueName", setting.ValueName),
                            new XAttribute("required", "true"), new XAttribute("minValue", Number(setting.Minimum)), new XAttribute("maxValue", Number(setting.Maximum)))));
                        break;
                    case SettingKind.Choice:
                        policy.Add(new XElement(Ns + "elements", new XElement(Ns + "enum", new XAttribute("id", setting.ValueName), new XAttribute("valueName", setting.ValueName),
                            new XAttribute("required", "true"),
                            setting.Choices.Select(choice => new XElement(Ns + "item", new XAttribute("displayName", $"$(string.{ChoiceId(setting, choice)})"),
                                new XElement(Ns + "value", new XElement(Ns + "string", choice)))))));
                        break;
                    case SettingKind.List:
                        // multiText writes REG_MULTI_SZ, one entry a line, as the installer does.
                        policy.Add(new XElement(Ns + "elements", new XElement(Ns + "multiText", new XAttribute("id", setting.ValueName), new XAttribute("valueName", setting.ValueName))));
                        break;
                    default:
                        policy.Add(new XElement(Ns + "elements", new XElement(Ns + "text", new XAttribute("id", setting.ValueName), new XAttribute("valueName", setting.ValueName),
                            new XAttribute("required", "true"), new XAttribute("maxLength", Number(setting.MaxLength > 0 ? setting.MaxLength : TextMaxLength)))));
                        break;
                }
                policies.Add(policy);
            }
            return new XDocument(new XDeclaration("1.0", "utf-8", null),
                new XComment(" Generated by src/WinOtp/Deployment from the settings catalogue (src/WinOtp/Core/Settings/SettingCatalogue.cs); do not edit. "),
                new XElement(Ns + "policyDefinitions", new XAttribute("revision", Revision), new XAttribute("schemaVersion", "1.0"),
                    new XElement(Ns + "policyNamespaces", new XElement(Ns + "target", new XAttribute("prefix", "securemfa"), new XAttribute("namespace", TargetNamespace))),
                    new XElement(Ns + "resources", new XAttribute("minRequiredRevision", Revision)),
                    new XElement(Ns + "supportedOn", new XElement(Ns + "definitions",
                        new XElement(Ns + "definition", new XAttribute("name", SupportedOn), new XAttribute("displayName", $"$(string.{SupportedOn})")))),
                    new XElement(Ns + "categories", new XElement(Ns + "category", new XAttribute("name", Category), new XAttribute("displayName", $"$(string.{Category})"))),
                    policies));
        }

        public static XDocument Adml(string language) => Adml(language, SettingCatalogue.All);

        public static XDocument Adml(string language, IReadOnlyList<Setting> settings)
        {
            var texts = PolicyTexts.For(language);
            var strings = new XElement(Ns + "stringTable",
                String(Category, "SecureMFA WIN OTP"),
                String(SupportedOn, texts.SupportedOn));
            var presentations = new XElement(Ns + "presentationTable");
            foreach (var setting in settings)
            {
                var (title, description) = texts.Setting(setting);
                strings.Add(String(setting.ValueName, title));
                var states = setting.Kind == SettingKind.Flag ? $"{texts.NotConfigured} {texts.Disabled}" : texts.NotConfigured;
                strings.Add(String($"{setting.ValueName}_Explain", $"{description}\n\n{states}\n\n{RegistryLine(setting)}"));
                if (setting.Kind == SettingKind.Number)
                    presentations.Add(new XElement(Ns + "presentation", new XAttribute("id", setting.ValueName),
                        new XElement(Ns + "decimalTextBox", new XAttribute("refId", setting.ValueName), new XAttribute("defaultValue", Number(setting.DefaultNumber)), $"{setting.Parameter}:")));
                else if (setting.Kind == SettingKind.Choice)
                {
                    // The words are the registry's own (the value the reader matches), the same in every language.
                    foreach (var choice in setting.Choices) strings.Add(String(ChoiceId(setting, choice), choice));
                    presentations.Add(new XElement(Ns + "presentation", new XAttribute("id", setting.ValueName),
                        new XElement(Ns + "dropdownList", new XAttribute("refId", setting.ValueName), new XAttribute("noSort", "true"),
                            new XAttribute("defaultItem", Number(setting.Choices.ToList().IndexOf(setting.DefaultText!))), $"{setting.Parameter}:")));
                }
                else if (setting.Kind == SettingKind.List)
                    presentations.Add(new XElement(Ns + "presentation", new XAttribute("id", setting.ValueName),
                        new XElement(Ns + "multiTextBox", new XAttribute("refId", setting.ValueName), $"{setting.Parameter}:")));
                else if (setting.Kind == SettingKind.Text)
                    presentations.Add(new XElement(Ns + "presentation", new XAttribute("id", setting.ValueName),
                        new XElement(Ns + "textBox", new XAttribute("refId", setting.ValueName), new XElement(Ns + "label", $"{setting.Parameter}:"),
                            setting.DefaultText is string text && text.Length > 0 ? new XElement(Ns + "defaultValue", text) : null)));
            }
            return new XDocument(new XDeclaration("1.0", "utf-8", null),
                new XComment(" Generated by src/WinOtp/Deployment from the settings catalogue; do not edit. "),
                new XElement(Ns + "policyDefinitionResources", new XAttribute("revision", Revision), new XAttribute("schemaVersion", "1.0"),
                    new XElement(Ns + "displayName", "SecureMFA WIN OTP"),
                    new XElement(Ns + "description", texts.FileDescription),
                    new XElement(Ns + "resources", strings, presentations)));
        }

        /// <summary>Where the policy writes, with the type and range: the same in every language.</summary>
        public static string RegistryLine(Setting setting) =>
            $"{SettingNames.PolicyRegistryPath}\\{setting.ValueName} ({setting.RegistryType}" +
            (setting.Kind == SettingKind.Number ? $", {setting.Minimum}-{setting.Maximum}" : setting.Kind == SettingKind.Flag ? ", 1 or 0"
                : setting.Kind == SettingKind.Choice ? $", {string.Join(" | ", setting.Choices)}" : setting.Kind == SettingKind.List ? ", one entry a line" : "") +
            $"); MSI property {setting.MsiProperty}; -{setting.Parameter}";

        public static string ChoiceId(Setting setting, string choice) => $"{setting.ValueName}_{choice}";

        private static XElement String(string id, string text) => new XElement(Ns + "string", new XAttribute("id", id), text);

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
