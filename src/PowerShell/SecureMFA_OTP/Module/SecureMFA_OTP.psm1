# SecureMFA_OTP loader. Windows PowerShell 5.1 (Desktop) loads the .NET Framework 4.7.2 build of the cmdlets;
# PowerShell 7.6 or later on .NET 10 loads the net10.0 build. The support cmdlets' SecureMfaOtpUser aliases come with
# the cmdlets. The loader functions both modules share are put in below by the module build.

$script:ModuleName = 'SecureMFA_OTP'
$script:CmdletsAssembly = 'SecureMFA.Cmdlets.dll'
$script:OtherPowerShellAdvice = 'On an AD FS server use Windows PowerShell 5.1 (powershell.exe), where the AD FS cmdlets live; elsewhere install PowerShell 7.6 or later.'
#include ../../Common/ModuleLoader.ps1
Import-Module (Resolve-SecureMfaCmdletBuild)

# The Windows-only side effects, one narrow function each over the documented API. The cmdlets call them by name,
# so a test (or a cautious administrator) can put a function of the same name in their place.

function Get-SecureMfaOtpHost {
    <#
    .SYNOPSIS
    What Install- and Uninstall-SecureMfaOtpProvider need to know about this PowerShell: edition, elevation, .NET Framework release.
    .EXAMPLE
    Get-SecureMfaOtpHost
    #>
    [CmdletBinding()]
    param()
    [pscustomobject]@{
        PSEdition           = Get-SecureMfaPowerShellEdition
        PSVersion           = $PSVersionTable.PSVersion.ToString()
        IsElevated          = Test-SecureMfaElevation
        NetFrameworkRelease = Get-SecureMfaNetFrameworkRelease
    }
}

# The GAC through fusion's IAssemblyCache (documented in "Fusion API" / IAssemblyCache::InstallAssembly and
# UninstallAssembly): unlike System.EnterpriseServices.Internal.Publish it reports failures, replaces a file of the
# same identity, and removes exactly one full assembly name.
$script:AssemblyCacheSource = @'
using System;
using System.IO;
using System.Runtime.InteropServices;
namespace SecureMfaOtp.Gac {
    [ComImport, Guid("e707dcde-d1cd-11d2-bab9-00c04f8eceae"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    internal interface IAssemblyCache {
        [PreserveSig] int UninstallAssembly(uint flags, [MarshalAs(UnmanagedType.LPWStr)] string name, IntPtr reference, out uint disposition);
        [PreserveSig] int QueryAssemblyInfo(uint flags, [MarshalAs(UnmanagedType.LPWStr)] string name, IntPtr info);
        [PreserveSig] int CreateAssemblyCacheItem(uint flags, IntPtr reserved, out IntPtr item, [MarshalAs(UnmanagedType.LPWStr)] string name);
        [PreserveSig] int CreateAssemblyScavenger(out IntPtr scavenger);
        [PreserveSig] int InstallAssembly(uint flags, [MarshalAs(UnmanagedType.LPWStr)] string path, IntPtr reference);
    }
    public static class AssemblyCache {
        [DllImport("kernel32.dll", EntryPoint = "LoadLibraryW", CharSet = CharSet.Unicode, ExactSpelling = true)] private static extern IntPtr LoadLibrary(string path);
        [DllImport("fusion.dll")] private static extern int CreateAssemblyCache(out IAssemblyCache cache, uint reserved);
        private static IAssemblyCache Open() {
            LoadLibrary(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "fusion.dll"));
            IAssemblyCache cache;
            Marshal.ThrowExceptionForHR(CreateAssemblyCache(out cache, 0));
            return cache;
        }
        // IASSEMBLYCACHE_INSTALL_FLAG_FORCE_REFRESH: an older file of the same identity is replaced.
        public static void Install(string path) { Marshal.ThrowExceptionForHR(Open().InstallAssembly(2, path, IntPtr.Zero)); }
        public static void Uninstall(string fullName) {
            uint disposition;
            Marshal.ThrowExceptionForHR(Open().UninstallAssembly(0, fullName, IntPtr.Zero, out disposition));
            if (disposition == 2) throw new InvalidOperationException(fullName + " is in use by a running program.");
            if (disposition == 5) throw new InvalidOperationException(fullName + " is referenced by another installer (Windows Installer), which owns it.");
        }
    }
}
'@

function Use-SecureMfaOtpAssemblyCache {
    if (-not ('SecureMfaOtp.Gac.AssemblyCache' -as [type])) { Add-Type -TypeDefinition $script:AssemblyCacheSource }
}

function Find-SecureMfaOtpGacAssembly {
    <#
    .SYNOPSIS
    The path of the file the GAC holds for exactly this full assembly name; nothing when it holds none.
    .PARAMETER AssemblyName
    Full name: Name, Version=..., Culture=..., PublicKeyToken=...
    .EXAMPLE
    Find-SecureMfaOtpGacAssembly -AssemblyName 'SecureMFA.Adapter, Version=1.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef'
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory = $true)][string] $AssemblyName)
    $name = [System.Reflection.AssemblyName]::new($AssemblyName)
    $token = -join ($name.GetPublicKeyToken() | ForEach-Object { $_.ToString('x2') })
    # The .NET 4 GAC layout: <name>\v4.0_<version>_<culture, empty when neutral>_<token>\<name>.dll
    foreach ($gac in 'GAC_MSIL', 'GAC_64', 'GAC_32') {
        $file = [System.IO.Path]::Combine($env:windir, 'Microsoft.NET', 'assembly', $gac, $name.Name,
            "v4.0_$($name.Version)_$($name.CultureName)_$token", "$($name.Name).dll")
        if ([System.IO.File]::Exists($file)) { return $file }
    }
}

