# SecureMFA_WIN_OTP loader. Windows PowerShell 5.1 (Desktop) loads the .NET Framework 4.7.2 build of the cmdlets;
# PowerShell 7.6 or later on .NET 10 loads the net10.0 build. The loader functions both modules share are put in
# below by the module build.

$script:ModuleName = 'SecureMFA_WIN_OTP'
$script:CmdletsAssembly = 'SecureMFA.WinOtp.Cmdlets.dll'
$script:OtherPowerShellAdvice = 'Use an elevated Windows PowerShell 5.1 (powershell.exe).'
#include ../../Common/ModuleLoader.ps1
Import-Module (Resolve-SecureMfaCmdletBuild)

# The Windows side effects, one narrow function each. The cmdlets call them by name, so a test (or a cautious
# administrator) can put a function of the same name in their place and see every change before it is made.
# Registry paths are 'HKLM\...' and always mean the 64-bit view, where LogonUI reads.

function Get-SecureMfaWinOtpHost {
    <#
    .SYNOPSIS
    What the installer needs to know about this computer and this PowerShell: elevation, 64-bit, Windows' architecture, Windows build, .NET Framework release, name, machine SID, folders.
    .EXAMPLE
    Get-SecureMfaWinOtpHost
    #>
    [CmdletBinding()]
    param()
    # The machine SID is the account domain SID of the local Administrator (RID 500).
    $administrator = Get-CimInstance -ClassName Win32_UserAccount -Filter "LocalAccount = TRUE AND SID LIKE 'S-1-5-21-%-500'" -ErrorAction SilentlyContinue | Select-Object -First 1
    [pscustomobject]@{
        IsElevated             = Test-SecureMfaElevation
        Is64BitOperatingSystem = [System.Environment]::Is64BitOperatingSystem
        Is64BitProcess         = [System.Environment]::Is64BitProcess
        # The system-wide value is Windows' own architecture; a process's %PROCESSOR_ARCHITECTURE% is what it is emulated as.
        OSArchitecture         = (Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\Environment' -Name PROCESSOR_ARCHITECTURE -ErrorAction SilentlyContinue).PROCESSOR_ARCHITECTURE
        WindowsBuild           = [System.Environment]::OSVersion.Version.Build
        NetFrameworkRelease    = Get-SecureMfaNetFrameworkRelease
        MachineName            = [System.Environment]::MachineName
        MachineSid             = if ($administrator) { $administrator.SID -replace '-500$', '' } else { '' }
        ProgramFiles           = [System.Environment]::GetFolderPath('ProgramFiles')
        ProgramData            = [System.Environment]::GetFolderPath('CommonApplicationData')
    }
}

function Open-SecureMfaWinOtpRegistryKey([string] $Path, [bool] $Create) {
    if ($Path -notmatch '^HKLM\\(.+)$') { throw "Only HKLM paths are used: $Path" }
    $root = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
    if ($Create) { return $root.CreateSubKey($Matches[1], $true) }
    $root.OpenSubKey($Matches[1], $true)
}

function Get-SecureMfaWinOtpRegistryValue {
    <#
    .SYNOPSIS
    One registry value (64-bit view), or nothing when the key or the value does not exist. -Name '' is the key's default value.
    .EXAMPLE
    Get-SecureMfaWinOtpRegistryValue -Path 'HKLM\Software\SecureMFA' -Name win_rdponly
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $Path, [Parameter(Mandatory = $true)][AllowEmptyString()][string] $Name)
    $key = Open-SecureMfaWinOtpRegistryKey $Path $false
    if (-not $key) { return }
    try { $value = $key.GetValue($Name, $null, 'DoNotExpandEnvironmentNames') } finally { $key.Dispose() }
    # The comma keeps a REG_BINARY value one byte[] instead of a stream of bytes.
    if ($null -ne $value) { , $value }
}

function Get-SecureMfaWinOtpRegistryValueKind {
    <#
    .SYNOPSIS
    The registry type of one value (String, DWord, QWord, Binary, MultiString, ...), or nothing when the key or the value does not exist.
    .EXAMPLE
    Get-SecureMfaWinOtpRegistryValueKind -Path 'HKLM\Software\SecureMFA' -Name win_excluded_accounts
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $Path, [Parameter(Mandatory = $true)][AllowEmptyString()][string] $Name)
    $key = Open-SecureMfaWinOtpRegistryKey $Path $false
    if (-not $key) { return }
    try { if ($key.GetValueNames() -contains $Name) { $key.GetValueKind($Name).ToString() } } finally { $key.Dispose() }
}

