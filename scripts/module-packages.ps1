# Packs each staged module (artifacts/module/<module>) as the .nupkg an internal PowerShell repository (a NuGet feed or a
# file share) serves, with PSResourceGet's own Publish-PSResource, into artifacts/packages: <module>.<version>.nupkg.
# Install-PSResource or Install-Module then finds them by name (tests/Pester/Packages.Tests.ps1). The PowerShell Gallery
# names SecureMFA_OTP and SecureMFA_WIN_OTP belong to the original product: publish to your own repository.
# The repository registration Publish-PSResource needs lives for this run only (a throwaway HOME on Linux; on Windows it
# is removed again at the end).
param([string] $Modules = (Join-Path $PSScriptRoot '../artifacts/module'), [string] $Destination = (Join-Path $PSScriptRoot '../artifacts/packages'))
$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Force -Path $Destination | Out-Null
Get-ChildItem -LiteralPath $Destination -Filter '*.nupkg' | Remove-Item
$repository = "SecureMFA-pack-$PID"
Register-PSResourceRepository -Name $repository -Uri (Resolve-Path -LiteralPath $Destination).ProviderPath -Trusted
try {
    foreach ($module in 'SecureMFA_OTP', 'SecureMFA_WIN_OTP') {
        Publish-PSResource -Path (Join-Path $Modules $module) -Repository $repository
    }
}
finally { Unregister-PSResourceRepository -Name $repository }
Get-ChildItem -LiteralPath $Destination -Filter '*.nupkg' | ForEach-Object { "package: $($_.FullName)" }
