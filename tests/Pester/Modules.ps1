# The staged module folders the suites import (artifacts/module/<module>, made by the build): from SECUREMFA_MODULES
# (scripts/pester.sh sets it), else the checkout's own artifacts/module.
function Get-StagedModuleManifest([string] $Name) {
    $root = if ($env:SECUREMFA_MODULES) { $env:SECUREMFA_MODULES } else { Join-Path $PSScriptRoot '../../artifacts/module' }
    $manifest = Join-Path (Join-Path $root $Name) "$Name.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) { throw "The staged module $manifest is missing: build first (dotnet build SecureMFA.sln -c Release)." }
    (Resolve-Path -LiteralPath $manifest).ProviderPath
}

# A SQLite configuration in the given folder, with encryption on: what an administrator of a single-node farm writes.
function New-SqliteConfiguration([string] $Folder) {
    $path = Join-Path $Folder 'SecureMfaOtpProvider.json'
    $database = (Join-Path $Folder 'otp.db') -replace '\\', '/'
    @"
{ "company": "Adatum", "auth_mode": "SQLITE", "sqlite_path": "$database",
  "data_encryption": "true", "data_encryption_passphrase": "Pester-Tests-Passphrase-1" }
"@ | Set-Content -LiteralPath $path -Encoding utf8
    $path
}

# The help-desk audit trail (event 5565 on Windows; here the system log, which a CI machine may lack) recorded in
# $global:SecureMfaAudit instead, as the C# tests do; called after Import-Module, whose function it replaces.
function Use-RecordedAuditTrail {
    $global:SecureMfaAudit = [System.Collections.Generic.List[string]]::new()
    function global:Write-SecureMfaOtpAuditEvent { param([string] $Message) $global:SecureMfaAudit.Add($Message) }
}
