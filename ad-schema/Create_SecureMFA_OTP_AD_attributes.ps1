<#
.SYNOPSIS
    Extends the Active Directory schema with the SecureMFA OTP attributes (auth_mode AD).
.DESCRIPTION
    Applies SecureMFA_OTP_schema.ldf with ldifde on the forest's schema master: the sMFA-OTP-* attributes
    (the secret marked confidential), the auxiliary class sMFA-OTP-User, and its attachment to the user class.
    Schema extensions cannot be removed: try it in a lab forest first and take a system-state backup.
    Afterwards grant the AD FS service account Read/Write Property on the sMFA-OTP-* attributes of the
    users (or OUs) that will use OTP; reading the confidential secret needs the Control Access right too.
.PARAMETER LdifPath
    The LDIF to apply; defaults to SecureMFA_OTP_schema.ldf beside this script.
.EXAMPLE
    .\Create_SecureMFA_OTP_AD_attributes.ps1 -WhatIf
.EXAMPLE
    .\Create_SecureMFA_OTP_AD_attributes.ps1
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
param([string] $LdifPath = (Join-Path $PSScriptRoot 'SecureMFA_OTP_schema.ldf'))

$ErrorActionPreference = 'Stop'
if (-not (Test-Path $LdifPath)) { throw "The schema file '$LdifPath' does not exist." }
if (-not (Get-Command ldifde.exe -ErrorAction SilentlyContinue)) {
    throw 'ldifde.exe was not found: run this on a domain controller, or install RSAT AD DS tools.'
}

$rootDse = [ADSI]'LDAP://RootDSE'
$schemaNc = [string]$rootDse.schemaNamingContext
$schema = [ADSI]"LDAP://$schemaNc"
$schemaMaster = ([string]$schema.fSMORoleOwner) -replace '^CN=NTDS Settings,CN=([^,]+),.*$', '$1'
Write-Verbose "Schema naming context: $schemaNc; schema master: $schemaMaster"

$identity = [Security.Principal.WindowsIdentity]::GetCurrent()
$groups = $identity.Groups | ForEach-Object { $_.Translate([Security.Principal.NTAccount]).Value }
if (-not ($groups -match '\\Schema Admins$')) {
    throw "$($identity.Name) is not a member of Schema Admins: log on as a schema administrator."
}

$existing = [ADSI]"LDAP://CN=sMFA-OTP-Secret,$schemaNc"
if ($existing.Path -and $existing.Properties.Count -gt 0) {
    Write-Warning 'The SecureMFA OTP attributes already exist in this forest: nothing to do.'
    return
}

Write-Warning 'Schema extensions are permanent and replicate to every domain controller in the forest.'
if ($PSCmdlet.ShouldProcess($schemaMaster, "Add the SecureMFA OTP attributes from $LdifPath")) {
    & ldifde.exe -i -f $LdifPath -s $schemaMaster -c 'DC=X' '#defaultNamingContext' -k -j $env:TEMP
    if ($LASTEXITCODE -ne 0) { throw "ldifde failed with exit code $LASTEXITCODE; see ldif.err in $env:TEMP." }
    Write-Output 'SecureMFA OTP attributes added. Next: grant the AD FS service account access to the sMFA-OTP-* attributes.'
}
