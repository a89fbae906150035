# The loader functions both modules share. The module build (src/PowerShell/ModuleBuilder, CommonLoader) puts this
# file into each staged .psm1 at its '#include' line, so each module stays one loader file, as it ships. Before that
# line the .psm1 sets $script:ModuleName (as users see it), $script:CmdletsAssembly (the file in bin\<framework>) and
# $script:OtherPowerShellAdvice (what to open instead when this PowerShell cannot load the cmdlets).
# Valid for Windows PowerShell 5.1: no PowerShell 7-only syntax.

function Select-SecureMfaCmdletBuild {
    <#
    .SYNOPSIS
    The cmdlet build this PowerShell can load (bin\net472 or bin\net10.0); stops with the versions found otherwise.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)][string] $Edition,
        [Parameter(Mandatory = $true)][version] $PowerShellVersion,
        [Parameter(Mandatory = $true)][version] $DotNetVersion
    )
    # Windows PowerShell 5.1 (Desktop) loads the .NET Framework 4.7.2 build; PowerShell 7 the .NET 10 build, which is
    # compiled against PowerShell 7.6 and .NET 10, so only where the host has both.
    if ($Edition -eq 'Desktop') { return 'net472' }
    if ($PowerShellVersion -ge [version]'7.6' -and $DotNetVersion.Major -ge 10) { return 'net10.0' }
    throw ("$script:ModuleName runs in Windows PowerShell 5.1 or in PowerShell 7.6 or later (on .NET 10); this is PowerShell $PowerShellVersion " +
        "on .NET $DotNetVersion. $script:OtherPowerShellAdvice")
}

function Resolve-SecureMfaCmdletBuild {
    # The path of the cmdlet assembly for this PowerShell. The loader imports it at its own top level: imported inside a
    # function, the cmdlets' aliases would stay in that function's scope and never be exported.
    $powerShellVersion = [version]('{0}.{1}' -f $PSVersionTable.PSVersion.Major, $PSVersionTable.PSVersion.Minor)
    $framework = Select-SecureMfaCmdletBuild -Edition (Get-SecureMfaPowerShellEdition) -PowerShellVersion $powerShellVersion -DotNetVersion ([System.Environment]::Version)
    [System.IO.Path]::Combine($PSScriptRoot, 'bin', $framework, $script:CmdletsAssembly)
}

function Get-SecureMfaPowerShellEdition {
    # PowerShell before 5.1 says no edition: it is Windows PowerShell (Desktop).
    if ($PSVersionTable.PSEdition) { $PSVersionTable.PSEdition } else { 'Desktop' }
}

function Test-SecureMfaElevation {
    # Elevation is a Windows idea: PowerShell 7 elsewhere has no Windows identity to ask (it would throw), so it is not elevated.
    if ($PSVersionTable.PSEdition -eq 'Core' -and -not $IsWindows) { return $false }
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    ([System.Security.Principal.WindowsPrincipal] $identity).IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Get-SecureMfaNetFrameworkRelease {
    # The installed .NET Framework 4.5+ as its release number (NDP\v4\Full\Release), or nothing without one (or off Windows).
    $release = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' -Name Release -ErrorAction SilentlyContinue
    if ($release) { [int] $release.Release } else { $null }
}

function Register-SecureMfaEventSourceInApplicationLog([string] $Source) {
    if ([System.Diagnostics.EventLog]::SourceExists($Source)) {
        $log = [System.Diagnostics.EventLog]::LogNameFromSourceName($Source, '.')
        if ($log -eq 'Application') { return 'Unchanged' }
        # Windows keeps a source's log until it restarts: events keep going to the old log until then.
        [System.Diagnostics.EventLog]::DeleteEventSource($Source)
        [System.Diagnostics.EventLog]::CreateEventSource($Source, 'Application')
        return "Moved from the $log log to Application (complete after the next restart of Windows)"
    }
    [System.Diagnostics.EventLog]::CreateEventSource($Source, 'Application')
    'Registered'
}

function Unregister-SecureMfaEventSourceFromItsLog([string] $Source) {
    if (-not [System.Diagnostics.EventLog]::SourceExists($Source)) { return 'Not present' }
    [System.Diagnostics.EventLog]::DeleteEventSource($Source)
    'Removed'
}