function Set-SecureMfaWinOtpRegistryValue {
    <#
    .SYNOPSIS
    Writes one registry value (64-bit view), creating the key. Kind is String, DWord, QWord, Binary, MultiString (a string[]), or Key (the key alone, no value).
    .EXAMPLE
    Set-SecureMfaWinOtpRegistryValue -Path 'HKLM\Software\SecureMFA' -Name win_rdponly -Kind DWord -Value 1
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string] $Path,
        [Parameter(Mandatory = $true)][AllowEmptyString()][string] $Name,
        [Parameter(Mandatory = $true)][ValidateSet('String', 'DWord', 'QWord', 'Binary', 'MultiString', 'Key')][string] $Kind,
        [AllowNull()][AllowEmptyString()][object] $Value
    )
    $key = Open-SecureMfaWinOtpRegistryKey $Path $true
    # An empty list arrives as $null or an empty array: REG_MULTI_SZ with no entries.
    if ($Kind -eq 'MultiString') { $Value = [string[]] @($Value | Where-Object { $null -ne $_ }) }
    try { if ($Kind -ne 'Key') { $key.SetValue($Name, $Value, [Microsoft.Win32.RegistryValueKind] $Kind) } } finally { $key.Dispose() }
}

function Resolve-SecureMfaWinOtpAccountSid {
    <#
    .SYNOPSIS
    The SID (S-1-...) of an account or group name on this computer (DOMAIN
ame, name@suffix, .
ame for a local one), or nothing when it does not resolve.
    .EXAMPLE
    Resolve-SecureMfaWinOtpAccountSid -Name '.\breakglass'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $Name)
    $qualified = if ($Name.StartsWith('.')) { "$env:COMPUTERNAME\$($Name.Substring(2))" } else { $Name }
    try { ([System.Security.Principal.NTAccount] $qualified).Translate([System.Security.Principal.SecurityIdentifier]).Value }
    catch [System.Security.Principal.IdentityNotMappedException] { }
}

function Remove-SecureMfaWinOtpRegistryValue {
    <#
    .SYNOPSIS
    Deletes one registry value (64-bit view); $true when it was there.
    .EXAMPLE
    Remove-SecureMfaWinOtpRegistryValue -Path 'HKLM\Software\SecureMFA' -Name win_api_headers_value
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param([Parameter(Mandatory = $true)][string] $Path, [Parameter(Mandatory = $true)][string] $Name)
    $key = Open-SecureMfaWinOtpRegistryKey $Path $false
    if (-not $key) { return $false }
    try {
        if ($null -eq $key.GetValue($Name)) { return $false }
        $key.DeleteValue($Name)
        $true
    } finally { $key.Dispose() }
}

function Remove-SecureMfaWinOtpRegistryKey {
    <#
    .SYNOPSIS
    Deletes a registry key and everything below it (64-bit view); with -OnlyIfEmpty only a key without values or subkeys. $true when it was deleted.
    .EXAMPLE
    Remove-SecureMfaWinOtpRegistryKey -Path 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\Credential Provider Filters\{e9f156f9-07dd-48fa-a3cd-48595381d707}'
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param([Parameter(Mandatory = $true)][string] $Path, [switch] $OnlyIfEmpty)
    if ($Path -notmatch '^HKLM\\(.+)$') { throw "Only HKLM paths are used: $Path" }
    $relative = $Matches[1]
    $key = Open-SecureMfaWinOtpRegistryKey $Path $false
    if (-not $key) { return $false }
    try { if ($OnlyIfEmpty -and ($key.ValueCount -gt 0 -or $key.SubKeyCount -gt 0)) { return $false } } finally { $key.Dispose() }
    $root = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
    $root.DeleteSubKeyTree($relative, $false)
    $true
}

