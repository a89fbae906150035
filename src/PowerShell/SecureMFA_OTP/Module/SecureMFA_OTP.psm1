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
    # The computer's facts for Install-ADFS_Demo_with_OTP: CIM exists on Windows only.
    $computer = $null; $os = $null
    if ($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows) {
        $computer = Get-CimInstance -ClassName Win32_ComputerSystem
        $os = Get-CimInstance -ClassName Win32_OperatingSystem
    }
    # Domain Admins (RID 512) or Enterprise Admins (RID 519) in this session's token: what Install-AdfsFarm needs.
    $domainAdmin = $false
    if ($computer -and $computer.PartOfDomain) {
        $domainAdmin = [bool]([System.Security.Principal.WindowsIdentity]::GetCurrent().Groups | Where-Object { $_.Value -match '^S-1-5-21-\d+-\d+-\d+-(512|519)$' })
    }
    [pscustomobject]@{
        PSEdition           = Get-SecureMfaPowerShellEdition
        PSVersion           = $PSVersionTable.PSVersion.ToString()
        IsElevated          = Test-SecureMfaElevation
        NetFrameworkRelease = Get-SecureMfaNetFrameworkRelease
        ComputerName        = [System.Environment]::MachineName
        ComputerFqdn        = if ($computer -and $computer.PartOfDomain) { "$($computer.DNSHostName).$($computer.Domain)" } else { [System.Net.Dns]::GetHostName() }
        IsDomainJoined      = [bool]($computer -and $computer.PartOfDomain)
        IsDomainAdmin       = $domainAdmin
        Domain              = if ($computer) { $computer.Domain } else { '' }
        OsProductType       = if ($os) { [int]$os.ProductType } else { 0 }
        OsBuild             = if ($os) { [int]$os.BuildNumber } else { 0 }
        OsCaption           = if ($os) { $os.Caption } else { [System.Runtime.InteropServices.RuntimeInformation]::OSDescription }
    }
}

function Get-SecureMfaOtpCertificate {
    <#
    .SYNOPSIS
    The certificate with this thumbprint in the computer's personal store (Cert:\LocalMachine\My), as Install-ADFS_Demo_with_OTP checks it; nothing when there is none.
    .PARAMETER Thumbprint
    The certificate's SHA-1 thumbprint, 40 hexadecimal digits.
    .EXAMPLE
    Get-SecureMfaOtpCertificate -Thumbprint 285394EAE4E52BF64D3B6F6C304584F30C3F004F
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $Thumbprint)
    $store = New-Object System.Security.Cryptography.X509Certificates.X509Store 'My', 'LocalMachine'
    $store.Open('ReadOnly')
    try {
        $found = $store.Certificates.Find('FindByThumbprint', $Thumbprint, $false)
        foreach ($certificate in $found) {
            [pscustomobject]@{
                Subject       = $certificate.Subject
                DnsNameList   = @($certificate.GetNameInfo('DnsName', $false))
                HasPrivateKey = $certificate.HasPrivateKey
                NotAfter      = $certificate.NotAfter
            }
        }
    }
    finally { $store.Close() }
}

function Invoke-SecureMfaOtpSqlScript {
    <#
    .SYNOPSIS
    Runs a T-SQL script (batches separated by GO lines) on a SQL Server instance as the current Windows user (used by Install-ADFS_Demo_with_OTP for the OTP database).
    .PARAMETER ServerInstance
    The instance, for example .\SQLEXPRESS.
    .PARAMETER Script
    The T-SQL text.
    .EXAMPLE
    Invoke-SecureMfaOtpSqlScript -ServerInstance '.\SQLEXPRESS' -Script 'SELECT 1'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $ServerInstance, [Parameter(Mandatory = $true)][string] $Script)
    # System.Data.SqlClient is part of .NET Framework: no SqlServer module needed. Encrypted, trusting the local instance's own certificate.
    $connection = New-Object System.Data.SqlClient.SqlConnection "Data Source=$ServerInstance;Initial Catalog=master;Integrated Security=True;Encrypt=True;TrustServerCertificate=True"
    $connection.Open()
    try {
        foreach ($batch in [regex]::Split($Script, '(?im)^\s*GO\s*$')) {
            if ($batch.Trim().Length -eq 0) { continue }
            $command = $connection.CreateCommand()
            $command.CommandText = $batch
            $command.CommandTimeout = 300
            $null = $command.ExecuteNonQuery()
        }
    }
    finally { $connection.Dispose() }
}

