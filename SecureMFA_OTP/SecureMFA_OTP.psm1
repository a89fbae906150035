# SecureMFA_OTP loader: Windows PowerShell 5.1 (Desktop) loads the .NET Framework build of the cmdlets,
# PowerShell 7 (Core) the .NET build. The support cmdlets' SecureMfaOtpUser aliases come with the cmdlets.
$framework = if ($PSVersionTable.PSEdition -eq 'Core') { 'net10.0' } else { 'net472' }
Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'bin', $framework, 'SecureMFA.Cmdlets.dll'))

# The Windows-only side effects, one narrow function each over the documented API. The cmdlets call them by
# name, so a test (or a cautious administrator) can put a function of the same name in their place.
function Install-SecureMfaOtpGacAssembly {
    <#
    .SYNOPSIS
    Installs one assembly into the Global Assembly Cache (used by Install-SecureMfaOtpProvider).
    .PARAMETER Path
    Full path of the strong-named assembly.
    .EXAMPLE
    Install-SecureMfaOtpGacAssembly -Path C:\Modules\SecureMFA_OTP\adapter\SecureMFA.Adapter.dll
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $Path)
    Add-Type -AssemblyName System.EnterpriseServices
    (New-Object System.EnterpriseServices.Internal.Publish).GacInstall($Path)
}

function Uninstall-SecureMfaOtpGacAssembly {
    <#
    .SYNOPSIS
    Removes one assembly from the Global Assembly Cache (used by Uninstall-SecureMfaOtpProvider).
    .PARAMETER Path
    Full path of the assembly file whose identity is removed.
    .EXAMPLE
    Uninstall-SecureMfaOtpGacAssembly -Path C:\Modules\SecureMFA_OTP\adapter\SecureMFA.Adapter.dll
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string] $Path)
    Add-Type -AssemblyName System.EnterpriseServices
    (New-Object System.EnterpriseServices.Internal.Publish).GacRemove($Path)
}

function Register-SecureMfaOtpEventSource {
    <#
    .SYNOPSIS
    Registers the event source 'Secure MFA OTP' in the Application log (never under AD FS/Admin).
    .EXAMPLE
    Register-SecureMfaOtpEventSource
    #>
    [CmdletBinding()]
    param()
    if (-not [System.Diagnostics.EventLog]::SourceExists('Secure MFA OTP')) {
        New-EventLog -LogName Application -Source 'Secure MFA OTP'
    }
}

Export-ModuleMember -Cmdlet * -Function Install-SecureMfaOtpGacAssembly, Uninstall-SecureMfaOtpGacAssembly, Register-SecureMfaOtpEventSource -Alias *
