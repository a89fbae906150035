using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecureMFA.Testing;

namespace SecureMFA.WinOtp.Cmdlets.Tests
{
    /// <summary>
    /// A Windows computer for the module: every seam function (host facts, registry, files, event source, DPAPI) is
    /// replaced by a PowerShell function that records its call in $global:calls and keeps state in PowerShell
    /// variables: $global:reg ("path|name" to value, with $global:kinds), $global:files, $global:source. Key ACLs as
    /// Windows leaves them under HKLM\Software: readable by BUILTIN\Users until Protect-SecureMfaWinOtpRegistryKey gives a
    /// key its own ACL ($global:protected); $global:granted adds other entries to a key's ACL; $global:sids is what names
    /// resolve to (<see cref="Sid"/>), any other name does not. The host is an elevated
    /// 64-bit Windows PowerShell on Windows Server 2022 with .NET Framework 4.8 unless told otherwise.
    /// </summary>
    public sealed class FakeWindows : IDisposable
    {
        public const string ProgramFiles = @"C:\Program Files";
        public const string ProgramData = @"C:\ProgramData";

        public FakeWindows()
        {
            Session = new WinOtpModuleSession();
            var result = Session.Run(@"
                $global:calls = [System.Collections.Generic.List[string]]::new()
                $global:reg = [ordered]@{}
                $global:kinds = @{}
                $global:files = @{}
                $global:source = $false
                $global:protected = @{}
                $global:granted = @{}
                $global:sids = @{}
                $global:facts = [pscustomobject]@{ IsElevated = $true; Is64BitOperatingSystem = $true; Is64BitProcess = $true; OSArchitecture = 'AMD64'; WindowsBuild = 20348; NetFrameworkRelease = 528449;
                    MachineName = 'PC1'; MachineSid = 'S-1-5-21-1-2-3'; ProgramFiles = 'C:\Program Files'; ProgramData = 'C:\ProgramData' }
                function global:Get-SecureMfaWinOtpHost { $global:facts }
                function global:Get-SecureMfaWinOtpRegistryValue { param($Path, $Name) $key = ""$Path|$Name""; if ($global:reg.Contains($key)) { , $global:reg[$key] } }
                function global:Get-SecureMfaWinOtpRegistryValueKind { param($Path, $Name) $key = ""$Path|$Name""; if ($global:reg.Contains($key)) { $global:kinds[$key] } }
                function global:Set-SecureMfaWinOtpRegistryValue {
                    param($Path, $Name, $Kind, $Value)
                    $shown = if ($Value -is [byte[]]) { '(binary)' } else { $Value }
                    $global:calls.Add(""Set|$Path|$Name|$Kind|$shown"")
                    if ($Kind -ne 'Key') { $global:reg[""$Path|$Name""] = $Value; $global:kinds[""$Path|$Name""] = $Kind }
                }
                function global:Remove-SecureMfaWinOtpRegistryValue {
                    param($Path, $Name)
                    $global:calls.Add(""RemoveValue|$Path|$Name"")
                    if (-not $global:reg.Contains(""$Path|$Name"")) { return $false }
                    $global:reg.Remove(""$Path|$Name""); $true
                }
                function global:Remove-SecureMfaWinOtpRegistryKey {
                    param($Path, [switch] $OnlyIfEmpty)
                    $global:calls.Add(""RemoveKey|$Path|$OnlyIfEmpty"")
                    $below = @($global:reg.Keys | Where-Object { $_.StartsWith(""$Path|"", 'OrdinalIgnoreCase') -or $_.StartsWith(""$Path\"", 'OrdinalIgnoreCase') })
                    if ($below.Count -eq 0) { return $false }
                    if ($OnlyIfEmpty) { return $false }
                    foreach ($key in $below) { $global:reg.Remove($key) }
                    $global:protected.Remove($Path); $global:granted.Remove($Path)
                    $true
                }
                function global:Protect-SecureMfaWinOtpRegistryKey {
                    param($Path)
                    $global:calls.Add(""Protect|$Path"")
                    $global:protected[$Path] = $true
                    $global:granted.Remove($Path)
                }
                function global:Get-SecureMfaWinOtpRegistryKeyAccess {
                    param($Path)
                    $global:calls.Add(""GetAccess|$Path"")
                    $exists = $global:protected.Contains($Path) -or @($global:reg.Keys | Where-Object { $_.StartsWith(""$Path|"", 'OrdinalIgnoreCase') }).Count -gt 0
                    $others = @()
                    if ($exists -and -not $global:protected.Contains($Path)) { $others += 'BUILTIN\Users' }
                    if ($exists -and $global:granted.Contains($Path)) { $others += $global:granted[$Path] }
                    [pscustomobject]@{ Exists = $exists; Others = $others }
                }
                function global:Resolve-SecureMfaWinOtpAccountSid { param($Name) $global:calls.Add(""ResolveSid|$Name""); if ($global:sids.Contains($Name)) { $global:sids[$Name] } }
                function global:Copy-SecureMfaWinOtpFile {
                    param($Source, $Destination)
                    $global:calls.Add(""Copy|$([System.IO.Path]::GetFileName($Source))|$Destination"")
                    if (-not [System.IO.File]::Exists($Source)) { throw ""Cannot find $Source"" }
                    $hash = [System.Convert]::ToBase64String([System.Security.Cryptography.SHA256]::HashData([System.IO.File]::ReadAllBytes($Source)))
                    $before = $global:files[$Destination]
                    $global:files[$Destination] = $hash
                    if ($null -eq $before) { 'Installed' } elseif ($before -eq $hash) { 'Unchanged' } else { 'Replaced' }
                }
                function global:Remove-SecureMfaWinOtpFolder {
                    param($Path)
                    $global:calls.Add(""RemoveFolder|$Path"")
                    $inside = @($global:files.Keys | Where-Object { $_.StartsWith(""$Path\"") })
                    foreach ($file in $inside) { $global:files.Remove($file) }
                    if ($inside.Count -gt 0) { 'Removed' } else { 'Not present' }
                }
                function global:Register-SecureMfaWinOtpEventSource { $global:calls.Add('RegisterSource'); if ($global:source) { 'Unchanged' } else { $global:source = $true; 'Registered' } }
                function global:Unregister-SecureMfaWinOtpEventSource { $global:calls.Add('UnregisterSource'); if ($global:source) { $global:source = $false; 'Removed' } else { 'Not present' } }
                # DPAPI's stand-in: the entropy travels with the data and must match, as DPAPI refuses other entropy.
                function global:Protect-SecureMfaWinOtpMachineData {
                    param([byte[]] $Data, [byte[]] $Entropy)
                    $global:calls.Add('Protect')
                    $marker = [System.Text.Encoding]::ASCII.GetBytes('DPAPI:')
                    , [byte[]]($marker + [System.BitConverter]::GetBytes($Entropy.Length) + $Entropy + ($Data | ForEach-Object { $_ -bxor 0x5A }))
                }
                function global:Unprotect-SecureMfaWinOtpMachineData {
                    param([byte[]] $Data, [byte[]] $Entropy)
                    $global:calls.Add('Unprotect')
                    $length = [System.BitConverter]::ToInt32($Data, 6)
                    $stored = $Data[10..(9 + $length)]
                    if ([System.Convert]::ToBase64String([byte[]]$stored) -ne [System.Convert]::ToBase64String($Entropy)) { throw 'The data is invalid (DPAPI: other entropy).' }
                    , [byte[]]($Data[(10 + $length)..($Data.Length - 1)] | ForEach-Object { $_ -bxor 0x5A })
                }");
            if (result.Errors.Count > 0) throw new InvalidOperationException(result.ErrorAndVerboseText);
        }

        public WinOtpModuleSession Session { get; }

        public ScriptResult Run(string script, IDictionary<string, object?>? variables = null) => Session.Run(script, variables);

        public string[] Calls() => Run("$global:calls.ToArray()").Output.Select(o => o.ToString()).ToArray();

        public void ClearCalls() => Run("$global:calls.Clear()");

        /// <summary>The fake registry: "path|name" to value as text (binary as base64).</summary>
        public Dictionary<string, string> Registry() => Run("$global:reg.GetEnumerator() | ForEach-Object { $v = if ($_.Value -is [byte[]]) { [Convert]::ToBase64String($_.Value) } else { [string]$_.Value }; \"$($_.Key)=$v\" }")
            .Output.Select(o => o.ToString()).ToDictionary(l => l.Substring(0, l.IndexOf('=')), l => l.Substring(l.IndexOf('=') + 1), StringComparer.OrdinalIgnoreCase);

        public void Set(string path, string name, object value, string kind) =>
            Run("$global:reg[\"$p|$n\"] = $v; $global:kinds[\"$p|$n\"] = $k", new Dictionary<string, object?> { ["p"] = path, ["n"] = name, ["v"] = value, ["k"] = kind });

        /// <summary>What Resolve-SecureMfaWinOtpAccountSid answers for <paramref name="name"/> on this computer.</summary>
        public void Sid(string name, string sid) => Run("$global:sids[$n] = $s", new Dictionary<string, object?> { ["n"] = name, ["s"] = sid });

        public void Dispose() => Session.Dispose();
    }
}
