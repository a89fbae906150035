using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using SecureMFA.WinOtp.Cmdlets;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.Settings;
using Xunit;

namespace SecureMFA.WinOtp.Deployment.Tests
{
    /// <summary>
    /// The built SecureMFA_WIN_OTP-&lt;version&gt;-x64.msi, read back table by table, against what the PowerShell installer
    /// does: the same registry layout, the same files in the same folder, a property per parameter, the same refusals.
    /// </summary>
    public class MsiTests
    {
        /// <summary>Never changes between releases: it is what makes a new MSI upgrade an installed one.</summary>
        private const string UpgradeCode = "{6D0F5C58-2E1B-4F0B-9A53-0E5B7C1D4A21}";

        private static MsiTable Table(string name) => MsiTable.Export(BuiltArtifacts.RequireMsi(), name);

        private static ProviderInstallation Provider() => new ProviderInstallation(@"C:\Program Files",
            AssemblyName.GetAssemblyName(Path.Combine(BuiltArtifacts.StagedProvider, ProviderIds.AssemblyFileName)).FullName);

        [Fact]
        public void TheRegistryTableIsTheModulesRegistryLayout()
        {
            var files = Table("File");
            var providerFile = files.Single("FileName", ProviderIds.AssemblyFileName)["File"];
            var provider = Provider();
            var layout = RegistryLayout.For(new InstallSettings(), provider);

            var expected = new List<string>();
            foreach (var entry in layout)
            {
                var key = entry.Key.Substring(@"HKLM\".Length);
                if (entry.Kind == RegistryEntry.KeyOnly || entry.Kind == RegistryEntry.ProtectedKey) { expected.Add($"{key}|+|"); continue; }
                var dword = entry.Kind == RegistryEntry.DWord ? "#" : "";
                string value;
                if (entry.Key == SettingNames.RegistryPath)
                {
                    var property = (SettingCatalogue.Find(entry.Name) ?? throw new InvalidOperationException($"{entry.Name} is written by the installer but not in the catalogue")).MsiProperty;
                    // A list as REG_MULTI_SZ ([~] around it) holding the property's one line (entries separated by ';').
                    value = entry.Kind == RegistryEntry.MultiString ? $"[~][{property}][~]" : $"{dword}[{property}]";
                }
                else if (entry.Name == "CodeBase")
                {
                    // RegAsm's form is file:/// and the path with '/'; the MSI's is the installed file's path as Windows Installer
                    // formats [#file] (with '\'), which .NET's CodeBase accepts too (as WiX's own heat tool writes it).
                    Assert.Equal($"file:///C:/Program Files/SecureMFA WIN OTP/{BuiltArtifacts.Release}/{ProviderIds.AssemblyFileName}", entry.Value);
                    value = $"file:///[#{providerFile}]";
                }
                else value = $"{dword}{entry.Value}";
                expected.Add($"{key}|{entry.Name}|{value}");
            }
            // Uninstall deletes the installer's own keys whole, as Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider does.
            expected.AddRange(RegistryLayout.OwnedKeys.Select(k => $"{k.Substring(@"HKLM\".Length)}|-|"));
            // The one key the module does not have: the MSI's memory of the properties it was given (see below).
            expected.AddRange(SettingCatalogue.All.Select(s => $@"Software\SecureMFA\MsiProperties|{s.MsiProperty}|[{s.MsiProperty}]"));

            var registry = Table("Registry");
            Assert.All(registry.Rows, row => Assert.Equal("2", row["Root"]));
            var actual = registry.Rows.Select(r => $"{r["Key"]}|{r["Name"]}|{r["Value"]}").ToList();
            Assert.Equal(expected.OrderBy(x => x, StringComparer.Ordinal), actual.OrderBy(x => x, StringComparer.Ordinal));
            // The provider's class and its filter, and both Credential Provider (Filter) keys, are among them.
            foreach (var clsid in new[] { RegistryLayout.ProviderClsid, RegistryLayout.FilterClsid })
                Assert.Contains(actual, r => r == $@"SOFTWARE\Classes\CLSID\{clsid}\InprocServer32||mscoree.dll");
            Assert.Contains(actual, r => r.StartsWith($@"SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\Credential Providers\{RegistryLayout.ProviderClsid}||", StringComparison.Ordinal));
            Assert.Contains(actual, r => r.StartsWith($@"SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\Credential Provider Filters\{RegistryLayout.FilterClsid}||", StringComparison.Ordinal));
        }

        /// <summary>Every value the provider reads is one the MSI writes from a property: none can be missing from the MSI.</summary>
        [Fact]
        public void EveryValueTheReaderReadsIsWrittenFromAnMsiProperty()
        {
            var recorder = new NameRecorder();
            SettingsReader.Read(recorder);
            var read = recorder.Names.Except(SettingNames.NotUsed, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.OrdinalIgnoreCase);
            var settings = Table("Registry").Rows.Where(r => r["Key"] == @"Software\SecureMFA").ToList();
            Assert.Equal(read, settings.Select(r => r["Name"]).OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
            var properties = Table("Property").Rows.Select(r => r["Property"]).ToHashSet();
            var secure = properties.Contains("SecureCustomProperties") ? Table("Property").Single("Property", "SecureCustomProperties")["Value"].Split(';') : new string[0];
            foreach (var row in settings)
            {
                var property = System.Text.RegularExpressions.Regex.Match(row["Value"], @"^(?:#|\[~\])?\[([A-Z0-9_]+)\](?:\[~\])?$").Groups[1].Value;
                Assert.True(property.Length > 0, $"{row["Name"]} is written as '{row["Value"]}', not from a property");
                Assert.Contains(property, secure);
            }
        }

        private sealed class NameRecorder : SecureMFA.WinOtp.Platform.IMachineRegistry
        {
            public List<string> Names { get; } = new List<string>();
            public object? GetValue(string subKey, string name) { if (subKey.Length == 0) Names.Add(name); return null; }
            public object? GetPolicyValue(string name) { Names.Add(name); return null; }
            public void SetValue(string subKey, string name, object value) { }
            public void DeleteValue(string subKey, string name) { }
            public void ProtectKey(string subKey) { }
            public IReadOnlyList<string>? OthersWithAccess(string subKey) => null;
        }

        [Fact]
        public void TheDeviceKeyGetsTheModulesAclAndIsNotRemovedOnUninstall()
        {
            var registry = Table("Registry");
            var device = registry.Rows.Single(r => r["Key"] == @"Software\SecureMFA\Device");
            Assert.Equal("+", device["Name"]);
            Assert.DoesNotContain(registry.Rows, r => r["Key"] == @"Software\SecureMFA\Device" && (r["Name"] == "-" || r["Name"] == "*"));

            var locks = Table("MsiLockPermissionsEx");
            var acl = Assert.Single(locks.Rows);
            Assert.Equal(device["Registry"], acl["LockObject"]);
            Assert.Equal("Registry", acl["Table"]);
            Assert.Equal("O:BAG:SYD:PAI(A;CI;KA;;;SY)(A;CI;KA;;;BA)", acl["SDDLText"]);
            Assert.Equal("", acl["Condition"]);
        }

        /// <summary>
        /// Each parameter is a secure public property whose value is, in this order: the command line's, the one the installed
        /// version was given (a repair or an upgrade without properties keeps the settings), the installer's default.
        /// </summary>
        [Fact]
        public void EveryInstallerParameterIsAPublicSecurePropertyRememberedAcrossRepairAndUpgrade()
        {
            var properties = Table("Property").Rows.ToDictionary(r => r["Property"], r => r["Value"]);
            var secure = properties["SecureCustomProperties"].Split(';');
            var actions = Table("CustomAction").Rows.ToDictionary(r => r["Action"]);
            var search = Table("AppSearch").Rows.ToDictionary(r => r["Property"], r => r["Signature_"]);
            var locators = Table("RegLocator");
            var defaults = new InstallSettings();
            foreach (var table in new[] { "InstallExecuteSequence", "InstallUISequence" })
            {
                var sequence = Table(table).Rows.ToDictionary(r => r["Action"]);
                int At(string action) => int.Parse(sequence[action]["Sequence"]);
                foreach (var setting in SettingCatalogue.All)
                {
                    var property = setting.MsiProperty;
                    Assert.Contains(property, secure);
                    // No Property row: it would make the property "given" and hide the remembered value.
                    Assert.False(properties.ContainsKey(property), property);
                    var remembered = locators.Single("Signature_", search[$"INSTALLED_{property}"]);
                    Assert.Equal(("2", @"Software\SecureMFA\MsiProperties", property, "18"), (remembered["Root"], remembered["Key"], remembered["Name"], remembered["Type"]));

                    var remember = actions[$"Remember_{property}"];
                    Assert.Equal(("51", property, $"[INSTALLED_{property}]"), (remember["Type"], remember["Source"], remember["Target"]));
                    Assert.Equal($"NOT {property} AND INSTALLED_{property}", sequence[$"Remember_{property}"]["Condition"]);
                    Assert.InRange(At($"Remember_{property}"), At("AppSearch") + 1, At("LaunchConditions") - 1);

                    var installerDefault = Convert.ToString(defaults.ValueOf(setting), System.Globalization.CultureInfo.InvariantCulture)!;
                    // An empty list, empty text (the required values; sspr_url, whose empty value means the API's host) has no default to set.
                    if (setting == SettingCatalogue.SsprUrl || setting.Kind == SettingKind.List || installerDefault.Length == 0) { Assert.False(actions.ContainsKey($"Default_{property}"), property); continue; }
                    var fallback = actions[$"Default_{property}"];
                    Assert.Equal(("51", property, installerDefault), (fallback["Type"], fallback["Source"], fallback["Target"]));
                    Assert.Equal($"NOT {property}", sequence[$"Default_{property}"]["Condition"]);
                    Assert.InRange(At($"Default_{property}"), At($"Remember_{property}") + 1, At("LaunchConditions") - 1);
                }
            }
            Assert.Equal("1", actions["Default_RDPONLY"]["Target"]);
            Assert.Equal(BuiltArtifacts.Release, properties["ProductVersion"]);
            Assert.Equal(UpgradeCode, properties["UpgradeCode"]);
            Assert.Equal("1", properties["ALLUSERS"]);
            Assert.Matches("^\\{[0-9A-F-]{36}\\}$", properties["ProductCode"]);
        }

        [Fact]
        public void AMajorUpgradeReplacesEveryEarlierVersionAndRefusesADowngrade()
        {
            var upgrade = Table("Upgrade");
            Assert.All(upgrade.Rows, r => Assert.Equal(UpgradeCode, r["UpgradeCode"]));
            var older = upgrade.Single("ActionProperty", "WIX_UPGRADE_DETECTED");
            Assert.Equal(("", BuiltArtifacts.Release), (older["VersionMin"], older["VersionMax"]));
            var newer = upgrade.Single("ActionProperty", "WIX_DOWNGRADE_DETECTED");
            Assert.Equal(BuiltArtifacts.Release, newer["VersionMin"]);
            Assert.Equal("2", newer["Attributes"]); // msidbUpgradeAttributesOnlyDetect
            Assert.Contains(Table("LaunchCondition").Rows, r => r["Condition"] == "NOT WIX_DOWNGRADE_DETECTED");

            var sequence = Table("InstallExecuteSequence").Rows.ToDictionary(r => r["Action"], r => int.Parse(r["Sequence"]));
            // The old version is removed before this one writes anything: its uninstall cannot delete the new registration.
            Assert.InRange(sequence["RemoveExistingProducts"], sequence["InstallValidate"], sequence["InstallInitialize"]);
            Assert.True(sequence["FindRelatedProducts"] < sequence["LaunchConditions"]);
        }

        [Fact]
        public void TheSameRefusalsAsTheModule()
        {
            var conditions = Table("LaunchCondition").Rows.ToDictionary(r => r["Condition"], r => r["Description"]);
            Assert.Contains("VersionNT64", conditions.Keys);
            Assert.Contains(".NET Framework 4.7.2", conditions["Installed OR (NETFRAMEWORKRELEASE AND NETFRAMEWORKRELEASE >= \"#461808\")"]);
            Assert.Contains("Installed OR ((API_ENDPOINT OR GPO_API_ENDPOINT) AND (ANCHORDNSNAME OR GPO_ANCHORDNSNAME))", conditions.Keys);

            // The .NET Framework's Release, a raw 64-bit registry read ("#461808" for a DWORD) before the launch conditions run.
            var search = Table("AppSearch").Rows.ToDictionary(r => r["Property"], r => r["Signature_"]);
            var locators = Table("RegLocator");
            var net = locators.Single("Signature_", search["NETFRAMEWORKRELEASE"]);
            Assert.Equal(("2", @"SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full", "Release", "18"), (net["Root"], net["Key"], net["Name"], net["Type"]));
            foreach (var setting in new[] { SettingCatalogue.ApiEndpoint, SettingCatalogue.AnchorDnsName })
            {
                var policy = locators.Single("Signature_", search[$"GPO_{setting.MsiProperty}"]);
                Assert.Equal(("2", @"Software\Policies\SecureMFA", setting.ValueName, "18"), (policy["Root"], policy["Key"], policy["Name"], policy["Type"]));
            }
            var sequence = Table("InstallExecuteSequence").Rows.ToDictionary(r => r["Action"], r => int.Parse(r["Sequence"]));
            Assert.True(sequence["AppSearch"] < sequence["LaunchConditions"]);
        }

        [Fact]
        public void TheModulesFilesGoToTheModulesFolderAsSixtyFourBitComponents()
        {
            var files = Table("File").Rows;
            Assert.Equal(ProviderInstallation.Files, files.OrderBy(f => int.Parse(f["Sequence"])).Select(f => f["FileName"]));
            // The very files the module's payload ships in provider\ (what Install copies), byte for byte in size.
            Assert.Equal(ProviderInstallation.Files.OrderBy(f => f, StringComparer.Ordinal),
                Directory.GetFiles(BuiltArtifacts.StagedProvider).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));
            foreach (var file in files)
                Assert.Equal(new FileInfo(Path.Combine(BuiltArtifacts.StagedProvider, file["FileName"])).Length.ToString(), file["FileSize"]);

            var components = Table("Component").Rows.ToDictionary(r => r["Component"]);
            var directories = Table("Directory").Rows.ToDictionary(r => r["Directory"]);
            foreach (var file in files)
            {
                var component = components[file["Component_"]];
                Assert.Equal(file["File"], component["KeyPath"]);
                Assert.True((int.Parse(component["Attributes"]) & 256) != 0, $"{file["FileName"]}'s component is not 64-bit");
                // %ProgramFiles%\SecureMFA WIN OTP\<release>, as ProviderInstallation.Folder.
                var folder = directories[component["Directory_"]];
                Assert.Equal(BuiltArtifacts.Release, folder["DefaultDir"]);
                var product = directories[folder["Directory_Parent"]];
                Assert.Equal(ProviderInstallation.ProductFolderName, product["DefaultDir"].Split('|').Last());
                Assert.Equal("ProgramFiles64Folder", product["Directory_Parent"]);
            }
            Assert.All(components.Values, c => Assert.True((int.Parse(c["Attributes"]) & 256) != 0, $"{c["Component"]} is not 64-bit (its registry would go to WOW6432Node)"));
            Assert.Equal(new ProviderInstallation(@"C:\Program Files", Provider().AssemblyFullName).Folder, $@"C:\Program Files\{ProviderInstallation.ProductFolderName}\{BuiltArtifacts.Release}");
        }

        /// <summary>A 64-bit package (64-bit components are refused in a 32-bit one) for Windows Installer 5.0 (MsiLockPermissionsEx).</summary>
        [Fact]
        public void ItIsASixtyFourBitPackageForWindowsInstallerFive()
        {
            var start = new System.Diagnostics.ProcessStartInfo("msiinfo") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "suminfo", BuiltArtifacts.RequireMsi() }) start.ArgumentList.Add(argument);
            using var process = System.Diagnostics.Process.Start(start)!;
            var summary = process.StandardOutput.ReadToEnd().Replace("\r\n", "\n").Split('\n')
                .Where(l => l.Contains(": ")).ToDictionary(l => l.Substring(0, l.IndexOf(": ")), l => l.Substring(l.IndexOf(": ") + 2).Trim());
            process.WaitForExit();
            Assert.Equal("x64;1033", summary["Template"]);
            Assert.StartsWith("500", summary["Version"]);
        }

        [Fact]
        public void EveryComponentIsInstalledByTheOneFeature()
        {
            var components = Table("Component").Rows.Select(r => r["Component"]).OrderBy(c => c, StringComparer.Ordinal);
            var featured = Table("FeatureComponents").Rows.Select(r => r["Component_"]).OrderBy(c => c, StringComparer.Ordinal);
            Assert.Equal(components, featured);
            Assert.Equal("1", Assert.Single(Table("Feature").Rows)["Level"]);
        }
    }
}
