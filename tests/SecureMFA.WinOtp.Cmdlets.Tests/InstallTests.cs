using System;
using System.Linq;
using System.Reflection;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.Cmdlets.Tests
{
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ModuleCollection
    {
        public const string Name = "SecureMFA_WIN_OTP module";
    }

    /// <summary>Install-SecureMFA_WIN_OTP_AuthenticationProvider on a fake Windows against the fake WEB API over loopback HTTP.</summary>
    [Collection(ModuleCollection.Name)]
    public sealed class InstallTests : IDisposable
    {
        private const string Settings = @"HKLM\Software\SecureMFA";
        private const string DeviceKey = @"HKLM\Software\SecureMFA\Device";
        private const string ProviderClsid = "{a1495740-3c4b-4cd0-b4df-eb470152b4ef}";
        private const string FilterClsid = "{e9f156f9-07dd-48fa-a3cd-48595381d707}";
        private readonly FakeWindows _windows = new FakeWindows();
        private readonly LoopbackApi _api = new LoopbackApi();

        public void Dispose()
        {
            _windows.Dispose();
            _api.Dispose();
        }

        private ScriptResult Install(string arguments = "", bool bootstrap = true) => _windows.Run(
            "Install-SecureMFA_WIN_OTP_AuthenticationProvider -anchordnsname 'adatum.labnet' " + (arguments.Contains("-RDPonly") ? "" : "-RDPonly $true ") + "-api_endpoint '" + _api.Endpoint + "' -Confirm:$false " +
            (bootstrap ? "-api_headers_value '" + _api.Api.Bootstrap + "' " : "") + "-Verbose " + arguments);

        private static string ShippedProvider() => AssemblyName.GetAssemblyName(System.IO.Path.Combine(WinOtpModuleSession.ModuleFolder, "provider", "SecureMFA.WinOtp.CredentialProvider.dll")).FullName;

        [Fact]
        public void ItWritesExactlyThisRegistryLayoutInThisOrder()
        {
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);

            var assembly = ShippedProvider();
            var version = new AssemblyName(assembly).Version!;
            var release = version.Major + "." + version.Minor + "." + version.Build;
            var codeBase = "file:///C:/Program Files/SecureMFA WIN OTP/" + release + "/SecureMFA.WinOtp.CredentialProvider.dll";
            string[] Com(string clsid, string title, string className)
            {
                var key = @"HKLM\SOFTWARE\Classes\CLSID\" + clsid;
                var server = key + @"\InprocServer32";
                var versioned = server + @"\" + version;
                return new[]
                {
                    $"Set|{key}||String|{title}",
                    $"Set|{server}||String|mscoree.dll",
                    $"Set|{server}|ThreadingModel|String|Apartment",
                    $"Set|{server}|Class|String|{className}",
                    $"Set|{server}|Assembly|String|{assembly}",
                    $"Set|{server}|RuntimeVersion|String|v4.0.30319",
                    $"Set|{server}|CodeBase|String|{codeBase}",
                    $"Set|{versioned}|Class|String|{className}",
                    $"Set|{versioned}|Assembly|String|{assembly}",
                    $"Set|{versioned}|RuntimeVersion|String|v4.0.30319",
                    $"Set|{versioned}|CodeBase|String|{codeBase}",
                    $"Set|{key}\\Implemented Categories\\{{62C8FE65-4EBB-45E7-B440-6E39B2CDBF29}}||Key|",
                };
            }
            var expected = new[]
            {
                // Registration first: its key gets its ACL (SYSTEM and Administrators only) before the API is asked, then
                // the device id and its DPAPI-protected key go in.
                $"Protect|{DeviceKey}",
                $"Set|{DeviceKey}|win_device_key|Binary|(binary)",
                $"Set|{DeviceKey}|win_device_id|String|{_api.Api.Devices.Keys.Single()}",
                // The layout: the ACL set again on every install, then the settings (not secret, readable as always).
                $"Protect|{DeviceKey}",
                $"Set|{Settings}|win_anchordnsname|String|adatum.labnet",
                $"Set|{Settings}|win_api_endpoint|String|{_api.Endpoint}",
                $"Set|{Settings}|win_api_timeout|DWord|10000",
                $"Set|{Settings}|win_sspr_url|String|http://127.0.0.1:{new Uri(_api.Endpoint).Port}/",
                $"Set|{Settings}|win_rdponly|DWord|1",
                $"Set|{Settings}|win_totp_offline_secret_valid_days|DWord|0",
                $"Set|{Settings}|win_totp_offline_ui_login_failures|DWord|5",
                $"Set|{Settings}|win_totp_offline_ui_lockout_minutes|DWord|5",
                $"Set|{Settings}|win_offline_max_failures|DWord|10",
                $"Set|{Settings}|win_api_proxy_enable|DWord|0",
                $"Set|{Settings}|win_api_proxy_server|String|",
                $"Set|{Settings}|win_api_proxy_port|DWord|0",
                $"Set|{Settings}|win_verboselog|DWord|0",
                // Who must use a code: empty lists (REG_MULTI_SZ) and no grace unless given.
                $"Set|{Settings}|win_excluded_accounts|MultiString|",
                $"Set|{Settings}|win_excluded_groups|MultiString|",
                $"Set|{Settings}|win_enforced_groups|MultiString|",
                $"Set|{Settings}|win_rdponly_groups|MultiString|",
                $"Set|{Settings}|win_unlock_grace_minutes|DWord|0",
                $"Set|{Settings}|win_grace_excluded_groups|MultiString|",
                $"Set|{Settings}|win_allowed_providers|MultiString|",
                $"Set|{Settings}|win_unenrolled_policy|String|Deny",
                $"Set|{Settings}|win_unenrolled_grace_days|DWord|14",
                $"Set|{Settings}|win_enforce|String|Enforce",
                // The administrator's texts at the tile: empty (the tile's own words) unless given.
                $"Set|{Settings}|win_tile_label|String|",
                $"Set|{Settings}|win_helpdesk_text|String|",
            }
            .Concat(Com(ProviderClsid, "SecureMFA WIN OTP credential provider", "SecureMFA.WinOtp.CredentialProvider.Com.WinOtpCredentialProvider"))
            .Concat(Com(FilterClsid, "SecureMFA WIN OTP filter", "SecureMFA.WinOtp.CredentialProvider.Com.WinOtpCredentialProviderFilter"))
            .Concat(new[]
            {
                $@"Set|HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\Credential Providers\{ProviderClsid}||String|SecureMFA WIN OTP",
                $@"Set|HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\Credential Provider Filters\{FilterClsid}||String|SecureMFA WIN OTP filter",
            }).ToArray();
            Assert.Equal(expected, _windows.Calls().Where(c => c.StartsWith("Set|") || c.StartsWith("Protect|")).ToArray());
            // The device key is where nobody else can read it; nothing of it is where every local user can.
            Assert.Empty(_windows.Run("(Get-SecureMfaWinOtpRegistryKeyAccess -Path '" + DeviceKey + "').Others").Output);
            Assert.Equal(new[] { @"BUILTIN\Users" }, _windows.Run("(Get-SecureMfaWinOtpRegistryKeyAccess -Path '" + Settings + "').Others").Output.Select(o => o.ToString()));
            Assert.DoesNotContain(_windows.Registry().Keys, k => k.StartsWith(Settings + "|win_device", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(result.Changes(), c => c.Kind == "Registry key" && c.Name == DeviceKey && c.Action == "Protected" &&
                c.Detail == @"SYSTEM and BUILTIN\Administrators full control, no other entry, nothing inherited");

            // The class names and CLSIDs written are the shipped assembly's.
            Assert.Contains("SecureMFA.WinOtp.CredentialProvider", assembly);
            Assert.Matches("PublicKeyToken=[0-9a-f]{16}", assembly);
        }

        [Fact]
        public void FilesEventSourceAndRegistrationComeBeforeTheFilterAndEachChangeIsReported()
        {
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            var calls = _windows.Calls();
            var release = new AssemblyName(ShippedProvider()).Version!.ToString(3);
            var folder = @"C:\Program Files\SecureMFA WIN OTP\" + release;
            Assert.Equal(new[] { "SecureMFA.Otp.dll", "SecureMFA.WinOtp.Core.dll", "SecureMFA.WinOtp.CredentialProvider.dll" }.Select(f => "Copy|" + f + "|" + folder + "\\" + f),
                calls.Where(c => c.StartsWith("Copy|")));
            Assert.True(Array.FindIndex(calls, c => c.StartsWith("Copy|")) < Array.FindIndex(calls, c => c.Contains("Credential Provider Filters")));
            Assert.True(Array.IndexOf(calls, "RegisterSource") < Array.FindIndex(calls, c => c.Contains("Credential Provider Filters")));
            Assert.Equal(Array.FindLastIndex(calls, c => c.StartsWith("Set|")), Array.FindIndex(calls, c => c.Contains("Credential Provider Filters")));

            var changes = result.Changes().ToList();
            Assert.Equal(("Device registration", "Registered"), changes.Select(c => (c.Kind, c.Action)).First());
            Assert.Equal(3, changes.Count(c => c.Kind == "File" && c.Action == "Installed"));
            Assert.Contains(changes, c => c.Kind == "Event source" && c.Action == "Registered");
            Assert.Contains(changes, c => c.Kind == "Credential provider filter" && c.Action == "Set");
            Assert.Equal(25, changes.Count(c => c.Kind == "Setting" && c.Action == "Set"));
        }

        [Fact]
        public void TheBootstrapValueIsSentOnceAndStoredNowhere()
        {
            var result = Install("-data_encryption_passphrase 'd9GhT=7=Ox8-+LaZ' -serialkey 'ABC-123' -subscriptionid 'sub-1'");
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            Assert.Single(_api.Api.Requests, r => r.Uri.AbsolutePath.EndsWith("/v1/devices/register") && r.Headers["X-SMFA-Bootstrap"] == _api.Api.Bootstrap);
            var stored = string.Join("\n", _windows.Registry().Select(kv => kv.Key + "=" + kv.Value)) + string.Join("\n", _windows.Calls());
            Assert.DoesNotContain(_api.Api.Bootstrap, stored);
            Assert.DoesNotContain("d9GhT=7=Ox8-+LaZ", stored);
            Assert.DoesNotContain("ABC-123", stored);
            Assert.DoesNotContain(_api.Api.Bootstrap, string.Join("\n", result.Verbose.Concat(result.Warnings)));
            Assert.Contains(result.Warnings, w => w.Contains("-data_encryption_passphrase is not used and not stored"));
            Assert.Contains(result.Verbose, v => v.Contains("-serialkey and -subscriptionid are ignored"));
            // The device key is stored only under DPAPI, and it opens to the key the API issued.
            var blob = Convert.FromBase64String(_windows.Registry()[DeviceKey + "|win_device_key"]);
            Assert.StartsWith("DPAPI:", System.Text.Encoding.ASCII.GetString(blob, 0, 6));
        }

        [Fact]
        public void AnApiTimeoutLogonUiWouldClampIsSaidAtInstall()
        {
            var result = Install("-api_timeout 60000");
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            Assert.Contains(result.Warnings, w => w.StartsWith("-api_timeout: 60000 ms is more than the 30000 ms LogonUI waits"));
        }

        [Fact]
        public void TheRolloutParametersAreWrittenAsTheProviderReadsThem()
        {
            var result = Install("-unenrolled_policy grace -unenrolled_grace_days 30 -enforce reportonly");
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            var registry = _windows.Registry();
            Assert.Equal("Grace", registry[$"{Settings}|win_unenrolled_policy"]);
            Assert.Equal("30", registry[$"{Settings}|win_unenrolled_grace_days"]);
            Assert.Equal("ReportOnly", registry[$"{Settings}|win_enforce"]);

            var refused = Install("-unenrolled_grace_days 0");
            var error = Assert.Single(refused.Errors);
            Assert.Contains("-unenrolled_grace_days: 0 is outside 1-365 days", error.Exception.Message);
            Assert.Contains("does not belong to the set", Assert.Single(Install("-enforce Audit").Errors).Exception.Message);
        }

        [Fact]
        public void TheTileLabelAndTheHelpdeskLineAreWrittenAsGivenAndOneTooLongIsSaidAtInstall()
        {
            var result = Install("-tile_label ' Adatum code ' -helpdesk_text 'Help desk: +1 555 0100, ext. 42'");
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            var registry = _windows.Registry();
            Assert.Equal("Adatum code", registry[$"{Settings}|win_tile_label"]);
            Assert.Equal("Help desk: +1 555 0100, ext. 42", registry[$"{Settings}|win_helpdesk_text"]);

            // Too long for the tile: installed all the same (a label never locks anyone out), and the tile's own words are shown.
            var tooLong = Install($"-tile_label '{new string('x', 33)}'");
            Assert.True(tooLong.Errors.Count == 0, tooLong.ErrorAndVerboseText);
            Assert.Contains(tooLong.Warnings, w => w.StartsWith("-tile_label is 33 characters long; the tile shows at most 32"));
        }

        [Fact]
        public void ItWarnsWhichParametersGroupPolicyOverrides()
        {
            _windows.Set(@"HKLM\Software\Policies\SecureMFA", "win_rdponly", 0, "DWord");
            _windows.Set(@"HKLM\Software\Policies\SecureMFA", "win_api_timeout", 20000, "DWord");
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            Assert.Contains(@"Group Policy (HKLM\Software\Policies\SecureMFA) sets -api_timeout, -RDPonly: its values win over what this install wrote; change them in the GPO.", result.Warnings);
            // The local values are written all the same: they apply again when the policy is removed.
            Assert.Equal("1", _windows.Registry()[@"HKLM\Software\SecureMFA|win_rdponly"]);
        }

        [Fact]
        public void WithoutGroupPolicyThereIsNoSuchWarning() =>
            Assert.DoesNotContain(Install().Warnings, w => w.Contains("Group Policy"));

        [Fact]
        public void InvalidParametersAreAllReportedAndNothingIsChanged()
        {
            var result = _windows.Run("Install-SecureMFA_WIN_OTP_AuthenticationProvider -anchordnsname 'not a dns name' -api_endpoint 'http://awebapi.adatum.labnet/api/securemfaotp' " +
                "-api_timeout 100 -api_proxy_enable $true -api_headers_value 'x' -Confirm:$false");
            var error = Assert.Single(result.Errors);
            Assert.Equal("InvalidParameters,SecureMFA.WinOtp.Cmdlets.InstallProviderCommand", error.FullyQualifiedErrorId);
            foreach (var named in new[] { "-anchordnsname", "-api_endpoint", "-api_timeout", "-api_proxy_server", "-api_proxy_port" }) Assert.Contains(named, error.Exception.Message);
            Assert.StartsWith("Nothing was changed", error.Exception.Message);
            Assert.Empty(_windows.Calls());
            Assert.Empty(_api.Api.Requests);
        }

        [Fact]
        public void WhoMustUseACodeIsWrittenAsSidsResolvedOnThisComputer()
        {
            _windows.Sid(@".\breakglass", "S-1-5-21-9-9-9-1001");
            _windows.Sid(@"ADATUM\MFA Pilot", "S-1-5-21-1-2-3-3301");
            _windows.Sid(@"ADATUM\Domain Admins", "S-1-5-21-1-2-3-512");
            const string who = @"-excluded_accounts '.\breakglass','s-1-5-21-1-2-3-500' -excluded_groups 'S-1-5-21-1-2-3-2201' -enforced_groups 'ADATUM\MFA Pilot' " +
                @"-rdponly_groups @() -unlock_grace_minutes 15 -grace_excluded_groups 'ADATUM\Domain Admins' -allowed_providers '8FD7E19C-3BF7-489B-A72C-846AB3678C96'";
            var result = Install(who);
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            var calls = _windows.Calls();
            Assert.Contains($@"Set|{Settings}|win_excluded_accounts|MultiString|S-1-5-21-9-9-9-1001 S-1-5-21-1-2-3-500", calls);
            Assert.Contains($@"Set|{Settings}|win_excluded_groups|MultiString|S-1-5-21-1-2-3-2201", calls);
            Assert.Contains($@"Set|{Settings}|win_enforced_groups|MultiString|S-1-5-21-1-2-3-3301", calls);
            Assert.Contains($@"Set|{Settings}|win_rdponly_groups|MultiString|", calls);
            Assert.Contains($@"Set|{Settings}|win_unlock_grace_minutes|DWord|15", calls);
            Assert.Contains($@"Set|{Settings}|win_grace_excluded_groups|MultiString|S-1-5-21-1-2-3-512", calls);
            Assert.Contains($@"Set|{Settings}|win_allowed_providers|MultiString|{{8fd7e19c-3bf7-489b-a72c-846ab3678c96}}", calls);
            // SIDs given as SIDs are not looked up; names are, once each.
            Assert.Equal(new[] { @"ResolveSid|.\breakglass", @"ResolveSid|ADATUM\MFA Pilot", @"ResolveSid|ADATUM\Domain Admins" }, calls.Where(c => c.StartsWith("ResolveSid|")));
            Assert.Contains(result.Changes(), c => c.Name.EndsWith("win_excluded_accounts") && c.Action == "Set" && c.Detail == "S-1-5-21-9-9-9-1001;S-1-5-21-1-2-3-500");

            // Installed again with the same parameters, the lists are unchanged (compared line by line), empty ones too.
            _windows.ClearCalls();
            var again = Install(who, bootstrap: false);
            Assert.True(again.Errors.Count == 0, again.ErrorAndVerboseText);
            Assert.All(again.Changes().Where(c => c.Kind == "Setting"), c => Assert.Equal("Unchanged", c.Action));
        }

        [Fact]
        public void ANameThatDoesNotResolveOrABadClsidStopsTheInstallNamingTheParameter()
        {
            _windows.Sid(@".\breakglass", "S-1-5-21-9-9-9-1001");
            var result = Install(@"-excluded_accounts '.\breakglass' -excluded_groups 'ADATUM\Helpdsk' -enforced_groups 'S-1-5-21-x' -allowed_providers '{60b78e88-ead8-445c-9cfd-0b87f74ea6cd}','smartcard' -unlock_grace_minutes 5000");
            var error = Assert.Single(result.Errors);
            Assert.Equal("InvalidParameters,SecureMFA.WinOtp.Cmdlets.InstallProviderCommand", error.FullyQualifiedErrorId);
            var message = error.Exception.Message;
            Assert.StartsWith("Nothing was changed", message);
            Assert.Contains(@"-excluded_groups: 'ADATUM\Helpdsk' is not an account or group this computer can resolve to a SID", message);
            Assert.Contains("-enforced_groups: 'S-1-5-21-x' starts like a SID but is not one", message);
            Assert.Contains("-allowed_providers: {60b78e88-ead8-445c-9cfd-0b87f74ea6cd} is the Password provider", message);
            Assert.Contains("-allowed_providers: 'smartcard' is not a CLSID", message);
            Assert.Contains("-unlock_grace_minutes: 5000 is outside 0-1440", message);
            Assert.DoesNotContain(".\\breakglass", message);
            Assert.DoesNotContain(_windows.Calls(), c => c.StartsWith("Set|") || c.StartsWith("Protect|"));
            Assert.Empty(_api.Api.Requests);
        }

        [Theory]
        [InlineData("IsElevated = $false", "ElevationRequired")]
        [InlineData("Is64BitProcess = $false", "X64Required")]
        [InlineData("Is64BitOperatingSystem = $false", "X64Required")]
        [InlineData("NetFrameworkRelease = 394802", "NetFrameworkTooOld")]
        [InlineData("WindowsBuild = 9600", "WindowsTooOld")]
        // ARM64 Windows, where an x64 PowerShell runs emulated and calls itself 64-bit: LogonUI could not load the provider.
        [InlineData("OSArchitecture = 'ARM64'", "X64WindowsRequired")]
        [InlineData("OSArchitecture = $null", "X64WindowsRequired")]
        public void ItRefusesAComputerItCannotServeBeforeChangingAnything(string fact, string errorId)
        {
            _windows.Run("$global:facts." + fact);
            var result = Install();
            Assert.StartsWith(errorId + ",", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(_windows.Calls());
            Assert.Empty(_api.Api.Requests);
        }

        [Fact]
        public void AnOldNetFrameworkIsRefusedNamingWhatIsInstalled()
        {
            _windows.Run("$global:facts.NetFrameworkRelease = 394802");
            var error = Assert.Single(Install().Errors);
            Assert.Contains("on .NET Framework 4.7.2 or later (release 461808); this computer has .NET Framework 4.6.2 (release 394802)", error.Exception.Message);
            Assert.Empty(_windows.Calls());
        }

        [Fact]
        public void OnArm64WindowsItSaysItIsForX64WindowsOnly()
        {
            _windows.Run("$global:facts.OSArchitecture = 'ARM64'");
            var error = Assert.Single(Install().Errors);
            Assert.Contains("built for x64 Windows only; this computer's Windows is ARM64", error.Exception.Message);
            Assert.Contains("Nothing was installed.", error.Exception.Message);
        }

        [Fact]
        public void TheProviderFolderIsFoundFromTheAssemblyWhereverTheModuleWasImportedFrom()
        {
            // Imported as its bare assembly, the module's ModuleBase is bin\<framework>\, which holds no provider\ folder.
            var cmdlets = System.IO.Directory.GetFiles(System.IO.Path.Combine(WinOtpModuleSession.ModuleFolder, "bin"), "SecureMFA.WinOtp.Cmdlets.dll", System.IO.SearchOption.AllDirectories)
                .Single(f => f.Contains("net10.0"));
            var reimported = _windows.Run($"Remove-Module SecureMFA_WIN_OTP; Import-Module '{cmdlets}'; (Get-Command Install-SecureMFA_WIN_OTP_AuthenticationProvider).Module.ModuleBase");
            Assert.True(reimported.Errors.Count == 0, reimported.ErrorAndVerboseText);
            Assert.Equal(System.IO.Path.GetDirectoryName(cmdlets), reimported.Output.Single().ToString());
            _windows.Run(@"function global:Copy-SecureMfaWinOtpFile { param($Source, $Destination) $global:calls.Add(""CopyFrom|$Source""); 'Installed' }");

            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            var provider = System.IO.Path.Combine(WinOtpModuleSession.ModuleFolder, "provider");
            Assert.Equal(new[] { "SecureMFA.Otp.dll", "SecureMFA.WinOtp.Core.dll", "SecureMFA.WinOtp.CredentialProvider.dll" }.Select(f => "CopyFrom|" + System.IO.Path.Combine(provider, f)),
                _windows.Calls().Where(c => c.StartsWith("CopyFrom|")));
        }

        [Fact]
        public void WhatIfChangesNothingAndSendsNothing()
        {
            var result = _windows.Run("Install-SecureMFA_WIN_OTP_AuthenticationProvider -anchordnsname adatum.labnet -api_endpoint '" + _api.Endpoint + "' -api_headers_value '" + _api.Api.Bootstrap + "' -WhatIf");
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            Assert.Empty(result.Output);
            Assert.DoesNotContain(_windows.Calls(), c => !c.StartsWith("Get"));
            Assert.Empty(_api.Api.Requests);
        }

        [Fact]
        public void ARefusedBootstrapValueStopsBeforeAnythingIsWritten()
        {
            _api.Api.Bootstrap = "the API's real bootstrap";
            var result = _windows.Run("Install-SecureMFA_WIN_OTP_AuthenticationProvider -anchordnsname adatum.labnet -api_endpoint '" + _api.Endpoint + "' -api_headers_value 'a wrong value' -Confirm:$false");
            var error = Assert.Single(result.Errors);
            Assert.Contains("refused the bootstrap value", error.Exception.Message);
            Assert.Contains("Nothing else was changed", error.Exception.Message);
            Assert.DoesNotContain(_windows.Calls(), c => c.StartsWith("Set|") || c.StartsWith("Copy|") || c == "RegisterSource");
        }

        [Fact]
        public void WithoutABootstrapValueAnUnregisteredComputerIsRefusedAndARegisteredOneKept()
        {
            var refused = Install(bootstrap: false);
            Assert.StartsWith("NotRegistered,", Assert.Single(refused.Errors).FullyQualifiedErrorId);
            Assert.Contains("-api_headers_value", refused.Errors[0].Exception.Message);
            Assert.DoesNotContain(_windows.Calls(), c => c.StartsWith("Set|"));

            Assert.True(Install().Errors.Count == 0);
            _windows.ClearCalls();
            var again = Install("-RDPonly $false", bootstrap: false);
            Assert.True(again.Errors.Count == 0, again.ErrorAndVerboseText);
            var changes = again.Changes().ToList();
            Assert.Equal(("Device registration", "Kept"), (changes[0].Kind, changes[0].Action));
            Assert.Single(changes, c => c.Action == "Changed" && c.Name.EndsWith("win_rdponly"));
            Assert.All(changes.Where(c => c.Kind == "File"), c => Assert.Equal("Unchanged", c.Action));
            Assert.DoesNotContain(_windows.Calls(), c => c.StartsWith("Set|") && !c.Contains("win_rdponly") && !c.EndsWith("|Key|"));
            Assert.Single(_api.Api.Requests, r => r.Uri.AbsolutePath.EndsWith("/v1/devices/register"));
        }

        /// <summary>
        /// The upgrade from an earlier version, which kept win_device_id and win_device_key in HKLM\Software\SecureMFA where
        /// every local user can read them: that key is taken as known to others. Without a bootstrap value the install stops
        /// (the old key is neither kept nor moved); with one, the computer registers again, the old values go, and the
        /// administrator is told to revoke the old device.
        /// </summary>
        [Fact]
        public void AnEarlierVersionsReadableDeviceKeyIsReplacedByANewRegistration()
        {
            _windows.Set(Settings, "win_device_id", "dev-old-1", "String");
            _windows.Set(Settings, "win_device_key", new byte[] { 1, 2, 3 }, "Binary");

            var refused = Install(bootstrap: false);
            var error = Assert.Single(refused.Errors);
            Assert.StartsWith("NotRegistered,", error.FullyQualifiedErrorId);
            Assert.Contains(@"The device key of an earlier version is in HKLM\Software\SecureMFA, where every local user can read it, and is not used.", error.Exception.Message);
            Assert.Contains("revoke the old device dev-old-1 at the WEB API (Revoke-xOTP_Device)", error.Exception.Message);
            Assert.DoesNotContain(_windows.Calls(), c => c.StartsWith("Set|") || c.StartsWith("Protect|") || c.StartsWith("Remove"));

            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            var id = _api.Api.Devices.Keys.Single();
            Assert.Contains(result.Changes(), c => c.Kind == "Device registration" && c.Name == id && c.Action == "Registered" && c.Detail.Contains("replaces device dev-old-1, whose key local users could read"));
            Assert.Contains(result.Warnings, w => w.Contains("revoke it at the WEB API (Revoke-xOTP_Device -DeviceId dev-old-1)"));
            var registry = _windows.Registry();
            Assert.False(registry.ContainsKey(Settings + "|win_device_id"));
            Assert.False(registry.ContainsKey(Settings + "|win_device_key"));
            Assert.Equal(id, registry[DeviceKey + "|win_device_id"]);
        }

        /// <summary>The install never goes on with a device key others can open: not when registering, not when keeping one.</summary>
        [Fact]
        public void ADeviceKeyThatStaysOpenToOthersStopsTheInstall()
        {
            Assert.True(Install().Errors.Count == 0);
            _windows.Run(@"$global:granted['HKLM\Software\SecureMFA\Device'] = 'ADATUM\eve'");
            var kept = Install(bootstrap: false);
            Assert.StartsWith("NotRegistered,", Assert.Single(kept.Errors).FullyQualifiedErrorId);
            Assert.Contains(@"HKLM\Software\SecureMFA\Device is open to ADATUM\eve", kept.Errors[0].Exception.Message);

            // A seam that does not protect (replaced, or failing silently): no registration is asked for, nothing is written.
            _windows.Run("function global:Protect-SecureMfaWinOtpRegistryKey { param($Path) $global:calls.Add(\"Protect|$Path\") }");
            _windows.ClearCalls();
            var requests = _api.Api.Requests.Count;
            var registering = Install();
            var error = Assert.Single(registering.Errors);
            Assert.StartsWith("RegistrationFailed,", error.FullyQualifiedErrorId);
            Assert.Contains(@"HKLM\Software\SecureMFA\Device could not be limited to SYSTEM and Administrators (ADATUM\eve still has access)", error.Exception.Message);
            Assert.Equal(requests, _api.Api.Requests.Count);
            Assert.DoesNotContain(_windows.Calls(), c => c.StartsWith("Set|") || c.StartsWith("Copy|"));
        }

        /// <summary>Every install sets the Device key's ACL again and checks it took; one that did not stops before the settings and the provider.</summary>
        [Fact]
        public void AnAclThatDoesNotTakeOnReinstallStopsBeforeTheProviderIsRegistered()
        {
            Assert.True(Install().Errors.Count == 0);
            _windows.Run(@"function global:Protect-SecureMfaWinOtpRegistryKey { param($Path) $global:calls.Add(""Protect|$Path""); $global:granted[$Path] = 'ADATUM\eve' }");
            _windows.ClearCalls();
            var result = Install("-RDPonly $false", bootstrap: false);
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("KeyNotProtected,", error.FullyQualifiedErrorId);
            Assert.Contains(@"HKLM\Software\SecureMFA\Device is still open to ADATUM\eve after its ACL was set to SYSTEM and Administrators only", error.Exception.Message);
            Assert.Equal(("Device registration", "Kept"), result.Changes().Select(c => (c.Kind, c.Action)).First());
            Assert.DoesNotContain(_windows.Calls(), c => c.StartsWith("Set|"));
        }

        [Fact]
        public void TheOriginalProductsUnusedValuesAreRemoved()
        {
            _windows.Set(Settings, "win_api_headers_value", "an old bootstrap value", "String");
            _windows.Set(Settings, "win_serialkey", "ABC", "String");
            var result = Install();
            Assert.True(result.Errors.Count == 0, result.ErrorAndVerboseText);
            Assert.Contains(result.Changes(), c => c.Name == Settings + "\\win_api_headers_value" && c.Action == "Removed");
            Assert.Contains(result.Changes(), c => c.Name == Settings + "\\win_serialkey" && c.Action == "Removed");
            Assert.False(_windows.Registry().ContainsKey(Settings + "|win_api_headers_value"));
        }
    }
}