function Protect-SecureMfaWinOtpRegistryKey {
    <#
    .SYNOPSIS
    Creates a registry key (64-bit view) if needed and gives it an ACL of its own: full control for SYSTEM and BUILTIN\Administrators, no other entry, nothing inherited, owner Administrators.
    .DESCRIPTION
    Used for HKLM\Software\SecureMFA\Device, where the device key is kept: under HKLM\Software a key otherwise inherits read access for every local user, and DPAPI machine scope opens for any process on the computer.
    .EXAMPLE
    Protect-SecureMfaWinOtpRegistryKey -Path 'HKLM\Software\SecureMFA\Device'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $Path)
    if ($Path -notmatch '^HKLM\\(.+)$') { throw "Only HKLM paths are used: $Path" }
    $relative = $Matches[1]
    $administrators = New-Object System.Security.Principal.SecurityIdentifier('S-1-5-32-544')
    $security = New-Object System.Security.AccessControl.RegistrySecurity
    $security.SetAccessRuleProtection($true, $false)
    foreach ($sid in 'S-1-5-18', 'S-1-5-32-544') {
        $security.AddAccessRule((New-Object System.Security.AccessControl.RegistryAccessRule((New-Object System.Security.Principal.SecurityIdentifier($sid)),
            [System.Security.AccessControl.RegistryRights]::FullControl, [System.Security.AccessControl.InheritanceFlags]::ContainerInherit,
            [System.Security.AccessControl.PropagationFlags]::None, [System.Security.AccessControl.AccessControlType]::Allow)))
    }
    $security.SetOwner($administrators)
    $root = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
    # A new key is created with the ACL; one that was there already gets it below (the handle CreateSubKey returns cannot change an ACL).
    $root.CreateSubKey($relative, [Microsoft.Win32.RegistryKeyPermissionCheck]::ReadWriteSubTree, $security).Dispose()
    $rights = [System.Security.AccessControl.RegistryRights]::ChangePermissions -bor [System.Security.AccessControl.RegistryRights]::TakeOwnership -bor
        [System.Security.AccessControl.RegistryRights]::ReadPermissions
    $key = $root.OpenSubKey($relative, [Microsoft.Win32.RegistryKeyPermissionCheck]::ReadWriteSubTree, $rights)
    try { $key.SetAccessControl($security) } finally { $key.Dispose() }
}

function Get-SecureMfaWinOtpRegistryKeyAccess {
    <#
    .SYNOPSIS
    Whether a registry key (64-bit view) exists (Exists), and who besides SYSTEM and BUILTIN\Administrators is allowed any access to it or owns it (Others: names; empty when nobody else).
    .EXAMPLE
    Get-SecureMfaWinOtpRegistryKeyAccess -Path 'HKLM\Software\SecureMFA\Device'
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param([Parameter(Mandatory = $true)][string] $Path)
    if ($Path -notmatch '^HKLM\\(.+)$') { throw "Only HKLM paths are used: $Path" }
    $root = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
    $key = $root.OpenSubKey($Matches[1], [Microsoft.Win32.RegistryKeyPermissionCheck]::ReadSubTree, [System.Security.AccessControl.RegistryRights]::ReadPermissions)
    if (-not $key) { return [pscustomobject]@{ Exists = $false; Others = @() } }
    try { $security = $key.GetAccessControl([System.Security.AccessControl.AccessControlSections]'Access, Owner') } finally { $key.Dispose() }
    $trusted = 'S-1-5-18', 'S-1-5-32-544'
    $sidType = [System.Security.Principal.SecurityIdentifier]
    $name = { param($sid) try { $sid.Translate([System.Security.Principal.NTAccount]).Value } catch { $sid.Value } }
    $others = New-Object System.Collections.Generic.List[string]
    # An owner may rewrite the ACL at will, so another owner counts as access.
    $owner = $security.GetOwner($sidType)
    if ($trusted -notcontains $owner.Value) { $others.Add('owner ' + (& $name $owner)) }
    foreach ($rule in $security.GetAccessRules($true, $true, $sidType)) {
        # Deny entries grant nothing; inherit-only entries apply to subkeys, not to this key.
        if ($rule.AccessControlType -ne [System.Security.AccessControl.AccessControlType]::Allow) { continue }
        if ([int]($rule.PropagationFlags -band [System.Security.AccessControl.PropagationFlags]::InheritOnly) -ne 0) { continue }
        if ($trusted -contains $rule.IdentityReference.Value) { continue }
        $who = & $name $rule.IdentityReference
        if (-not $others.Contains($who)) { $others.Add($who) }
    }
    [pscustomobject]@{ Exists = $true; Others = $others.ToArray() }
}