function Install-SecureMfaOtpGacAssembly {
    <#
    .SYNOPSIS
    Installs one assembly into the Global Assembly Cache, replacing a file of the same identity (used by Install-SecureMfaOtpProvider).
    .PARAMETER Path
    Full path of the strong-named assembly.
    .EXAMPLE
    Install-SecureMfaOtpGacAssembly -Path 'C:\Program Files\WindowsPowerShell\Modules\SecureMFA_OTP\adapter\SecureMFA.Adapter.dll'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $Path)
    Use-SecureMfaOtpAssemblyCache
    [SecureMfaOtp.Gac.AssemblyCache]::Install($Path)
}

function Uninstall-SecureMfaOtpGacAssembly {
    <#
    .SYNOPSIS
    Removes exactly one full assembly name from the Global Assembly Cache (used by Uninstall-SecureMfaOtpProvider).
    .PARAMETER AssemblyName
    Full name: Name, Version=..., Culture=..., PublicKeyToken=...
    .EXAMPLE
    Uninstall-SecureMfaOtpGacAssembly -AssemblyName 'SecureMFA.Core, Version=1.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $AssemblyName)
    Use-SecureMfaOtpAssemblyCache
    [SecureMfaOtp.Gac.AssemblyCache]::Uninstall($AssemblyName)
}

function Register-SecureMfaOtpEventSource {
    <#
    .SYNOPSIS
    Registers the event source 'Secure MFA OTP' in the Application log; moves it there if another log has it. Says what it did.
    .EXAMPLE
    Register-SecureMfaOtpEventSource
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    Register-SecureMfaEventSourceInApplicationLog 'Secure MFA OTP'
}

function Protect-SecureMfaOtpConfigurationFile {
    <#
    .SYNOPSIS
    Makes a file readable only by SYSTEM, Administrators and the AD FS service account, with inheritance removed (the configuration copy holds the passphrase).
    .PARAMETER Path
    The file to protect.
    .EXAMPLE
    Protect-SecureMfaOtpConfigurationFile -Path "$env:ProgramData\SecureMFA_OTP\SecureMfaOtpProvider.json"
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $Path)
    $service = Get-CimInstance -ClassName Win32_Service -Filter "Name='adfssrv'"
    if (-not $service) { throw 'The AD FS service (adfssrv) is not installed on this server.' }
    $acl = New-Object System.Security.AccessControl.FileSecurity
    $acl.SetAccessRuleProtection($true, $false)
    $system = New-Object System.Security.Principal.SecurityIdentifier 'S-1-5-18'
    $administrators = New-Object System.Security.Principal.SecurityIdentifier 'S-1-5-32-544'
    $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule $system, 'FullControl', 'Allow'))
    $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule $administrators, 'FullControl', 'Allow'))
    if ($service.StartName -and $service.StartName -ne 'LocalSystem') {
        $account = New-Object System.Security.Principal.NTAccount $service.StartName
        $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule $account, 'Read', 'Allow'))
    }
    Set-Acl -LiteralPath $Path -AclObject $acl
}

