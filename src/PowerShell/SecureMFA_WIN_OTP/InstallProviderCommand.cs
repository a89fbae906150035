using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Cmdlets.Help;
using SecureMFA.WinOtp.Cmdlets.Infrastructure;
using SecureMFA.WinOtp.Cmdlets.Output;
using SecureMFA.WinOtp.Device;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Cmdlets
{
    [Cmdlet(VerbsLifecycle.Install, "SecureMFA_WIN_OTP_AuthenticationProvider", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(WinOtpChange))]
    [CmdletHelp("Installs the SecureMFA WIN OTP credential provider on this computer: a one-time code at Windows logon, unlock and Remote Desktop.",
        "Run in an elevated 64-bit Windows PowerShell 5.1 on Windows 10 / Server 2016 or later with .NET Framework 4.7.2 or later. Checks every parameter " +
        "first, as the provider will read it (all problems at once, nothing changed). Then: registers this computer with the SecureMFA WEB API with the " +
        "bootstrap value -api_headers_value (sent once, never stored; the device key that comes back is kept under DPAPI machine scope in " +
        "HKLM\\Software\\SecureMFA\\Device, a key only SYSTEM and Administrators may open; without -api_headers_value an existing registration is kept, " +
        "unless its key was readable by local users, as earlier versions left it: then the computer must register again); copies the provider to %ProgramFiles%\\SecureMFA WIN OTP\\<version>; " +
        "registers the event source 'SecureMFA WIN OTP' (events 5550-5562); sets the Device key's ACL again; writes the settings (win_* values under HKLM\\Software\\SecureMFA) and removes " +
        "the original product's values this version does not use; registers the COM classes (InprocServer32 = mscoree.dll, ThreadingModel Apartment, " +
        "CodeBase), the credential provider and, last, the credential provider filter, which switches Windows' other tiles off where a code is required. " +
        "-RDPonly $true (the default, as the original) asks the code for Remote Desktop only; -RDPonly $false everywhere. Values Group Policy sets under HKLM\\Software\\Policies\\SecureMFA (SecureMFA.admx) win over these; a warning names the parameters they override. Returns one object per change " +
        "(Kind, Name, Action, Detail). Who must use a code: -excluded_accounts, -excluded_groups, -enforced_groups, -rdponly_groups, -unlock_grace_minutes, " +
        "-grace_excluded_groups and -allowed_providers (names are resolved to SIDs here, before anything is written; one that does not resolve stops the install). " +
        "Sign-ins change at the next logon screen; run Test-SecureMFA_WIN_OTP afterwards. -serialkey and -subscriptionid are " +
        "accepted and ignored (every feature is available); -data_encryption_passphrase is accepted and not used (the device key replaced it).")]
    [CmdletExample("Install-SecureMFA_WIN_OTP_AuthenticationProvider -anchordnsname \"adatum.labnet\" -RDPonly $true -api_endpoint \"https://awebapi.adatum.labnet/api/securemfaotp\" -api_headers_value $bootstrap",
        "Remote Desktop sign-ins ask a code; the console is unchanged. Registers this computer with the WEB API.")]
    [CmdletExample("Install-SecureMFA_WIN_OTP_AuthenticationProvider -anchordnsname adatum.labnet -RDPonly $false -api_endpoint https://awebapi.adatum.labnet/api/securemfaotp -totp_offline_secret_valid_days 14 -WhatIf",
        "Shows what a code-everywhere installation with 14 days of offline sign-in would change, without changing anything.")]
    [CmdletExample("Install-SecureMFA_WIN_OTP_AuthenticationProvider -anchordnsname adatum.labnet -RDPonly $false -api_endpoint https://awebapi.adatum.labnet/api/securemfaotp -excluded_accounts '.\\breakglass' -enforced_groups 'ADATUM\\MFA Pilot' -unlock_grace_minutes 15",
        "The rollout: the local break-glass account never needs a code, only the pilot group is asked one for now, and an unlock within 15 minutes of a code-verified sign-in needs none. The names are written as their SIDs.")]
    public sealed class InstallProviderCommand : PSCmdlet
    {
        private const string Name = "Install-SecureMFA_WIN_OTP_AuthenticationProvider";
        /// <summary>The module's seam for a name's SID on this computer (NTAccount.Translate); nothing when it does not resolve.</summary>
        public const string ResolveSidCommand = "Resolve-SecureMfaWinOtpAccountSid";

        [Parameter(Mandatory = true, HelpMessage = "The OTP users' UPN suffix, joined to bare user names typed at logon (alice becomes alice@<anchordnsname>), e.g. adatum.labnet.")]
        public string anchordnsname { get; set; } = "";

        [Parameter(Mandatory = true, HelpMessage = "The SecureMFA WEB API endpoint, https://<host>/api/securemfaotp.")]
        public string api_endpoint { get; set; } = "";

        [Parameter(HelpMessage = "The WEB API's bootstrap value (its api_headers_value): registers this computer once; it is sent to the API only and never stored. Needed unless the computer is registered already.")]
        public string? api_headers_value { get; set; }

        [Parameter(HelpMessage = "Milliseconds for a whole API call (500-120000; LogonUI waits at most 30000, a warning says so). Default 10000.")]
        public int api_timeout { get; set; } = WinOtpSettings.DefaultApiTimeoutMs;

        [Parameter(HelpMessage = "The self-service password portal for the tile's Change password link (https). Default: the host of api_endpoint.")]
        public string? sspr_url { get; set; }

        [Parameter(HelpMessage = "$true (default): a code for Remote Desktop and remote sessions only, the console unchanged. $false: a code for every sign-in.")]
        public bool RDPonly { get; set; } = true;

        [Parameter(HelpMessage = "Days an offline package stays valid after the last online sign-in (0-3650); 0 (default) turns offline sign-in off.")]
        public int totp_offline_secret_valid_days { get; set; }

        [Parameter(HelpMessage = "Wrong offline codes before the account is locked on this computer; 0 turns the local lockout off. Default 5.")]
        public int totp_offline_ui_login_failures { get; set; } = WinOtpSettings.DefaultOfflineLoginFailures;

        [Parameter(HelpMessage = "Minutes of an offline lockout. Default 5.")]
        public int totp_offline_ui_lockout_minutes { get; set; } = WinOtpSettings.DefaultOfflineLockoutMinutes;

        [Parameter(HelpMessage = "Wrong offline codes since the last online contact after which the offline data needs an online sign-in again (0-1000); 0 = no cap. Default 10.")]
        public int offline_max_failures { get; set; } = SettingCatalogue.OfflineMaxFailures.DefaultNumber;

        [Parameter(HelpMessage = "Accepted for compatibility and not used: the device key from registration (under DPAPI) protects the API messages and the offline data instead of a passphrase. It is not stored.")]
        public string? data_encryption_passphrase { get; set; }

        [Parameter(HelpMessage = "$true: call the API through the proxy below. Default $false (no proxy at all: LogonUI runs as SYSTEM).")]
        public bool api_proxy_enable { get; set; }

        [Parameter(HelpMessage = "The proxy's host name (with api_proxy_enable).")]
        public string? api_proxy_server { get; set; }

        [Parameter(HelpMessage = "The proxy's port (with api_proxy_enable).")]
        public int api_proxy_port { get; set; }

        [Parameter(HelpMessage = "$true: the provider also writes verbose events (5550). Codes, passwords and keys are never written.")]
        public bool verboselog { get; set; }

        [Parameter(HelpMessage = "A user the WEB API says is not enrolled: Deny (default) refuses and says where to enrol (sspr_url); Allow lets the password alone through; Grace lets it through for unenrolled_grace_days from the API's first sighting of the user.")]
        [ValidateSet("Deny", "Allow", "Grace", IgnoreCase = true)]
        public string unenrolled_policy { get; set; } = nameof(UnenrolledPolicy.Deny);

        [Parameter(HelpMessage = "With -unenrolled_policy Grace: days (1-365) from the first time the WEB API saw the user. Default 14.")]
        public int unenrolled_grace_days { get; set; } = WinOtpSettings.DefaultUnenrolledGraceDays;

        [Parameter(HelpMessage = "Enforce (default) asks for codes. ReportOnly asks for nothing and reports to the WEB API what it would have done (Get-xOTP_RolloutReadiness on the AD FS module), for a rollout.")]
        [ValidateSet("Enforce", "ReportOnly", IgnoreCase = true)]
        public string enforce { get; set; } = nameof(Enforcement.Enforce);

        [Parameter(HelpMessage = "Accounts that never need a code (names such as .\\breakglass or ADATUM\\svc-backup, or SIDs): first of all a local break-glass account. Names are resolved to SIDs here and written as SIDs.")]
        public string[] excluded_accounts { get; set; } = new string[0];

        [Parameter(HelpMessage = "Groups (AD or local, nested) whose members never need a code; resolved to SIDs and matched in the logon token. Exclusions win over -enforced_groups.")]
        public string[] excluded_groups { get; set; } = new string[0];

        [Parameter(HelpMessage = "When given, only members of these groups need a code (a rollout per group); resolved to SIDs.")]
        public string[] enforced_groups { get; set; } = new string[0];

        [Parameter(HelpMessage = "Members of these groups need a code only for Remote Desktop and remote sessions, as -RDPonly $true does for everyone; resolved to SIDs.")]
        public string[] rdponly_groups { get; set; } = new string[0];

        [Parameter(HelpMessage = "Minutes after a code-verified sign-in during which unlocking the same session, or reconnecting to it over RDP, needs no code (0-1440). Never after a boot or a sleep, never for CredUI. Default 0 (off).")]
        public int unlock_grace_minutes { get; set; }

        [Parameter(HelpMessage = "Groups whose members never get the unlock grace (administrators, say); resolved to SIDs.")]
        public string[] grace_excluded_groups { get; set; } = new string[0];

        [Parameter(HelpMessage = "CLSIDs of Windows' other credential providers left visible where a code is required (smart card {8fd7e19c-3bf7-489b-a72c-846ab3678c96}, Windows Hello PIN {cb82ea12-9f71-446d-89e1-8d0924e1256e}, Windows Hello biometrics {bec09223-b018-416d-a0ac-523971b639f5}, FIDO security key {f8a1793b-7873-4046-b2a7-1f318747f427}). Their sign-ins need no code. The Password provider is refused.")]
        public string[] allowed_providers { get; set; } = new string[0];

        [Parameter(HelpMessage = "Your own label for the tile's code field (at most 32 characters), shown as given in every language. Default: 'One-time code' in the logon screen's language.")]
        public string? tile_label { get; set; }

        [Parameter(HelpMessage = "A help-desk line shown after the tile's enrolment hint and its refusals (at most 120 characters), as given in every language, e.g. 'Help desk: +1 555 0100, ext. 42'. Default: none.")]
        public string? helpdesk_text { get; set; }

        [Parameter(HelpMessage = "Accepted for compatibility and ignored: there is no licence, every feature is available, for any number of users.")]
        public string? serialkey { get; set; }

        [Parameter(HelpMessage = "Accepted for compatibility and ignored: there is no licence, every feature is available, for any number of users.")]
        public string? subscriptionid { get; set; }

        protected override void ProcessRecord()
        {
            try { Install(); }
            catch (PlatformCommandException e) { ThrowTerminatingError(Errors.PlatformCommandFailed(e, "Nothing after this step was changed.")); }
        }

        private void Install()
        {
            var platform = new PlatformCommands(this);
            var host = HostFacts.Read(this);
            host.Require(this, Name);
            host.RequireX64Windows(this);

            var settings = new InstallSettings
            {
                AnchorDnsName = anchordnsname, ApiEndpoint = api_endpoint, ApiTimeoutMs = api_timeout, SsprUrl = sspr_url, RdpOnly = RDPonly,
                OfflineValidDays = totp_offline_secret_valid_days, OfflineLoginFailures = totp_offline_ui_login_failures, OfflineLockoutMinutes = totp_offline_ui_lockout_minutes, OfflineMaxFailures = offline_max_failures,
                ProxyEnabled = api_proxy_enable, ProxyServer = api_proxy_server ?? "", ProxyPort = api_proxy_port, VerboseLog = verboselog,
                UnenrolledPolicy = (UnenrolledPolicy)Enum.Parse(typeof(UnenrolledPolicy), unenrolled_policy, true),
                UnenrolledGraceDays = unenrolled_grace_days,
                Enforce = (Enforcement)Enum.Parse(typeof(Enforcement), enforce, true),
                ExcludedAccounts = excluded_accounts ?? new string[0], ExcludedGroups = excluded_groups ?? new string[0], EnforcedGroups = enforced_groups ?? new string[0],
                RdpOnlyGroups = rdponly_groups ?? new string[0], UnlockGraceMinutes = unlock_grace_minutes, GraceExcludedGroups = grace_excluded_groups ?? new string[0],
                AllowedProviders = allowed_providers ?? new string[0],
                TileLabel = tile_label ?? "", HelpdeskText = helpdesk_text ?? "",
            };
            // Names become SIDs on this computer, before anything is checked or written: the tile compares SIDs only.
            var unresolved = settings.ResolveNames(name => platform.Value(ResolveSidCommand, new Hashtable { ["Name"] = name }) as string);
            var check = settings.Check();
            var problems = unresolved.Concat(check.Errors).ToList();
            if (problems.Count > 0)
                ThrowTerminatingError(Errors.Record($"Nothing was changed: {string.Join(" ", problems.Select(Parameter))}", "InvalidParameters", ErrorCategory.InvalidArgument, null));
            // What LogonUI will clamp (api_timeout above 30 s) is said now, not only in its event log.
            foreach (var warning in check.Warnings) WriteWarning(Parameter(warning));
            if (serialkey != null || subscriptionid != null) WriteVerbose("-serialkey and -subscriptionid are ignored: this version has no licence; every feature is available for any number of users.");
            if (data_encryption_passphrase != null) WriteWarning("-data_encryption_passphrase is not used and not stored: the device key from the registration with the WEB API protects the API messages and the offline data.");

            ProviderInstallation provider;
            var moduleFolder = ProviderInstallation.ModuleFolder;
            try { provider = new ProviderInstallation(host.ProgramFiles, ProviderInstallation.ShippedAssemblyName(moduleFolder)); }
            catch (Exception e) when (e is IOException || e is BadImageFormatException || e is ArgumentException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(Errors.Record($"The module has no usable provider\\{CredentialProvider.Interop.ProviderIds.AssemblyFileName} ({e.Message}): reinstall the SecureMFA_WIN_OTP module.", "ModuleIncomplete", ErrorCategory.ObjectNotFound, moduleFolder, e));
                return;
            }

            var dispatcher = new PipelineDispatcher();
            var registry = new SeamRegistry(platform, dispatcher);
            var protection = new SeamProtection(platform, dispatcher);
            var events = new CollectedEvents();

            Register(check.Settings!, host, registry, protection, events, dispatcher);
            CopyFiles(platform, provider, moduleFolder);
            if (ShouldProcess("Application log", "Register the event source 'SecureMFA WIN OTP' (events 5550-5562)"))
                WriteObject(new WinOtpChange(WinOtpChange.EventSource, "SecureMFA WIN OTP", platform.Text("Register-SecureMfaWinOtpEventSource")));
            WriteRegistry(registry, RegistryLayout.For(settings, provider));
            RemoveUnusedValues(registry);
            // What this install wrote is not what LogonUI uses where a GPO sets the same value: say so now.
            var governed = SettingCatalogue.All.Where(s => registry.GetPolicyValue(s.ValueName) != null).Select(s => $"-{s.Parameter}").ToList();
            if (governed.Count > 0)
                WriteWarning($"Group Policy ({SettingNames.PolicyRegistryPath}) sets {string.Join(", ", governed)}: its values win over what this install wrote; change them in the GPO.");
        }

        private void Register(WinOtpSettings settings, HostFacts host, SeamRegistry registry, SeamProtection protection, CollectedEvents events, PipelineDispatcher dispatcher)
        {
            if (string.IsNullOrEmpty(api_headers_value))
            {
                var device = new DeviceStore(registry, protection).Load(out var problem);
                if (device == null)
                    ThrowTerminatingError(Errors.Record($"{problem} Give -api_headers_value (the WEB API's bootstrap value) to register it. Nothing was changed.", "NotRegistered", ErrorCategory.InvalidArgument, null));
                WriteObject(new WinOtpChange(WinOtpChange.Device, device!.DeviceId, "Kept", "registered before; no -api_headers_value given"));
                return;
            }
            if (!ShouldProcess(settings.ApiEndpoint.ToString(), "Register this computer with the SecureMFA WEB API (the bootstrap value is sent once and not stored; the device key is kept under DPAPI machine scope in " +
                $"{SettingNames.DeviceRegistryPath}, SYSTEM and Administrators only)")) return;
            var exposed = ExposedDeviceId(registry, new DeviceStore(registry, protection));
            var platform = InstallerPlatform.Create(registry, protection, events, host.MachineName);
            var bootstrap = api_headers_value!;
            var (registered, message) = dispatcher.Run(() => DeviceRegistration.RegisterAsync(platform, settings, bootstrap, host.MachineSid));
            foreach (var line in events.Drain()) WriteVerbose(line);
            if (!registered)
                ThrowTerminatingError(Errors.Record($"This computer could not be registered with {settings.ApiEndpoint}: {message} Nothing else was changed.", "RegistrationFailed", ErrorCategory.ConnectionError, settings.ApiEndpoint.ToString()));
            var id = registry.GetValue(SettingNames.DeviceKeyName, SettingNames.DeviceId) as string ?? "";
            WriteObject(new WinOtpChange(WinOtpChange.Device, id, "Registered", exposed != null ? $"{settings.ApiEndpoint}; replaces device {exposed}, whose key local users could read" : settings.ApiEndpoint.ToString()));
            if (exposed != null)
                WriteWarning($"The previous device {exposed} kept its key where local users could read it, and is replaced: revoke it at the WEB API (Revoke-xOTP_Device -DeviceId {exposed}).");
        }

        /// <summary>
        /// The id of a registration whose key local users could read: an earlier version's, in HKLM\Software\SecureMFA, or
        /// one in the Device key with an ACL open to others. Null when there is none.
        /// </summary>
        private static string? ExposedDeviceId(SeamRegistry registry, DeviceStore store)
        {
            if (store.PreviousVersionDeviceId != null) return store.PreviousVersionDeviceId;
            var current = registry.GetValue(SettingNames.DeviceKeyName, SettingNames.DeviceId) as string;
            return current != null && registry.OthersWithAccess(SettingNames.DeviceKeyName) is IReadOnlyList<string> others && others.Count > 0 ? current : null;
        }

        private void CopyFiles(PlatformCommands platform, ProviderInstallation provider, string moduleFolder)
        {
            if (!ShouldProcess(provider.Folder, $"Copy the credential provider ({string.Join(", ", ProviderInstallation.Files)})")) return;
            foreach (var file in ProviderInstallation.Files)
            {
                var destination = $"{provider.Folder}\\{file}";
                var action = platform.Text("Copy-SecureMfaWinOtpFile", new Hashtable { ["Source"] = Path.Combine(moduleFolder, "provider", file), ["Destination"] = destination });
                WriteObject(new WinOtpChange(WinOtpChange.File, destination, action));
            }
        }

        private void WriteRegistry(SeamRegistry registry, System.Collections.Generic.IReadOnlyList<RegistryEntry> layout)
        {
            foreach (var group in layout.GroupBy(Part))
            {
                if (!ShouldProcess(group.Key.Target, group.Key.Action)) continue;
                foreach (var entry in group)
                {
                    if (entry.Kind == RegistryEntry.ProtectedKey)
                    {
                        WriteObject(new WinOtpChange(group.Key.Kind, entry.Key, Protect(registry, entry.Key), entry.Value as string ?? ""));
                        continue;
                    }
                    var before = entry.Kind == RegistryEntry.KeyOnly ? null : entry.Kind == RegistryEntry.MultiString ? registry.ReadList(entry.Key, entry.Name) : registry.Read(entry.Key, entry.Name);
                    if (before != null && entry.IsWrittenAs(before))
                    {
                        WriteObject(new WinOtpChange(group.Key.Kind, Describe(entry), "Unchanged"));
                        continue;
                    }
                    registry.Write(entry);
                    WriteObject(new WinOtpChange(group.Key.Kind, Describe(entry), before == null ? "Set" : "Changed", entry.Kind == RegistryEntry.KeyOnly ? "" : entry.Value is string[] lines ? string.Join(";", lines) : Convert.ToString(entry.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                }
            }
        }

        /// <summary>Sets the key's ACL and checks it took: a key still open to others stops the install.</summary>
        private string Protect(SeamRegistry registry, string key)
        {
            registry.Protect(key);
            var others = registry.Access(key);
            if (others == null || others.Count > 0)
            {
                var found = others == null ? $"does not exist after {SeamRegistry.ProtectKeyCommand}"
                    : $"is still open to {string.Join(", ", others)} after its ACL was set to SYSTEM and Administrators only";
                ThrowTerminatingError(Errors.Record($"{key} {found}. The settings, COM classes, provider and filter were not written.",
                    "KeyNotProtected", ErrorCategory.PermissionDenied, key));
            }
            return "Protected";
        }

        private void RemoveUnusedValues(SeamRegistry registry)
        {
            foreach (var name in SettingNames.NotUsed)
            {
                if (registry.Read(SettingNames.RegistryPath, name) == null) continue;
                if (!ShouldProcess($"{SettingNames.RegistryPath}\\{name}", "Delete a value of the original product this version does not use")) continue;
                registry.RemoveValue(SettingNames.RegistryPath, name);
                WriteObject(new WinOtpChange(WinOtpChange.Setting, $"{SettingNames.RegistryPath}\\{name}", "Removed", "not used by this version"));
            }
        }

        /// <summary>What a registry entry is part of: the kind of change it reports, and the -WhatIf/-Confirm question that covers it.</summary>
        private static (string Kind, string Target, string Action) Part(RegistryEntry entry)
        {
            if (entry.Kind == RegistryEntry.ProtectedKey)
                return (WinOtpChange.RegistryKey, entry.Key, $"Limit the key to SYSTEM and Administrators ({entry.Value})");
            if (entry.Key.StartsWith(RegistryLayout.ClassesRoot, StringComparison.OrdinalIgnoreCase))
                return (WinOtpChange.ComClass, RegistryLayout.ClassesRoot, "Register the provider's and the filter's COM classes (mscoree.dll, Apartment, CodeBase)");
            if (entry.Key.StartsWith(RegistryLayout.CredentialProviderFilters, StringComparison.OrdinalIgnoreCase))
                return (WinOtpChange.CredentialProviderFilter, entry.Key, "Register the credential provider filter (Windows' other tiles off where a code is required)");
            if (entry.Key.StartsWith(RegistryLayout.CredentialProviders, StringComparison.OrdinalIgnoreCase))
                return (WinOtpChange.CredentialProvider, entry.Key, "Register the credential provider");
            return (WinOtpChange.Setting, SettingNames.RegistryPath, "Write the SecureMFA WIN OTP settings");
        }

        private static string Describe(RegistryEntry entry) => entry.Kind == RegistryEntry.KeyOnly ? entry.Key : $"{entry.Key}\\{(entry.Name.Length == 0 ? "(default)" : entry.Name)}";

        /// <summary>WinOtp.Core names the registry value; the administrator typed the parameter: say both.</summary>
        private static string Parameter(string error) =>
            error.StartsWith("win_", StringComparison.Ordinal) ? $"-{error.Substring(4)}" : error;
    }
}
