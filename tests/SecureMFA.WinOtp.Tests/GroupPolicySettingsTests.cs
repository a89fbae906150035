using System;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.WinOtp.Events;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;
using SecureMFA.WinOtp.Tests.Fakes;
using Xunit;

namespace SecureMFA.WinOtp.Tests
{
    /// <summary>
    /// Values under HKLM\Software\Policies\SecureMFA win over HKLM\Software\SecureMFA, value by value, and every result
    /// says where each value came from; the settings catalogue lists exactly what the reader reads.
    /// </summary>
    public class GroupPolicySettingsTests
    {
        private static FakeRegistry Local()
        {
            var registry = new FakeRegistry();
            registry.SetValue("", SettingNames.AnchorDnsName, "adatum.labnet");
            registry.SetValue("", SettingNames.ApiEndpoint, "https://local.adatum.labnet/api/securemfaotp");
            registry.SetValue("", SettingNames.RdpOnly, 1);
            registry.SetValue("", SettingNames.ApiTimeout, 4000);
            return registry;
        }

        [Fact]
        public void APolicyValueWinsAndTheOthersStayLocal()
        {
            var registry = Local();
            registry.Policies[SettingNames.RdpOnly] = 0;
            registry.Policies[SettingNames.ApiEndpoint] = "https://gpo.adatum.labnet/api/securemfaotp";

            var result = SettingsReader.Read(registry);

            Assert.True(result.IsValid, string.Join(" ", result.Errors));
            Assert.False(result.RdpOnly);
            Assert.Equal("https://gpo.adatum.labnet/api/securemfaotp", result.Settings!.ApiEndpoint.ToString());
            Assert.Equal(4000, result.Settings.ApiTimeoutMs);
            Assert.Equal("adatum.labnet", result.Settings.AnchorDnsName);
            Assert.Equal(SettingSource.GroupPolicy, result.Sources[SettingNames.RdpOnly]);
            Assert.Equal(SettingSource.GroupPolicy, result.Sources[SettingNames.ApiEndpoint]);
            Assert.Equal(SettingSource.Local, result.Sources[SettingNames.ApiTimeout]);
            Assert.Equal(SettingSource.Default, result.Sources[SettingNames.OfflineValidDays]);
            Assert.Equal(new[] { SettingNames.ApiEndpoint, SettingNames.RdpOnly }, result.FromGroupPolicy.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void GroupPolicyAloneIsAWholeConfiguration()
        {
            var registry = new FakeRegistry();
            registry.Policies[SettingNames.AnchorDnsName] = "contoso.com";
            registry.Policies[SettingNames.ApiEndpoint] = "https://gpo.contoso.com/api/securemfaotp";
            registry.Policies[SettingNames.OfflineValidDays] = 14;

            var result = SettingsReader.Read(registry);

            Assert.True(result.IsValid, string.Join(" ", result.Errors));
            Assert.Equal("contoso.com", result.Settings!.AnchorDnsName);
            Assert.Equal(14, result.Settings.OfflineValidDays);
        }

        [Fact]
        public void AWrongPolicyValueIsAnErrorThatNamesGroupPolicyEvenWhenTheLocalValueIsGood()
        {
            var registry = Local();
            registry.Policies[SettingNames.ApiTimeout] = 99;

            var result = SettingsReader.Read(registry);

            Assert.False(result.IsValid);
            var error = Assert.Single(result.Errors);
            Assert.StartsWith($"{SettingNames.ApiTimeout} (Group Policy, {SettingNames.PolicyRegistryPath}): 99 is outside 500-120000", error);
        }

        [Fact]
        public void AnUnreadablePolicyKeyIsAnErrorNotASilentFallbackToTheLocalValue()
        {
            var registry = new ThrowingPolicies(Local());
            var result = SettingsReader.Read(registry);
            Assert.False(result.IsValid);
            Assert.Contains(result.Errors, e => e.StartsWith($"{SettingNames.AnchorDnsName} cannot be read from {SettingNames.PolicyRegistryPath}"));
            // win_rdponly falls back to "a code everywhere", not to the local 1.
            Assert.False(result.RdpOnly);
        }

        [Fact]
        public void TheVerboseSettingsEventNamesTheGroupPolicyValues()
        {
            var harness = new WinOtpHarness();
            harness.Configure(SettingNames.VerboseLog, 1);
            harness.Registry.Policies[SettingNames.OfflineValidDays] = 3;

            harness.Coordinator();

            var message = Assert.Single(harness.Events.Messages(WinOtpEventId.ConfigurationOk));
            Assert.Contains($"from Group Policy ({SettingNames.PolicyRegistryPath}): {SettingNames.OfflineValidDays};", message);
            Assert.Contains($"local ({SettingNames.RegistryPath}): ", message);
            Assert.Contains("offline_days=3", message);
        }

        [Fact]
        public void EveryValueTheReaderReadsIsInTheCatalogueAndEveryEntryIsRead()
        {
            var recorder = new RecordingRegistry();
            SettingsReader.Read(recorder);

            var read = recorder.PolicyReads.Except(SettingNames.NotUsed, StringComparer.OrdinalIgnoreCase).ToList();
            var catalogued = SettingCatalogue.All.Select(s => s.ValueName).ToList();
            Assert.Empty(read.Except(catalogued, StringComparer.OrdinalIgnoreCase));
            Assert.Empty(catalogued.Except(read, StringComparer.OrdinalIgnoreCase));
            // Group Policy is asked for each value the local key is asked for: nothing is read around it.
            Assert.Empty(recorder.LocalReads.Except(recorder.PolicyReads, StringComparer.OrdinalIgnoreCase).Except(SettingNames.NotUsed, StringComparer.OrdinalIgnoreCase));
        }

        [Fact]
        public void CatalogueEntriesAreUniqueAndNamedAfterTheirParameter()
        {
            Assert.Equal(SettingCatalogue.All.Count, SettingCatalogue.All.Select(s => s.ValueName.ToLowerInvariant()).Distinct().Count());
            Assert.Equal(SettingCatalogue.All.Count, SettingCatalogue.All.Select(s => s.MsiProperty).Distinct().Count());
            foreach (var setting in SettingCatalogue.All)
            {
                Assert.Equal(setting.ValueName, $"win_{setting.Parameter.ToLowerInvariant()}");
                Assert.Equal(setting.Parameter.ToUpperInvariant(), setting.MsiProperty);
                Assert.False(string.IsNullOrWhiteSpace(setting.Title), setting.ValueName);
                Assert.True(setting.Description.Length > 20, setting.ValueName);
                if (!setting.IsText)
                    Assert.InRange(setting.DefaultNumber, setting.Minimum, setting.Maximum);
            }
            Assert.Equal("API_ENDPOINT", SettingCatalogue.ApiEndpoint.MsiProperty);
            Assert.Equal("ANCHORDNSNAME", SettingCatalogue.AnchorDnsName.MsiProperty);
        }

        /// <summary>The catalogue's ranges are the reader's: each bound is accepted, one past it refused.</summary>
        [Fact]
        public void TheReaderAcceptsExactlyTheCataloguesRanges()
        {
            foreach (var setting in SettingCatalogue.All.Where(s => s.Kind == SettingKind.Number || s.Kind == SettingKind.Flag))
            {
                foreach (var (value, valid) in new[] { (setting.Minimum, true), (setting.Maximum, true), (setting.Maximum + 1, false), (setting.Minimum - 1, false) })
                {
                    var registry = Local();
                    if (setting == SettingCatalogue.ProxyEnable) { registry.SetValue("", SettingNames.ProxyServer, "proxy"); registry.SetValue("", SettingNames.ProxyPort, 8080); }
                    if (setting == SettingCatalogue.ProxyPort && value == 0) continue;
                    registry.Policies[setting.ValueName] = value;
                    var result = SettingsReader.Read(registry);
                    Assert.True(valid == result.IsValid, $"{setting.ValueName}={value}: {string.Join(" ", result.Errors)}");
                }
            }
        }

        [Fact]
        public void AChoiceMatchesItsWordsInAnyCaseAndItsDefaultMustBeOne()
        {
            var choice = Setting.Choice("win_example_policy", "example_policy", "Deny", new[] { "Deny", "Allow", "Grace" }, "Example", "An example of a choice among three words.");
            Assert.Equal(("REG_SZ", true, "EXAMPLE_POLICY"), (choice.RegistryType, choice.IsText, choice.MsiProperty));
            Assert.Equal("Grace", choice.MatchChoice(" grace "));
            Assert.Null(choice.MatchChoice("Graceful"));
            Assert.Null(choice.MatchChoice(null));
            Assert.Throws<ArgumentException>(() => Setting.Choice("win_example_policy", "example_policy", "Maybe", new[] { "Deny", "Allow" }, "Example", "An example of a choice among two words."));
        }

        /// <summary>Remembers every name asked for, and answers nothing.</summary>
        private sealed class RecordingRegistry : IMachineRegistry
        {
            public List<string> LocalReads { get; } = new List<string>();
            public List<string> PolicyReads { get; } = new List<string>();

            public object? GetValue(string subKey, string name)
            {
                if (subKey.Length == 0) LocalReads.Add(name);
                return null;
            }

            public object? GetPolicyValue(string name)
            {
                PolicyReads.Add(name);
                return null;
            }

            public void SetValue(string subKey, string name, object value) => throw new InvalidOperationException("Reading settings writes nothing.");
            public void DeleteValue(string subKey, string name) => throw new InvalidOperationException("Reading settings deletes nothing.");
            public void ProtectKey(string subKey) => throw new InvalidOperationException("Reading settings protects nothing.");
            public IReadOnlyList<string>? OthersWithAccess(string subKey) => null;
        }

        /// <summary>A policy key this process may not read (an ACL gone wrong).</summary>
        private sealed class ThrowingPolicies : IMachineRegistry
        {
            private readonly IMachineRegistry _inner;
            public ThrowingPolicies(IMachineRegistry inner) => _inner = inner;
            public object? GetValue(string subKey, string name) => _inner.GetValue(subKey, name);
            public object? GetPolicyValue(string name) => throw new UnauthorizedAccessException("Access is denied.");
            public void SetValue(string subKey, string name, object value) => _inner.SetValue(subKey, name, value);
            public void DeleteValue(string subKey, string name) => _inner.DeleteValue(subKey, name);
            public void ProtectKey(string subKey) => _inner.ProtectKey(subKey);
            public IReadOnlyList<string>? OthersWithAccess(string subKey) => _inner.OthersWithAccess(subKey);
        }
    }
}
