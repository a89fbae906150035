using System;
using System.Linq;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.Cmdlets.Tests
{
    /// <summary>Uninstall removes what Install wrote (the filter first); Test-SecureMFA_WIN_OTP checks settings, registration, API, device key and clock.</summary>
    [Collection(ModuleCollection.Name)]
    public sealed class UninstallAndTestTests : IDisposable
    {
        private const string Settings = @"HKLM\Software\SecureMFA";
        private readonly FakeWindows _windows = new FakeWindows();
        private readonly LoopbackApi _api = new LoopbackApi();

        public void Dispose()
        {
            _windows.Dispose();
            _api.Dispose();
        }

        private void Install(string arguments = "")
        {
            var result = _windows.Run("Install-SecureMFA_WIN_OTP_AuthenticationProvider -anchordnsname adatum.labnet -RDPonly $false -api_endpoint '" + _api.Endpoint +
                "' -api_headers_value '" + _api.Api.Bootstrap + "' -Confirm:$false " + arguments);
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            _windows.ClearCalls();
        }

        private static (string Check, bool Passed, string Detail)[] Checks(ScriptResult result) =>
            result.Output.Select(o => ((string)o.Properties["Check"].Value, (bool)o.Properties["Passed"].Value, (string)o.Properties["Detail"].Value)).ToArray();

        [Fact]
        public void UninstallRemovesEverythingTheFilterFirstAndLeavesOtherValues()
        {
            _windows.Set(Settings, "adfs_other_product_value", "kept", "String");
            Install();
            _windows.Set(Settings + "\\VaultGenerations", "0123", 3L, "QWord");
            var result = _windows.Run("Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider -Confirm:$false");
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);

            var calls = _windows.Calls();
            Assert.Equal(@"RemoveKey|HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\Credential Provider Filters\{e9f156f9-07dd-48fa-a3cd-48595381d707}|False", calls[0]);
            Assert.Equal(@"RemoveKey|HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\Credential Providers\{a1495740-3c4b-4cd0-b4df-eb470152b4ef}|False", calls[1]);
            Assert.Equal(new[] { "adfs_other_product_value" }, _windows.Registry().Keys.Select(k => k.Substring(k.IndexOf('|') + 1)));
            var changes = result.Changes().ToList();
            Assert.Equal(4, changes.Count(c => c.Kind == "Registry key" && c.Name.Contains("{") && c.Action == "Removed"));
            Assert.Equal(25, changes.Count(c => c.Kind == "Setting" && c.Action == "Removed"));
            Assert.Contains(changes, c => c.Name == Settings + "\\Device" && c.Action == "Removed");
            Assert.Contains(changes, c => c.Name == Settings + "\\VaultGenerations" && c.Action == "Removed");
            Assert.Contains(changes, c => c.Name == Settings && c.Action == "Kept");
            Assert.Contains(changes, c => c.Kind == "Event source" && c.Action == "Removed");
            Assert.Contains(changes, c => c.Kind == "Folder" && c.Name == @"C:\Program Files\SecureMFA WIN OTP" && c.Action == "Removed");
            Assert.Contains(changes, c => c.Kind == "Folder" && c.Name == @"C:\ProgramData\SecureMFA_WIN_OTP");

            var again = _windows.Run("Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider -Confirm:$false");
            Assert.True(again.Errors.Count == 0, again.ErrorAndVerboseText);
            Assert.All(again.Changes().Where(c => c.Kind == "Registry key" && c.Name.Contains("{")), c => Assert.Equal("Not present", c.Action));
            Assert.DoesNotContain(again.Changes(), c => c.Action == "Removed");
        }

        [Fact]
        public void UninstallWhatIfRemovesNothing()
        {
            Install();
            var before = _windows.Registry();
            var result = _windows.Run("Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider -WhatIf");
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            Assert.Empty(result.Output);
            Assert.Equal(before, _windows.Registry());
            Assert.Empty(_windows.Calls());
        }

        [Fact]
        public void TestPassesOnAWorkingInstallation()
        {
            Install("-totp_offline_secret_valid_days 7");
            var result = _windows.Run("Test-SecureMFA_WIN_OTP");
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            var checks = Checks(result);
            Assert.Equal(new[] { "Settings", "Settings source", "Registration", "API reachable", "Device key", "Clock" }, checks.Select(c => c.Check));
            Assert.All(checks, c => Assert.True(c.Passed, c.Check + ": " + c.Detail));
            Assert.Contains("offline sign-in 7 days", checks[0].Detail);
            Assert.StartsWith("no Group Policy values", checks[1].Detail);
            Assert.Contains("file:///C:/Program Files/SecureMFA WIN OTP/", checks[2].Detail);
            Assert.Contains(_api.Api.Devices.Keys.Single(), checks[4].Detail);
            Assert.Single(_api.Api.Requests, r => r.Uri.AbsolutePath.EndsWith("/v1/devices/self"));
            // Only reads: nothing is written by a test.
            Assert.DoesNotContain(_windows.Calls(), c => c.StartsWith("Set|") || c.StartsWith("Remove"));
        }

        /// <summary>Group Policy's values win in the check as in the provider, and the report names them.</summary>
        [Fact]
        public void TestReadsGroupPolicyFirstAndNamesWhatItSets()
        {
            Install("-totp_offline_secret_valid_days 7");
            _windows.Set(@"HKLM\Software\Policies\SecureMFA", "win_totp_offline_secret_valid_days", 21, "DWord");
            _windows.Set(@"HKLM\Software\Policies\SecureMFA", "win_rdponly", 0, "DWord");
            var result = _windows.Run("Test-SecureMFA_WIN_OTP -Verbose");
            var checks = Checks(result);
            Assert.Contains("RDPonly off, offline sign-in 21 days", checks.Single(c => c.Check == "Settings").Detail);
            var source = checks.Single(c => c.Check == "Settings source");
            Assert.True(source.Passed);
            Assert.Equal(@"Group Policy (HKLM\Software\Policies\SecureMFA) sets win_rdponly, win_totp_offline_secret_valid_days, which win over HKLM\Software\SecureMFA", source.Detail);
            Assert.Contains(@"Settings from Group Policy (HKLM\Software\Policies\SecureMFA): win_rdponly, win_totp_offline_secret_valid_days; local (HKLM\Software\SecureMFA): ", result.ErrorAndVerboseText);

            // A broken GPO value fails the settings check and says where to fix it.
            _windows.Set(@"HKLM\Software\Policies\SecureMFA", "win_api_timeout", 5, "DWord");
            var broken = Checks(_windows.Run("Test-SecureMFA_WIN_OTP")).Single(c => c.Check == "Settings");
            Assert.False(broken.Passed);
            Assert.Contains(@"win_api_timeout (Group Policy, HKLM\Software\Policies\SecureMFA): 5 is outside 500-120000", broken.Detail);
        }

        [Fact]
        public void TestReportsAClockTheApiDisagreesWith()
        {
            Install();
            _api.ServerClockOffset = TimeSpan.FromSeconds(200);
            var clock = Checks(_windows.Run("Test-SecureMFA_WIN_OTP")).Single(c => c.Check == "Clock");
            Assert.False(clock.Passed);
            Assert.Matches(@"^-(19\d|200|201) s from the server's clock; correct", clock.Detail);
        }

        [Fact]
        public void TestReportsADeviceTheApiDoesNotKnow()
        {
            Install();
            _api.Api.Devices.Clear();
            var checks = Checks(_windows.Run("Test-SecureMFA_WIN_OTP"));
            Assert.True(checks.Single(c => c.Check == "API reachable").Passed);
            var key = checks.Single(c => c.Check == "Device key");
            Assert.False(key.Passed);
            Assert.Contains("unknown_device", key.Detail);
            Assert.Contains("register the computer again", key.Detail);
        }

        [Fact]
        public void TestReportsADeviceKeyOthersCanOpen()
        {
            Install();
            _windows.Run(@"$global:granted['HKLM\Software\SecureMFA\Device'] = 'ADATUM\eve'");
            var checks = Checks(_windows.Run("Test-SecureMFA_WIN_OTP"));
            var key = checks.Single(c => c.Check == "Device key");
            Assert.False(key.Passed);
            Assert.Contains(@"HKLM\Software\SecureMFA\Device is open to ADATUM\eve, not only SYSTEM and Administrators", key.Detail);
            Assert.DoesNotContain(_api.Api.Requests, r => r.Uri.AbsolutePath.EndsWith("/v1/devices/self"));
        }

        [Fact]
        public void TestReportsAnApiThatCannotBeReached()
        {
            Install();
            _api.Dispose(); // nothing listens there any more: the connection is refused
            var reachable = Checks(_windows.Run("Test-SecureMFA_WIN_OTP")).Single(c => c.Check == "API reachable");
            Assert.False(reachable.Passed, reachable.Detail);
        }

        [Fact]
        public void TestReportsAMissingInstallationAndInvalidSettings()
        {
            var checks = Checks(_windows.Run("Test-SecureMFA_WIN_OTP"));
            Assert.Equal(new[] { ("Settings", false), ("Settings source", true), ("Registration", false), ("API reachable", false) }, checks.Select(c => (c.Check, c.Passed)));
            Assert.Contains("win_anchordnsname is not set", checks[0].Detail);
            Assert.Contains("Run Install-SecureMFA_WIN_OTP_AuthenticationProvider", checks[2].Detail);
        }
    }
}
