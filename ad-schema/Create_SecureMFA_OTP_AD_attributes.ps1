<#
.SYNOPSIS
    Extends the Active Directory schema with the SecureMFA OTP attributes (auth_mode AD), or brings an earlier
    extension up to date, and creates the container the servers share settings and devices in.
.DESCRIPTION
    Applies, with ldifde, whichever of these the forest still needs:
      SecureMFA_OTP_schema.ldf     the sMFA-OTP-* attributes of release 1 (the secret marked confidential), the
                                   auxiliary class sMFA-OTP-User and its attachment to the user class;
      SecureMFA_OTP_schema_v2.ldf  release 2.0: replay state in Unix seconds and one-time recovery codes;
      SecureMFA_OTP_container.ldf  CN=SecureMFA OTP,CN=Program Data,<domain>: the key-derivation salt every server
                                   shares, and the WEB API's registered devices.
    Schema changes go to the schema master and cannot be removed: try them in a lab forest first and take a
    system-state backup. Running the script again changes nothing.
    With -ServiceAccount, also grants that account (the AD FS or WEB API service account, or gMSA) what it needs:
    Create Child and Write Property on the container, and Read/Write Property on the sMFA-OTP-* attributes of users
    (reading the confidential secret needs the Control Access right too, also granted).
.PARAMETER ServiceAccount
    DOMAIN\account of the AD FS (or WEB API) service account or gMSA to grant access to. Optional.
.PARAMETER UsersPath
    Distinguished name of the OU (or domain) whose users the service account may update; default: the whole domain.
.EXAMPLE
    .\Create_SecureMFA_OTP_AD_attributes.ps1 -WhatIf
.EXAMPLE
    .\Create_SecureMFA_OTP_AD_attributes.ps1 -ServiceAccount 'ADATUM\gmsa-adfs$'
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
param(
    [string] $ServiceAccount,
    [string] $UsersPath
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Command ldifde.exe -ErrorAction SilentlyContinue)) {
    throw 'ldifde.exe was not found: run this on a domain controller, or install RSAT AD DS tools.'
}

$rootDse = [ADSI]'LDAP://RootDSE'
$schemaNc = [string]$rootDse.schemaNamingContext
$domainNc = [string]$rootDse.defaultNamingContext
$schema = [ADSI]"LDAP://$schemaNc"
$schemaMaster = ([string]$schema.fSMORoleOwner) -replace '^CN=NTDS Settings,CN=([^,]+),.*$', '$1'
Write-Verbose "Schema naming context: $schemaNc; schema master: $schemaMaster; domain: $domainNc"

function Test-DirectoryObject([string] $dn) {
    # Exists answers false for a missing object, where reading a property of an [ADSI] bound to one fails
    # ("There is no such object on the server"), which $ErrorActionPreference = 'Stop' makes fatal.
    return [System.DirectoryServices.DirectoryEntry]::Exists("LDAP://$dn")
}

# Each file, and the object whose presence shows it was applied.
$steps = @(
    @{ File = 'SecureMFA_OTP_schema.ldf'; Marker = "CN=sMFA-OTP-Secret,$schemaNc"; Server = $schemaMaster; Schema = $true },
    @{ File = 'SecureMFA_OTP_schema_v2.ldf'; Marker = "CN=sMFA-OTP-LastAccepted,$schemaNc"; Server = $schemaMaster; Schema = $true },
    @{ File = 'SecureMFA_OTP_container.ldf'; Marker = "CN=Devices,CN=SecureMFA OTP,CN=Program Data,$domainNc"; Server = $null; Schema = $false }
)
$pending = @($steps | Where-Object { -not (Test-DirectoryObject $_.Marker) })

if (@($pending | Where-Object { $_.Schema }).Count -gt 0) {
    $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
    $groups = $identity.Groups | ForEach-Object { $_.Translate([Security.Principal.NTAccount]).Value }
    if (-not ($groups -match '\\Schema Admins$')) {
        throw "$($identity.Name) is not a member of Schema Admins, and the schema still needs $(($pending | Where-Object { $_.Schema } | ForEach-Object { $_.File }) -join ', '): log on as a schema administrator."
    }
    Write-Warning 'Schema extensions are permanent and replicate to every domain controller in the forest.'
}

foreach ($step in $pending) {
    $path = Join-Path $PSScriptRoot $step.File
    if (-not (Test-Path $path)) { throw "The file '$path' is missing from the module: reinstall it." }
    $target = if ($step.Server) { $step.Server } else { 'the domain' }
    if ($PSCmdlet.ShouldProcess($target, "Apply $($step.File)")) {
        $arguments = @('-i', '-f', $path, '-c', 'DC=X', '#defaultNamingContext', '-k', '-j', $env:TEMP)
        if ($step.Server) { $arguments += @('-s', $step.Server) }
        & ldifde.exe @arguments
        if ($LASTEXITCODE -ne 0) { throw "ldifde failed on $($step.File) with exit code $LASTEXITCODE; see ldif.err in $env:TEMP." }
        Write-Output "Applied $($step.File)."
    }
}
if ($pending.Count -eq 0) { Write-Output 'The schema and the container are up to date.' }

if ($ServiceAccount) {
    $container = "CN=SecureMFA OTP,CN=Program Data,$domainNc"
    $users = if ($UsersPath) { $UsersPath } else { $domainNc }
    if ($PSCmdlet.ShouldProcess($container, "Grant $ServiceAccount Create Child and Write Property")) {
        & dsacls.exe $container /I:T /G "${ServiceAccount}:CCWPRP" | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "dsacls failed on $container with exit code $LASTEXITCODE." }
        Write-Output "Granted $ServiceAccount access to $container."
    }
    if ($PSCmdlet.ShouldProcess($users, "Grant $ServiceAccount read/write on the sMFA-OTP-* attributes of users")) {
        $attributes = Get-ChildItem -Path (Join-Path $PSScriptRoot '*.ldf') | Select-String -Pattern '^lDAPDisplayName: (sMFA-OTP-.*)$' |
            ForEach-Object { $_.Matches[0].Groups[1].Value.Trim() } | Sort-Object -Unique
        foreach ($attribute in $attributes) {
            & dsacls.exe $users /I:S /G "${ServiceAccount}:RPWP;${attribute};user" | Out-Null
            if ($LASTEXITCODE -ne 0) { throw "dsacls failed granting $attribute with exit code $LASTEXITCODE." }
        }
        # The secret and the recovery codes are confidential (searchFlags 128): reading them needs Control Access.
        foreach ($attribute in 'sMFA-OTP-Secret', 'sMFA-OTP-RecoveryCodes') {
            & dsacls.exe $users /I:S /G "${ServiceAccount}:CA;${attribute};user" | Out-Null
            if ($LASTEXITCODE -ne 0) { throw "dsacls failed granting Control Access on $attribute with exit code $LASTEXITCODE." }
        }
        Write-Output "Granted $ServiceAccount read/write on $($attributes.Count) sMFA-OTP attributes of the users in $users."
    }
}
