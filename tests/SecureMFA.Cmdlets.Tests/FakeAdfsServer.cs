using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;
using SecureMFA.Testing;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>Install and uninstall tests change process-wide environment variables: they run one at a time.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class AdfsServerCollection
    {
        public const string Name = "AD FS server";
    }

    /// <summary>
    /// An AD FS server for the install cmdlets, with every Windows seam replaced by a PowerShell function that records its
    /// call in $global:calls: the host facts (an elevated Windows PowerShell 5.1 on .NET Framework 4.8 unless told
    /// otherwise), the AD FS cmdlets, the service cmdlets, the event source, the file protection, and a GAC kept in a
    /// temporary folder ($global:gac maps full names to files, so hashes and identities are real).
    /// %ProgramData% and the native folder point into the same temporary folder: nothing is written anywhere else.
    /// </summary>
    public sealed class FakeAdfsServer : IDisposable
    {
        /// <param name="host">A console that shows what -WhatIf says (<see cref="AnsweringHost"/>); none by default.</param>
        public FakeAdfsServer(System.Management.Automation.Host.PSHost? host = null)
        {
            Root = Path.Combine(Path.GetTempPath(), "securemfa-adfs-server", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(Root, "gac"));
            Directory.CreateDirectory(ProgramData);
            Environment.SetEnvironmentVariable("ProgramData", ProgramData);
            Environment.SetEnvironmentVariable("SECUREMFA_OTP_NATIVE_DIR", NativeRoot);
            Environment.SetEnvironmentVariable("SECUREMFA_OTP_CONFIGURATION", null);
            Session = new PowerShellSession(host: host);
            Session.Run($@"
                $global:calls = [System.Collections.Generic.List[string]]::new()
                $global:gac = @{{}}
                $global:gacFolder = '{Path.Combine(Root, "gac")}'
                $global:failInstall = @()
                $global:keepExisting = @()
                $global:failRemove = @()
                $global:host51 = [pscustomobject]@{{ PSEdition = 'Desktop'; PSVersion = '5.1.17763.592'; IsElevated = $true; NetFrameworkRelease = 528040 }}
                function global:Get-SecureMfaOtpHost {{ $global:host51 }}
                {StandIn("Restart-Service", "$global:calls.Add(\"Restart|$Name|$Force\")")}
                {StandIn("Stop-Service", "$global:calls.Add(\"Stop|$Name\")")}
                {StandIn("Start-Service", "$global:calls.Add(\"Start|$Name\")")}
                function global:Register-SecureMfaOtpEventSource {{ $global:calls.Add('EventSource'); 'Registered' }}
                function global:Protect-SecureMfaOtpConfigurationFile {{ param($Path) $global:calls.Add(""Protect|$Path|$([System.IO.File]::Exists($Path))"") }}
                function global:Find-SecureMfaOtpGacAssembly {{ param($AssemblyName) $global:calls.Add(""Find|$(([System.Reflection.AssemblyName]$AssemblyName).Name)""); $global:gac[$AssemblyName] }}
                function global:Install-SecureMfaOtpGacAssembly {{
                    param($Path)
                    $file = [System.IO.Path]::GetFileName($Path)
                    $global:calls.Add(""Gac|$file"")
                    if ($global:failInstall -contains $file) {{ throw 'Access is denied. (Exception from HRESULT: 0x80070005)' }}
                    $name = [System.Reflection.AssemblyName]::GetAssemblyName($Path).FullName
                    # Like a GAC API that keeps an existing file of the same identity instead of replacing it.
                    if ($global:keepExisting -contains $file -and $global:gac.ContainsKey($name)) {{ return }}
                    # The hosted engine has no provider cmdlets (Join-Path, Copy-Item): .NET does the file work.
                    $target = [System.IO.Path]::Combine($global:gacFolder, [guid]::NewGuid().ToString('N'), $file)
                    $null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($target))
                    [System.IO.File]::Copy($Path, $target)
                    $global:gac[$name] = $target
                }}
                $global:failAtRestart = $false
                function global:Remove-SecureMfaOtpFileAtRestart {{
                    param($Path)
                    $global:calls.Add(""AtRestart|$Path"")
                    if ($global:failAtRestart) {{ throw 'Access is denied.' }}
                }}
                function global:Uninstall-SecureMfaOtpGacAssembly {{
                    param($AssemblyName)
                    $global:calls.Add(""Ungac|$(([System.Reflection.AssemblyName]$AssemblyName).Name)"")
                    if ($global:failRemove -notcontains ([System.Reflection.AssemblyName]$AssemblyName).Name) {{ $global:gac.Remove($AssemblyName) }}
                }}");
            Farm(role: "PrimaryComputer", registered: false, additional: "'AzureMfaAuthentication'", nodes: 1);
            DemoFarmCmdlets();
        }

        /// <summary>
        /// The cmdlets only Install-/Uninstall-ADFS_Demo_with_OTP call (ServerManager, AD FS application groups, the farm):
        /// each records its call; $global:fail names one that throws, $global:present the features already installed.
        /// </summary>
        private void DemoFarmCmdlets()
        {
            var feature = "$global:calls.Add(\"{0}|$($Name -join ',')|$IncludeManagementTools\"); if ($global:fail -eq '{1}') {{ throw 'The request to add or remove features failed.' }}; " +
                "[pscustomobject]@{{ Success = $true; RestartNeeded = 'No'; ExitCode = $(if ($global:present -contains ($Name -join ',')) {{ 'NoChangeNeeded' }} else {{ 'Success' }}) }}";
            Session.Run($@"
                $global:fail = ''
                $global:present = @()
                $global:sql = [System.Collections.Generic.List[string]]::new()
                function global:Stop-IfFailing($name) {{ if ($global:fail -eq $name) {{ throw ""$name refused: access is denied."" }} }}
                {StandIn("Install-WindowsFeature", string.Format(feature, "Feature", "Install-WindowsFeature"))}
                {StandIn("Uninstall-WindowsFeature", string.Format(feature, "Unfeature", "Uninstall-WindowsFeature"))}
                {StandIn("Install-AdfsFarm", "Stop-IfFailing Install-AdfsFarm; $global:calls.Add(\"Farm|$CertificateThumbprint|$FederationServiceName|$FederationServiceDisplayName|$GroupServiceAccountIdentifier|$($ServiceAccountCredential.UserName)\")")}
                {StandIn("New-AdfsApplicationGroup", "Stop-IfFailing New-AdfsApplicationGroup; $global:calls.Add(\"Group|$ApplicationGroupIdentifier|$Name\")")}
                {StandIn("Add-AdfsServerApplication", "$global:calls.Add(\"Server|$ApplicationGroupIdentifier|$Identifier|$($RedirectUri -join ',')|$GenerateClientSecret\"); [pscustomobject]@{ Identifier = $Identifier; ClientSecret = 'generated-secret' }")}
                {StandIn("Add-AdfsWebApiApplication", "$global:calls.Add(\"WebApi|$ApplicationGroupIdentifier|$($Identifier -join ',')|$AccessControlPolicyName|$($IssuanceTransformRules -replace '\\n', ' ')\")")}
                {StandIn("Grant-AdfsApplicationPermission", "$global:calls.Add(\"Grant|$ClientRoleIdentifier|$ServerRoleIdentifier|$($ScopeNames -join ',')\")")}
                {StandIn("Remove-AdfsApplicationGroup", "Stop-IfFailing Remove-AdfsApplicationGroup; $global:calls.Add(\"Ungroup|$TargetApplicationGroupIdentifier\")")}");
        }

        public string Root { get; }
        public string ProgramData => Path.Combine(Root, "ProgramData");
        public string NativeRoot => Path.Combine(Root, "ProgramFiles", "SecureMFA OTP", "native");
        public string ConfigurationCopy => Path.Combine(ProgramData, "SecureMFA_OTP", "SecureMfaOtpProvider.json");
        public string AssembliesRecord => Path.Combine(ProgramData, "SecureMFA_OTP", "installed-assemblies.txt");
        public string FilesRecord => Path.Combine(ProgramData, "SecureMFA_OTP", "installed-files.txt");
        public PowerShellSession Session { get; }

        /// <summary>
        /// Defines the fake farm: its WID role, whether the provider is registered (by default with what this build's adapter
        /// gives AD FS; <paramref name="kept"/> replaces that with other PowerShell property assignments), the policy lists,
        /// the number of servers.
        /// </summary>
        public void Farm(string role, bool registered, string additional, int nodes, string? kept = null, string intranet = "'FormsAuthentication'") => Session.Run($@"
            {StandIn("Get-AdfsSyncProperties", $"[pscustomobject]@{{ Role = '{role}' }}")}
            {StandIn("Get-AdfsFarmInformation", $"[pscustomobject]@{{ FarmNodes = @({string.Join(",", Enumerable.Range(1, nodes).Select(n => $"[pscustomobject]@{{ FQDN = 'adfs{n}.adatum.com' }}"))}) }}")}
            {StandIn("Get-AdfsAuthenticationProvider", $"[pscustomobject]@{{ Name = 'FormsAuthentication' }}; {(registered ? $"[pscustomobject]@{{ Name = 'SecureMfaOtpProvider'; {kept ?? KeptByAdfs()} }}" : "")}")}
            {StandIn("Register-AdfsAuthenticationProvider", "$global:calls.Add(\"Register|$Name|$TypeName|$ConfigurationFilePath\")")}
            {StandIn("Import-AdfsAuthenticationProviderConfigurationData", "$global:calls.Add(\"Import|$Name|$FilePath\")")}
            {StandIn("Unregister-AdfsAuthenticationProvider", "$global:calls.Add(\"Unregister|$Name|$($PSBoundParameters['Confirm'])\")")}
            {StandIn("Get-AdfsGlobalAuthenticationPolicy", $"[pscustomobject]@{{ AdditionalAuthenticationProvider = @({additional}); PrimaryIntranetAuthenticationProvider = @({intranet}); PrimaryExtranetAuthenticationProvider = @('FormsAuthentication') }}")}
            {StandIn("Set-AdfsGlobalAuthenticationPolicy", "foreach ($list in $PSBoundParameters.Keys) { $global:calls.Add(\"Policy$(if ($list -ne 'AdditionalAuthenticationProvider') { '.' + $list })|$($PSBoundParameters[$list] -join ',')\") }")}");

        /// <summary>A stand-in for a real cmdlet: its parameters exactly as contracts/adfs/adfs-cmdlets.txt lists them, and a body of the test's.</summary>
        public static string StandIn(string cmdlet, string body) => $"function global:{cmdlet} {{ {AdfsCmdletListing.ParamBlock(cmdlet)} {body} }}";

        /// <summary>
        /// What AD FS would have kept had this build's adapter been registered: AuthenticationMethods, IdentityClaims,
        /// DisplayNames and Descriptions from its metadata class (compiled against it here, not read the way Install reads it).
        /// </summary>
        public static string KeptByAdfs(Action<Dictionary<string, string>>? change = null)
        {
            var metadata = new SecureMFA.Adapter.AdapterMetadata();
            var facts = new Dictionary<string, string>
            {
                ["AuthenticationMethods"] = List(metadata.AuthenticationMethods),
                ["IdentityClaims"] = List(metadata.IdentityClaims),
                ["DisplayNames"] = Dictionary(metadata.FriendlyNames),
                ["Descriptions"] = Dictionary(metadata.Descriptions),
            };
            change?.Invoke(facts);
            return string.Join("; ", facts.Select(f => $"{f.Key} = {f.Value}"));
        }

        public static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

        public static string List(IEnumerable<string> items) => $"@({string.Join(", ", items.Select(Quote))})";

        /// <summary>As AD FS keeps them: a Dictionary[int,string] by LCID.</summary>
        public static string Dictionary(IDictionary<int, string> entries) =>
            $"$($d = [System.Collections.Generic.Dictionary[int,string]]::new(); {string.Join(" ", entries.Select(e => $"$d[{e.Key}] = {Quote(e.Value)};"))} ,$d)";

        /// <summary>Presents another host: edition, version, elevation, .NET Framework release.</summary>
        public void Host(string edition, string version, bool elevated, int? release) => Session.Run(
            $"$global:host51 = [pscustomobject]@{{ PSEdition = '{edition}'; PSVersion = '{version}'; IsElevated = ${elevated.ToString().ToLowerInvariant()}; NetFrameworkRelease = {(release?.ToString() ?? "$null")} }}");

        public ScriptResult Run(string script) => Session.Run(script);

        public string[] Calls() => Session.Run("$global:calls").Output.Select(o => o.ToString()!).ToArray();

        public void ClearCalls() => Session.Run("$global:calls.Clear()");

        /// <summary>The calls that change something (everything but the host facts, GAC look-ups and AD FS queries).</summary>
        public string[] Changes() => Calls().Where(c => !c.StartsWith("Find|", StringComparison.Ordinal)).ToArray();

        /// <summary>The full names the fake GAC holds.</summary>
        public string[] Gac() => Session.Run("$global:gac.Keys").Output.Select(o => o.ToString()!).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        /// <summary>Puts a file into the fake GAC under its own identity, as another product (or an earlier install) would have.</summary>
        public void PutInGac(string file)
        {
            var folder = Path.Combine(Root, "gac", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, Path.GetFileName(file));
            File.Copy(file, target);
            Session.Run($"$global:gac['{AssemblyName.GetAssemblyName(target).FullName}'] = '{target}'");
        }

        /// <summary>A copy of a module assembly with different bytes but the same identity: an older build of the same version.</summary>
        public string OlderBuildOf(string file)
        {
            var older = Path.Combine(Root, "older-" + Path.GetFileName(file));
            File.WriteAllBytes(older, File.ReadAllBytes(file).Concat(new byte[] { 0, 1, 2, 3 }).ToArray());
            return older;
        }

        public static string ModuleAssembly(string file) => Path.Combine(PowerShellSession.ModuleFolder, "adapter", file);

        public static string FullName(string file) => AssemblyName.GetAssemblyName(ModuleAssembly(file)).FullName;

        /// <summary>Every dll in the module's adapter folder, as the GAC would hold them.</summary>
        public static IReadOnlyList<string> ModuleAssemblies() =>
            Directory.GetFiles(Path.Combine(PowerShellSession.ModuleFolder, "adapter"), "*.dll").Select(Path.GetFileName).Select(f => f!).OrderBy(f => f, StringComparer.Ordinal).ToList();

        public string[] RecordedAssemblies() =>
            File.Exists(AssembliesRecord) ? File.ReadAllLines(AssembliesRecord).Where(l => !l.StartsWith("#", StringComparison.Ordinal)).ToArray() : Array.Empty<string>();

        public void Dispose()
        {
            Session.Dispose();
            foreach (var variable in new[] { "ProgramData", "SECUREMFA_OTP_NATIVE_DIR", "SECUREMFA_OTP_CONFIGURATION" })
                Environment.SetEnvironmentVariable(variable, null);
            try { Directory.Delete(Root, true); } catch (IOException) { }
        }
    }
}