# MoveFileExW as winbase.h declares it: BOOL MoveFileExW(LPCWSTR lpExistingFileName, LPCWSTR lpNewFileName, DWORD dwFlags).
$script:DelayedDeleteSource = @'
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
namespace SecureMfaOtp.Files {
    public static class DelayedDelete {
        [DllImport("kernel32.dll", EntryPoint = "MoveFileExW", CharSet = CharSet.Unicode, SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool MoveFileEx(string existingFileName, string newFileName, uint flags);
        private const uint MOVEFILE_DELAY_UNTIL_REBOOT = 0x4;
        // No new name: Windows deletes the file (or the then empty folder) when it next starts, before anything loads it.
        public static void AtRestart(string path) {
            if (!MoveFileEx(path, null, MOVEFILE_DELAY_UNTIL_REBOOT)) throw new Win32Exception(Marshal.GetLastWin32Error());
        }
    }
}
'@

function Remove-SecureMfaOtpFileAtRestart {
    <#
    .SYNOPSIS
    Has Windows delete a file, or a folder empty by then, at the next restart (used by Uninstall-SecureMfaOtpProvider for a native library still loaded).
    .PARAMETER Path
    Full path of the file or folder.
    .EXAMPLE
    Remove-SecureMfaOtpFileAtRestart -Path "$env:ProgramFiles\SecureMFA OTP\native\win-x64\e_sqlite3.dll"
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $Path)
    if (-not ('SecureMfaOtp.Files.DelayedDelete' -as [type])) { Add-Type -TypeDefinition $script:DelayedDeleteSource }
    [SecureMfaOtp.Files.DelayedDelete]::AtRestart($Path)
}

function Write-SecureMfaOtpAuditEvent {
    <#
    .SYNOPSIS
    Writes one help-desk change (who did what to whom from where) to the audit trail: event 5565 of the source 'Secure MFA OTP' in the Application log on Windows, the system log (logger) elsewhere.
    .PARAMETER Message
    The change, already escaped for a log line by the cmdlet that made it.
    .EXAMPLE
    Write-SecureMfaOtpAuditEvent -Message 'ADATUM\helpdesk1 on ADFS1 disabled OTP sign-in of alice@adatum.com (Disable-xOTP_User).'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $Message)
    if ($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows) {
        # The source is registered by Install-SecureMfaOtpProvider (Register-SecureMfaOtpEventSource).
        [System.Diagnostics.EventLog]::WriteEntry('Secure MFA OTP', $Message, [System.Diagnostics.EventLogEntryType]::Information, 5565)
    }
    else {
        # logger says nothing and exits 0 where no syslog daemon listens: a trail nobody keeps is not one.
        if (-not (Test-Path -LiteralPath '/dev/log')) { throw 'this computer has no system log (/dev/log) to write the audit trail to' }
        & logger --tag 'Secure MFA OTP' -- "5565 $Message" 2>&1 | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "the system log did not take it (logger exit code $LASTEXITCODE)" }
    }
}

Export-ModuleMember -Cmdlet * -Alias * -Function Get-SecureMfaOtpHost, Find-SecureMfaOtpGacAssembly, Install-SecureMfaOtpGacAssembly,
    Uninstall-SecureMfaOtpGacAssembly, Register-SecureMfaOtpEventSource, Protect-SecureMfaOtpConfigurationFile, Remove-SecureMfaOtpFileAtRestart,
    Write-SecureMfaOtpAuditEvent
