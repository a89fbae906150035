using System;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using SecureMFA.WinOtp.Cmdlets;
using SecureMFA.WinOtp.Settings;
using Xunit;

namespace SecureMFA.WinOtp.Deployment.Tests
{
    /// <summary>The install cmdlet, InstallSettings and RegistryLayout against the settings catalogue: one list, both ways.</summary>
    public class InstallerCatalogueTests
    {
        /// <summary>The original's parameters this version accepts and does not write (see SettingNames.NotUsed and the cmdlet's help).</summary>
        private static readonly string[] NotSettings = { "api_headers_value", "data_encryption_passphrase", "serialkey", "subscriptionid" };

        [Fact]
        public void EveryInstallParameterIsACatalogueSettingAndEverySettingAParameter()
        {
            var parameters = typeof(InstallProviderCommand).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttributes<ParameterAttribute>().Any()).Select(p => p.Name).Except(NotSettings).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(SettingCatalogue.All.Select(s => s.Parameter).OrderBy(n => n, StringComparer.Ordinal), parameters);
        }

        [Fact]
        public void TheInstallerWritesEverySettingOnceWithTheCataloguesTypeAndDefault()
        {
            var values = new InstallSettings { AnchorDnsName = "adatum.labnet", ApiEndpoint = "https://awebapi.adatum.labnet/api/securemfaotp" }.Values();
            Assert.Equal(SettingCatalogue.All.Select(s => s.ValueName), values.Select(v => v.Name));
            foreach (var (setting, value) in SettingCatalogue.All.Zip(values))
            {
                Assert.Equal(SettingNames.RegistryPath, value.Key);
                Assert.Equal(setting.IsText ? RegistryEntry.String : setting.Kind == SettingKind.List ? RegistryEntry.MultiString : RegistryEntry.DWord, value.Kind);
                if (setting.Kind == SettingKind.List) Assert.Empty((string[])value.Value!);
                else if (setting.IsText) { if (setting.Kind == SettingKind.Choice) Assert.Equal(setting.DefaultText, value.Value); }
                else Assert.Equal(setting.DefaultNumber, value.Value);
            }
            Assert.True(new InstallSettings { AnchorDnsName = "adatum.labnet", ApiEndpoint = "https://awebapi.adatum.labnet/api/securemfaotp" }.Check().IsValid);
            Assert.Equal(SettingCatalogue.All.Select(s => s.ValueName), RegistryLayout.SettingValueNames.Take(SettingCatalogue.All.Count));
        }

        [Fact]
        public void TheCmdletsDefaultsAreTheCatalogues()
        {
            var command = new InstallProviderCommand();
            foreach (var setting in SettingCatalogue.All)
            {
                var value = typeof(InstallProviderCommand).GetProperty(setting.Parameter)!.GetValue(command);
                if (setting.Kind == SettingKind.List) Assert.Empty((string[])value!);
                else if (setting.Kind == SettingKind.Choice) Assert.Equal(setting.DefaultText, (string)value!, ignoreCase: true);
                else if (!setting.IsText) Assert.Equal(setting.DefaultNumber, value is bool flag ? (flag ? 1 : 0) : (int)value!);
            }
        }

        /// <summary>docs/win-otp.md's properties table names every setting: the administrator's reference cannot fall behind.</summary>
        [Fact]
        public void TheDeploymentDocsListEveryMsiProperty()
        {
            var docs = System.IO.File.ReadAllText(Testing.RepositoryPaths.Of("docs/win-otp.md"));
            foreach (var setting in SettingCatalogue.All)
                Assert.Contains($"| `{setting.MsiProperty}` | `{setting.ValueName}` |", docs);
        }
    }
}
