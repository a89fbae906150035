using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

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
        public FakeAdfsServer()
        {
            Root = Path.Combine(Path.GetTempPath(), "securemfa-adfs-server", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(Root, "gac"));
            Directory.CreateDirectory(ProgramData);
            Environment.SetEnvironmentVariable("ProgramData", ProgramData);
            Environment.SetEnvironmentVariable("SECUREMFA_OTP_NATIVE_DIR", NativeRoot);
            Environment.SetEnvironmentVariable("SECUREMFA_OTP_CONFIGURATION", null);
            Session = new PowerShellSession();
            Session.Run($@"
                $global:calls = [System.Collections.Generic.List[string]]::new()
                $global:gac = @{{}}
                $global:gacFolder = '{Path.Combine(Root, "gac")}'
                $global:failInstall = @()
                $global:keepExisting = @()
                $global:failRemove = @()
                $global:host51 = [pscustomobject]@{{ PSEdition = 'Desktop'; PSVersion = '5.1.17763.592'; IsElevated = $true; NetFrameworkRelease = 528040 }}
                function global:Get-SecureMfaOtpHost {{ $global:host51 }}
                function global:Restart-Service {{ param($Name, [switch]$Force) $global:calls.Add(""Restart|$Name|$Force"") }}
                function global:Stop-Service {{ param($Name, [switch]$Force) $global:calls.Add(""Stop|$Name"") }}
                function global:Start-Service {{ param($Name) $global:calls.Add(""Start|$Name"") }}
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
                function global:Uninstall-SecureMfaOtpGacAssembly {{
                    param($AssemblyName)
                    $global:calls.Add(""Ungac|$(([System.Reflection.AssemblyName]$AssemblyName).Name)"")
                    if ($global:failRemove -notcontains ([System.Reflection.AssemblyName]$AssemblyName).Name) {{ $global:gac.Remove($AssemblyName) }}
                }}");
            Farm(role: "PrimaryComputer", registered: false, additional: "'AzureMfaAuthentication'", nodes: 1);
        }

        public string Root { get; }
        public string ProgramData => Path.Combine(Root, "ProgramData");
        public string NativeRoot => Path.Combine(Root, "ProgramFiles", "SecureMFA OTP", "native");
        public string ConfigurationCopy => Path.Combine(ProgramData, "SecureMFA_OTP", "SecureMfaOtpProvider.json");
        public string AssembliesRecord => Path.Combine(ProgramData, "SecureMFA_OTP", "installed-assemblies.txt");
        public string FilesRecord => Path.Combine(ProgramData, "SecureMFA_OTP", "installed-files.txt");
        public PowerShellSession Session { get; }

        /// <summary>Defines the fake farm: its WID role, whether the provider is registered, the policy list, the number of servers.</summary>
        public void Farm(string role, bool registered, string additional, int nodes) => Session.Run($@"
            function global:Get-AdfsSyncProperties {{ [pscustomobject]@{{ Role = '{role}' }} }}
            function global:Get-AdfsFarmInformation {{ [pscustomobject]@{{ FarmNodes = @({string.Join(",", Enumerable.Range(1, nodes).Select(n => $"[pscustomobject]@{{ FQDN = 'adfs{n}.adatum.com' }}"))}) }} }}
            function global:Get-AdfsAuthenticationProvider {{ [pscustomobject]@{{ Name = 'FormsAuthentication' }}; {(registered ? "[pscustomobject]@{ Name = 'SecureMfaOtpProvider' }" : "")} }}
            function global:Register-AdfsAuthenticationProvider {{ param($TypeName, $Name, $ConfigurationFilePath) $global:calls.Add(""Register|$Name|$TypeName|$ConfigurationFilePath"") }}
            function global:Import-AdfsAuthenticationProviderConfigurationData {{ param($Name, $FilePath) $global:calls.Add(""Import|$Name|$FilePath"") }}
            function global:Unregister-AdfsAuthenticationProvider {{ param($Name, [switch]$Confirm) $global:calls.Add(""Unregister|$Name|$Confirm"") }}
            function global:Get-AdfsGlobalAuthenticationPolicy {{ [pscustomobject]@{{ AdditionalAuthenticationProvider = @({additional}); PrimaryIntranetAuthenticationProvider = @('FormsAuthentication'); PrimaryExtranetAuthenticationProvider = @('FormsAuthentication') }} }}
            function global:Set-AdfsGlobalAuthenticationPolicy {{ param([string[]]$AdditionalAuthenticationProvider, [string[]]$PrimaryIntranetAuthenticationProvider) $global:calls.Add(""Policy|$($AdditionalAuthenticationProvider -join ',')"") }}");

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