function Copy-SecureMfaWinOtpFile {
    <#
    .SYNOPSIS
    Copies one file, creating the folder; says Installed, Replaced or Unchanged (same SHA-256).
    .EXAMPLE
    Copy-SecureMfaWinOtpFile -Source .\provider\SecureMFA.Otp.dll -Destination 'C:\Program Files\SecureMFA WIN OTP\2.0.0\SecureMFA.Otp.dll'
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory = $true)][string] $Source, [Parameter(Mandatory = $true)][string] $Destination)
    $existed = Test-Path -LiteralPath $Destination -PathType Leaf
    if ($existed -and (Get-FileHash -LiteralPath $Source -Algorithm SHA256).Hash -eq (Get-FileHash -LiteralPath $Destination -Algorithm SHA256).Hash) { return 'Unchanged' }
    $folder = Split-Path -Parent $Destination
    if (-not (Test-Path -LiteralPath $folder)) { New-Item -ItemType Directory -Path $folder -Force | Out-Null }
    Copy-Item -LiteralPath $Source -Destination $Destination -Force
    if ($existed) { 'Replaced' } else { 'Installed' }
}

function Remove-SecureMfaWinOtpFolder {
    <#
    .SYNOPSIS
    Deletes a folder and its content; says Removed or Not present. Files LogonUI still holds open are left and reported.
    .EXAMPLE
    Remove-SecureMfaWinOtpFolder -Path 'C:\Program Files\SecureMFA WIN OTP'
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory = $true)][string] $Path)
    if (-not (Test-Path -LiteralPath $Path)) { return 'Not present' }
    Remove-Item -LiteralPath $Path -Recurse -Force
    'Removed'
}

function Register-SecureMfaWinOtpEventSource {
    <#
    .SYNOPSIS
    Registers the event source 'SecureMFA WIN OTP' (events 5550-5562) in the Application log; says Registered, Unchanged or Moved.
    .EXAMPLE
    Register-SecureMfaWinOtpEventSource
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    Register-SecureMfaEventSourceInApplicationLog 'SecureMFA WIN OTP'
}

function Unregister-SecureMfaWinOtpEventSource {
    <#
    .SYNOPSIS
    Removes the event source 'SecureMFA WIN OTP' (the events already written stay in the log); says Removed or Not present.
    .EXAMPLE
    Unregister-SecureMfaWinOtpEventSource
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    Unregister-SecureMfaEventSourceFromItsLog 'SecureMFA WIN OTP'
}

function Protect-SecureMfaWinOtpMachineData {
    <#
    .SYNOPSIS
    DPAPI in machine scope (what LogonUI, running as SYSTEM on this computer, can open), bound to the entropy.
    .EXAMPLE
    Protect-SecureMfaWinOtpMachineData -Data $bytes -Entropy $purpose
    #>
    [CmdletBinding()]
    [OutputType([byte[]])]
    param([Parameter(Mandatory = $true)][byte[]] $Data, [Parameter(Mandatory = $true)][byte[]] $Entropy)
    Add-Type -AssemblyName System.Security
    , [System.Security.Cryptography.ProtectedData]::Protect($Data, $Entropy, [System.Security.Cryptography.DataProtectionScope]::LocalMachine)
}

function Unprotect-SecureMfaWinOtpMachineData {
    <#
    .SYNOPSIS
    Opens what Protect-SecureMfaWinOtpMachineData protected on this computer with the same entropy.
    .EXAMPLE
    Unprotect-SecureMfaWinOtpMachineData -Data $blob -Entropy $purpose
    #>
    [CmdletBinding()]
    [OutputType([byte[]])]
    param([Parameter(Mandatory = $true)][byte[]] $Data, [Parameter(Mandatory = $true)][byte[]] $Entropy)
    Add-Type -AssemblyName System.Security
    , [System.Security.Cryptography.ProtectedData]::Unprotect($Data, $Entropy, [System.Security.Cryptography.DataProtectionScope]::LocalMachine)
}

Export-ModuleMember -Cmdlet * -Function Get-SecureMfaWinOtpHost, Get-SecureMfaWinOtpRegistryValue, Get-SecureMfaWinOtpRegistryValueKind, Set-SecureMfaWinOtpRegistryValue,
    Remove-SecureMfaWinOtpRegistryValue, Remove-SecureMfaWinOtpRegistryKey, Protect-SecureMfaWinOtpRegistryKey, Get-SecureMfaWinOtpRegistryKeyAccess, Copy-SecureMfaWinOtpFile, Remove-SecureMfaWinOtpFolder,
    Register-SecureMfaWinOtpEventSource, Unregister-SecureMfaWinOtpEventSource, Protect-SecureMfaWinOtpMachineData, Unprotect-SecureMfaWinOtpMachineData,
    Resolve-SecureMfaWinOtpAccountSid
