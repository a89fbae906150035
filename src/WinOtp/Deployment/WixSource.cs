using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using SecureMFA.WinOtp.Cmdlets;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Deployment
{
    /// <summary>
    /// The MSI's WiX source, made from what the PowerShell installer does: the files of <see cref="ProviderInstallation.Files"/>
    /// into %ProgramFiles%\SecureMFA WIN OTP\&lt;version&gt;, and every registry entry of <see cref="RegistryLayout.For"/>,
    /// each setting's value taken from its MSI property (<see cref="Setting.MsiProperty"/>, default the catalogue's).
    /// What wixl 0.101 cannot say in WiX (launch conditions, key-only registry rows, secure properties) is added to the
    /// built database afterwards as SQL (<see cref="DatabaseFixups"/>), with the same sources.
    /// </summary>
    public static class WixSource
    {
        public static readonly XNamespace Wix = "http://schemas.microsoft.com/wix/2006/wi";

        /// <summary>Never changes: every version of the MSI upgrades every earlier one (major upgrade).</summary>
        public const string UpgradeCode = "{6D0F5C58-2E1B-4F0B-9A53-0E5B7C1D4A21}";
        public const string Manufacturer = "SecureMFA OTP";
        public const string ProductName = "SecureMFA WIN OTP";
        /// <summary>The .NET Framework 4.7.2 Release value (Windows 10 1803's is 461808; every other OS's 4.7.2 has 461814).</summary>
        public const int NetFramework472Release = 461808;
        public const string NetFrameworkKey = @"SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full";
        public const string NetFrameworkProperty = "NETFRAMEWORKRELEASE";
        /// <summary>Properties read from Group Policy's key, so a computer whose GPO sets the two required values installs without them.</summary>
        public static string PolicyProperty(Setting setting) => $"GPO_{setting.MsiProperty}";
        /// <summary>
        /// Where the MSI remembers the properties it was given (REG_SZ, one per property; the module has no such key): an
        /// MSI keeps no property across a repair or an upgrade, and a setting must not fall back to its default then.
        /// </summary>
        public const string MsiPropertiesKey = @"HKLM\Software\SecureMFA\MsiProperties";
        public static string RememberedProperty(Setting setting) => $"INSTALLED_{setting.MsiProperty}";

        public const string ProviderFileId = "ProviderDll";
        public const string SettingsComponent = "Settings";
        public const string ComComponent = "ComClasses";
        public const string ProviderComponent = "CredentialProvider";
        public const string FilterComponent = "CredentialProviderFilter";

        public static string MsiFileName(string release) => $"SecureMFA_WIN_OTP-{release}-x64.msi";

        /// <summary>The launch conditions, in order: what the PowerShell installer refuses, the MSI refuses too.</summary>
        public static IReadOnlyList<(string Condition, string Message)> LaunchConditions => new[]
        {
            ("VersionNT64", "SecureMFA WIN OTP is a 64-bit credential provider (LogonUI is 64-bit): install it on x64 Windows 10 / Server 2016 or later."),
            ($"Installed OR ({NetFrameworkProperty} AND {NetFrameworkProperty} >= \"#{NetFramework472Release}\")",
                $"SecureMFA WIN OTP needs .NET Framework 4.7.2 or later (HKLM\\{NetFrameworkKey} Release {NetFramework472Release} or more): install it first."),
            ($"Installed OR (({SettingCatalogue.ApiEndpoint.MsiProperty} OR {PolicyProperty(SettingCatalogue.ApiEndpoint)}) AND ({SettingCatalogue.AnchorDnsName.MsiProperty} OR {PolicyProperty(SettingCatalogue.AnchorDnsName)}))",
                $"Give {SettingCatalogue.ApiEndpoint.MsiProperty} and {SettingCatalogue.AnchorDnsName.MsiProperty} (msiexec /i {MsiFileName("<version>")} /qn {SettingCatalogue.ApiEndpoint.MsiProperty}=https://<host>/api/securemfaotp {SettingCatalogue.AnchorDnsName.MsiProperty}=<UPN suffix>), or set both by Group Policy (HKLM\\Software\\Policies\\SecureMFA) before installing."),
        };

        /// <summary>The MSI property's default: the catalogue's (a flag as 1 or 0; empty for none).</summary>
        public static string DefaultOf(Setting setting) => setting.IsText ? setting.DefaultText ?? ""
            : setting.Kind == SettingKind.List ? ""
            : setting.DefaultNumber.ToString(CultureInfo.InvariantCulture);

        /// <summary>How the Registry table spells the value of an entry: "#" before a DWORD, a setting as its property.</summary>
        public static string RegistryValue(RegistryEntry entry)
        {
            var setting = SettingOf(entry);
            var text = setting != null ? $"[{setting.MsiProperty}]"
                : entry.Name == "CodeBase" ? $"file:///[#{ProviderFileId}]"
                : Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? "";
            // A list property is one line, entries separated by ';' (the reader splits them); [~] around it makes the value
            // a REG_MULTI_SZ that replaces what was there, as the module writes it.
            return entry.Kind == RegistryEntry.DWord ? $"#{text}" : entry.Kind == RegistryEntry.MultiString ? $"[~]{text}[~]" : text;
        }

        public static Setting? SettingOf(RegistryEntry entry) =>
            entry.Key.Equals(SettingNames.RegistryPath, StringComparison.OrdinalIgnoreCase) ? SettingCatalogue.Find(entry.Name) : null;

        /// <summary>The key as the Registry table holds it: below HKLM (Root 2).</summary>
        public static string KeyBelowHklm(string key) =>
            key.StartsWith(@"HKLM\", StringComparison.OrdinalIgnoreCase) ? key.Substring(5) : throw new ArgumentException($"{key} is not under HKLM.", nameof(key));

        /// <summary>Which component owns an entry: uninstalling the component removes it.</summary>
        public static string ComponentOf(RegistryEntry entry) =>
            entry.Key.StartsWith(RegistryLayout.ClassesRoot, StringComparison.OrdinalIgnoreCase) ? ComComponent
            : entry.Key.StartsWith(RegistryLayout.CredentialProviderFilters, StringComparison.OrdinalIgnoreCase) ? FilterComponent
            : entry.Key.StartsWith(RegistryLayout.CredentialProviders, StringComparison.OrdinalIgnoreCase) ? ProviderComponent
            : SettingsComponent;

        /// <summary>The entries the MSI writes: all of RegistryLayout's (the Device key's ACL by <see cref="DatabaseFixups"/>).</summary>
        public static IReadOnlyList<RegistryEntry> Entries(ProviderInstallation provider) => RegistryLayout.For(new InstallSettings(), provider);

        public const string DeviceKeyRow = "DeviceKey";
        public const string DeviceKeyLock = "DeviceKeyAcl";

        public static XDocument Build(string release, string stagedProviderFolder, string assemblyFullName)
        {
            // The path in CodeBase comes from [#ProviderDll]; the folder given here only names the release.
            var provider = new ProviderInstallation(@"C:\Program Files", assemblyFullName);
            if (provider.Release != release) throw new ArgumentException($"The staged provider is version {provider.Release}, the build {release}.", nameof(release));
            var entries = Entries(provider);

            var product = new XElement(Wix + "Product",
                new XAttribute("Id", "*"), new XAttribute("Name", ProductName), new XAttribute("Language", "1033"),
                new XAttribute("Version", release), new XAttribute("Manufacturer", Manufacturer), new XAttribute("UpgradeCode", UpgradeCode),
                new XElement(Wix + "Package", new XAttribute("InstallerVersion", "500"), new XAttribute("Compressed", "yes"), new XAttribute("InstallScope", "perMachine"),
                    new XAttribute("Description", $"{ProductName} {release}: one-time codes at Windows logon, unlock and Remote Desktop")),
                new XElement(Wix + "Media", new XAttribute("Id", "1"), new XAttribute("Cabinet", "winotp.cab"), new XAttribute("EmbedCab", "yes")),
                new XElement(Wix + "MajorUpgrade", new XAttribute("DowngradeErrorMessage", $"A newer {ProductName} is installed: uninstall it first to go back to {release}.")),
                new XElement(Wix + "Property", new XAttribute("Id", NetFrameworkProperty),
                    new XElement(Wix + "RegistrySearch", new XAttribute("Id", "NetFrameworkRelease"), new XAttribute("Root", "HKLM"), new XAttribute("Key", NetFrameworkKey),
                        new XAttribute("Name", "Release"), new XAttribute("Type", "raw"), new XAttribute("Win64", "yes"))));
            // Every installer parameter is a public property. Its value comes from the command line, else from what the
            // installed version was given (remembered under MsiPropertiesKey: a repair or a major upgrade run without
            // properties keeps the computer's settings), else the installer's default: set by the custom actions of
            // DatabaseFixups, so the Property table holds no default that would hide the remembered value.
            foreach (var setting in SettingCatalogue.All)
                product.Add(new XElement(Wix + "Property", new XAttribute("Id", RememberedProperty(setting)),
                    new XElement(Wix + "RegistrySearch", new XAttribute("Id", $"Remembered_{setting.MsiProperty}"), new XAttribute("Root", "HKLM"),
                        new XAttribute("Key", KeyBelowHklm(MsiPropertiesKey)), new XAttribute("Name", setting.MsiProperty),
                        new XAttribute("Type", "raw"), new XAttribute("Win64", "yes"))));
            foreach (var setting in SettingCatalogue.All.Where(s => s.Required))
                product.Add(new XElement(Wix + "Property", new XAttribute("Id", PolicyProperty(setting)),
                    new XElement(Wix + "RegistrySearch", new XAttribute("Id", $"Policy_{setting.MsiProperty}"), new XAttribute("Root", "HKLM"),
                        new XAttribute("Key", KeyBelowHklm(SettingNames.PolicyRegistryPath)), new XAttribute("Name", setting.ValueName),
                        new XAttribute("Type", "raw"), new XAttribute("Win64", "yes"))));

            var files = new XElement(Wix + "Directory", new XAttribute("Id", "INSTALLFOLDER"), new XAttribute("Name", release));
            foreach (var file in ProviderInstallation.Files)
            {
                var id = file == CredentialProvider.Interop.ProviderIds.AssemblyFileName ? ProviderFileId : $"File_{file.Replace(".", "_")}";
                files.Add(new XElement(Wix + "Component", new XAttribute("Id", $"C_{id}"), new XAttribute("Guid", StableGuid($"file|{release}|{file}")), new XAttribute("Win64", "yes"),
                    new XElement(Wix + "File", new XAttribute("Id", id), new XAttribute("Name", file), new XAttribute("Source", $"{stagedProviderFolder.Replace('\\', '/')}/{file}"), new XAttribute("KeyPath", "yes"))));
            }
            var components = new[] { SettingsComponent, ComComponent, ProviderComponent, FilterComponent };
            var index = 0;
            foreach (var component in components)
            {
                var element = new XElement(Wix + "Component", new XAttribute("Id", component), new XAttribute("Guid", StableGuid($"registry|{release}|{component}")), new XAttribute("Win64", "yes"));
                var first = true;
                foreach (var entry in entries.Where(e => e.Kind != RegistryEntry.KeyOnly && e.Kind != RegistryEntry.ProtectedKey && ComponentOf(e) == component))
                {
                    element.Add(new XElement(Wix + "RegistryValue", new XAttribute("Id", $"Reg{index++:D3}"), new XAttribute("Root", "HKLM"), new XAttribute("Key", KeyBelowHklm(entry.Key)),
                        entry.Name.Length == 0 ? null : new XAttribute("Name", entry.Name),
                        new XAttribute("Type", entry.Kind == RegistryEntry.DWord ? "integer" : "string"),
                        new XAttribute("Value", RegistryValueText(entry)),
                        first ? new XAttribute("KeyPath", "yes") : null));
                    first = false;
                }
                if (component == SettingsComponent)
                    foreach (var setting in SettingCatalogue.All)
                        element.Add(new XElement(Wix + "RegistryValue", new XAttribute("Id", $"Remember{index++:D3}"), new XAttribute("Root", "HKLM"),
                            new XAttribute("Key", KeyBelowHklm(MsiPropertiesKey)), new XAttribute("Name", setting.MsiProperty),
                            new XAttribute("Type", "string"), new XAttribute("Value", $"[{setting.MsiProperty}]")));
                files.Add(element);
            }

            product.Add(new XElement(Wix + "Directory", new XAttribute("Id", "TARGETDIR"), new XAttribute("Name", "SourceDir"),
                new XElement(Wix + "Directory", new XAttribute("Id", "ProgramFiles64Folder"),
                    new XElement(Wix + "Directory", new XAttribute("Id", "PRODUCTFOLDER"), new XAttribute("Name", ProviderInstallation.ProductFolderName), files))));
            product.Add(new XElement(Wix + "Feature", new XAttribute("Id", "WinOtp"), new XAttribute("Title", ProductName), new XAttribute("Level", "1"),
                files.Elements(Wix + "Component").Select(c => new XElement(Wix + "ComponentRef", new XAttribute("Id", (string)c.Attribute("Id")!)))));
            return new XDocument(new XDeclaration("1.0", "utf-8", null),
                new XComment($" Generated by src/WinOtp/Deployment from the settings catalogue and RegistryLayout; do not edit. "),
                new XElement(Wix + "Wix", product));
        }

        /// <summary>What WiX's Value attribute holds (WiX adds the "#" of a DWORD itself from Type="integer").</summary>
        private static string RegistryValueText(RegistryEntry entry)
        {
            var value = RegistryValue(entry);
            return entry.Kind == RegistryEntry.DWord ? value.Substring(1) : value;
        }

        /// <summary>
        /// SQL run on the built database for what wixl cannot write: the launch conditions; the Device key's ACL; key-only rows ("+", created on
        /// install: the .NET category key) and "-" rows that delete the installer's own keys whole on uninstall, as the
        /// module's Uninstall does (<see cref="RegistryLayout.OwnedKeys"/>); each property's remembered value or default
        /// (type 51 custom actions); every catalogue property as secure, so a managed
        /// (Group Policy software installation) install passes it to the server side.
        /// </summary>
        public static IReadOnlyList<string> DatabaseFixups(ProviderInstallation provider, string existingSecureProperties)
        {
            var queries = new List<string>();
            foreach (var (condition, message) in LaunchConditions)
                queries.Add($"INSERT INTO `LaunchCondition` (`Condition`, `Description`) VALUES ('{Sql(condition)}', '{Sql(message)}')");
            // The Device key, created with its own ACL (MsiLockPermissionsEx, Windows Installer 5.0; wixl has no Permission
            // element): set again on every install and repair, as the module's Install does; a registration already in it is kept.
            foreach (var entry in Entries(provider).Where(e => e.Kind == RegistryEntry.ProtectedKey))
            {
                queries.Add("CREATE TABLE `MsiLockPermissionsEx` (`MsiLockPermissionsEx` CHAR(72) NOT NULL, `LockObject` CHAR(72) NOT NULL, `Table` CHAR(32) NOT NULL, " +
                    "`SDDLText` LONGCHAR NOT NULL LOCALIZABLE, `Condition` CHAR(255) PRIMARY KEY `MsiLockPermissionsEx`)");
                queries.Add($"INSERT INTO `Registry` (`Registry`, `Root`, `Key`, `Name`, `Component_`) VALUES ('{DeviceKeyRow}', 2, '{Sql(KeyBelowHklm(entry.Key))}', '+', '{SettingsComponent}')");
                queries.Add($"INSERT INTO `MsiLockPermissionsEx` (`MsiLockPermissionsEx`, `LockObject`, `Table`, `SDDLText`) VALUES ('{DeviceKeyLock}', '{DeviceKeyRow}', 'Registry', '{Sql(RegistryLayout.ProtectedKeySddl)}')");
            }
            var index = 0;
            foreach (var entry in Entries(provider).Where(e => e.Kind == RegistryEntry.KeyOnly))
                queries.Add($"INSERT INTO `Registry` (`Registry`, `Root`, `Key`, `Name`, `Component_`) VALUES ('Key{index++:D3}', 2, '{Sql(KeyBelowHklm(entry.Key))}', '+', '{ComponentOf(entry)}')");
            foreach (var key in RegistryLayout.OwnedKeys)
                queries.Add($"INSERT INTO `Registry` (`Registry`, `Root`, `Key`, `Name`, `Component_`) VALUES ('Key{index++:D3}', 2, '{Sql(KeyBelowHklm(key))}', '-', '{ComponentOf(new RegistryEntry(key, "", RegistryEntry.KeyOnly, null))}')");
            // Between AppSearch (50, which reads the remembered values) and LaunchConditions (100), in both sequences.
            var sequence = 51;
            foreach (var setting in SettingCatalogue.All)
            {
                var steps = new List<(string Action, string Value, string Condition)>
                {
                    ($"Remember_{setting.MsiProperty}", $"[{RememberedProperty(setting)}]", $"NOT {setting.MsiProperty} AND {RememberedProperty(setting)}"),
                };
                if (DefaultOf(setting).Length > 0) steps.Add(($"Default_{setting.MsiProperty}", DefaultOf(setting), $"NOT {setting.MsiProperty}"));
                foreach (var (action, value, condition) in steps)
                {
                    queries.Add($"INSERT INTO `CustomAction` (`Action`, `Type`, `Source`, `Target`) VALUES ('{action}', 51, '{setting.MsiProperty}', '{Sql(value)}')");
                    foreach (var table in new[] { "InstallExecuteSequence", "InstallUISequence" })
                        queries.Add($"INSERT INTO `{table}` (`Action`, `Condition`, `Sequence`) VALUES ('{action}', '{Sql(condition)}', {sequence})");
                    sequence++;
                }
            }
            if (sequence >= 100) throw new InvalidOperationException("Too many settings for the custom actions between AppSearch and LaunchConditions.");
            var secure = existingSecureProperties.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
                .Concat(SettingCatalogue.All.Select(s => s.MsiProperty)).Distinct();
            queries.Add($"UPDATE `Property` SET `Value` = '{Sql(string.Join(";", secure))}' WHERE `Property` = 'SecureCustomProperties'");
            return queries;
        }

        private static string Sql(string text) => text.Replace("'", "''");

        /// <summary>A GUID that is the same at every build of a release (component GUIDs must not change between builds of one version).</summary>
        public static string StableGuid(string name)
        {
            using var md5 = MD5.Create();
            var hash = md5.ComputeHash(Encoding.UTF8.GetBytes($"SecureMFA WIN OTP|{name}"));
            hash[6] = (byte)((hash[6] & 0x0F) | 0x30);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash).ToString("B").ToUpperInvariant();
        }
    }
}