function Install-SecureMfaOtpWebPortal {
    <#
    .SYNOPSIS
    Copies the published SecureMFA OTP Web Portal to a folder, writes its settings beside it and creates its IIS app pool and site (used by Install-ADFS_Demo_with_OTP).
    .PARAMETER SourcePath
    The published portal (dotnet publish src/WebPortal).
    .PARAMETER Path
    The site's folder.
    .PARAMETER SiteName
    The IIS site and app pool name.
    .PARAMETER Url
    The site's address; its scheme, host and port make the binding.
    .PARAMETER CertificateThumbprint
    The certificate in LocalMachine\My for an https binding.
    .PARAMETER Settings
    The portal's settings (Oidc:Authority, Oidc:ClientId, Oidc:ClientSecret), written to appsettings.Production.json, readable only by SYSTEM, Administrators and the app pool.
    .EXAMPLE
    Install-SecureMfaOtpWebPortal -SourcePath C:\portal -Path C:\inetpub\SecureMfaOtpWebPortal -SiteName 'SecureMFA OTP Web Portal' -Url https://portal.adatum.com/ -CertificateThumbprint 285394EAE4E52BF64D3B6F6C304584F30C3F004F -Settings @{ 'Oidc:Authority' = 'https://adfs.adatum.com/adfs' }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string] $SourcePath, [Parameter(Mandatory = $true)][string] $Path,
        [Parameter(Mandatory = $true)][string] $SiteName, [Parameter(Mandatory = $true)][string] $Url,
        [string] $CertificateThumbprint, [Parameter(Mandatory = $true)][hashtable] $Settings)
    Import-Module WebAdministration -ErrorAction Stop
    # The ASP.NET Core Module (from the Hosting Bundle) runs the portal; without it IIS answers every request with 500.19.
    if (-not (Test-Path -LiteralPath (Join-Path $env:SystemRoot 'System32\inetsrv\aspnetcorev2.dll'))) {
        throw 'The ASP.NET Core Module is not installed in IIS: install the ASP.NET Core Hosting Bundle from Microsoft (dotnet.microsoft.com, ".NET Hosting Bundle"), then run Install-ADFS_Demo_with_OTP again.'
    }
    if (-not (Test-Path -LiteralPath (Join-Path $SourcePath 'web.config'))) {
        throw "$SourcePath has no web.config: publish the portal with dotnet publish, which writes it for IIS."
    }
    $address = [uri]$Url
    $null = New-Item -ItemType Directory -Path $Path -Force
    Copy-Item -Path (Join-Path $SourcePath '*') -Destination $Path -Recurse -Force
    $oidc = @{}
    foreach ($key in $Settings.Keys) { $oidc[$key.Split(':')[1]] = $Settings[$key] }
    $settingsFile = Join-Path $Path 'appsettings.Production.json'
    @{ Oidc = $oidc } | ConvertTo-Json -Depth 3 | Set-Content -LiteralPath $settingsFile -Encoding UTF8
    # No managed code: the ASP.NET Core Module runs the portal in its own process.
    $pool = New-WebAppPool -Name $SiteName
    Set-ItemProperty -Path "IIS:\AppPools\$SiteName" -Name managedRuntimeVersion -Value ''
    $acl = New-Object System.Security.AccessControl.FileSecurity
    $acl.SetAccessRuleProtection($true, $false)
    foreach ($sid in 'S-1-5-18', 'S-1-5-32-544') {
        $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule (New-Object System.Security.Principal.SecurityIdentifier $sid), 'FullControl', 'Allow'))
    }
    $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule "IIS AppPool\$SiteName", 'Read', 'Allow'))
    Set-Acl -LiteralPath $settingsFile -AclObject $acl
    $https = $address.Scheme -eq 'https'
    $null = New-Website -Name $SiteName -PhysicalPath $Path -ApplicationPool $pool.Name -HostHeader $address.Host -Port $address.Port -Ssl:$https -SslFlags $(if ($https) { 1 } else { 0 })
    if ($https) { (Get-WebBinding -Name $SiteName -Protocol https).AddSslCertificate($CertificateThumbprint, 'My') }
    Start-Website -Name $SiteName
}

function Uninstall-SecureMfaOtpWebPortal {
    <#
    .SYNOPSIS
    Removes the portal's IIS site, its app pool and its folder (used by Uninstall-ADFS_Demo_with_OTP).
    .PARAMETER SiteName
    The IIS site and app pool name.
    .PARAMETER Path
    The site's folder.
    .EXAMPLE
    Uninstall-SecureMfaOtpWebPortal -SiteName 'SecureMFA OTP Web Portal' -Path C:\inetpub\SecureMfaOtpWebPortal
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $SiteName, [Parameter(Mandatory = $true)][string] $Path)
    Import-Module WebAdministration -ErrorAction Stop
    if (Get-Website -Name $SiteName) { Remove-Website -Name $SiteName }
    if (Test-Path -LiteralPath "IIS:\AppPools\$SiteName") { Remove-WebAppPool -Name $SiteName }
    if (Test-Path -LiteralPath $Path) { Remove-Item -LiteralPath $Path -Recurse -Force }
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

Export-ModuleMember -Cmdlet * -Alias * -Function Get-SecureMfaOtpHost, Get-SecureMfaOtpCertificate, Invoke-SecureMfaOtpSqlScript,
    Install-SecureMfaOtpWebPortal, Uninstall-SecureMfaOtpWebPortal, Find-SecureMfaOtpGacAssembly, Install-SecureMfaOtpGacAssembly,
    Uninstall-SecureMfaOtpGacAssembly, Register-SecureMfaOtpEventSource, Protect-SecureMfaOtpConfigurationFile, Remove-SecureMfaOtpFileAtRestart,
    Write-SecureMfaOtpAuditEvent
