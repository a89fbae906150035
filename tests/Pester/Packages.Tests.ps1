# The modules as packages (artifacts/packages, made by scripts/module-packages.ps1 in the test command): what an
# administrator gets from an internal repository with Install-PSResource or Install-Module, by name. Each install runs in
# its own pwsh with a throwaway HOME, so nothing is registered or installed for the user running the tests.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Modules.ps1')
    $packages = Join-Path $PSScriptRoot '../../artifacts/packages'
    # The pwsh launcher: scripts/pester.sh names it (the .NET tool's process is dotnet itself), else this process.
    $pwsh = if ($env:SECUREMFA_PWSH) { $env:SECUREMFA_PWSH } else { (Get-Process -Id $PID).Path }

    # Runs $Script in a new pwsh whose HOME is a fresh folder, with the package folder then the further arguments; returns its JSON output.
    function Invoke-InFreshHome([scriptblock] $Script) {
        $arguments = @((Resolve-Path -LiteralPath $packages).ProviderPath) + $args
        $fresh = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        # .NET names a user folder only if it exists (else "", and the tools would write into the current folder).
        $data = New-Item -ItemType Directory -Path (Join-Path $fresh '.local/share')
        $config = New-Item -ItemType Directory -Path (Join-Path $fresh '.config')
        $saved = $env:HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME
        Push-Location -LiteralPath $fresh
        try {
            $env:HOME = $fresh; $env:XDG_DATA_HOME = $data.FullName; $env:XDG_CONFIG_HOME = $config.FullName
            $json = & $pwsh -NoLogo -NoProfile -NonInteractive -Command $Script -args $arguments 2>&1 | Out-String
        }
        finally {
            $env:HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME = $saved
            Pop-Location
        }
        if ($LASTEXITCODE -ne 0) { throw "the install failed: $json" }
        $json | ConvertFrom-Json
    }
}

Describe 'The module packages' {
    It 'are one .nupkg per module, with the staged version' {
        foreach ($name in 'SecureMFA_OTP', 'SecureMFA_WIN_OTP') {
            $version = (Import-PowerShellDataFile (Get-StagedModuleManifest $name)).ModuleVersion
            Join-Path $packages "$name.$version.nupkg" | Should -Exist
        }
        @(Get-ChildItem -LiteralPath $packages -Filter '*.nupkg').Count | Should -Be 2
    }

    It 'install <Module> by name with <Command>, and it imports by name with every command' -ForEach @(
        @{ Module = 'SecureMFA_OTP'; Command = 'Install-PSResource' }
        @{ Module = 'SecureMFA_WIN_OTP'; Command = 'Install-Module' }  # PowerShellGet: the original product's route
    ) {
        $installed = Invoke-InFreshHome {
            param($Packages, $Module, $Command)
            $ErrorActionPreference = 'Stop'
            if ($Command -eq 'Install-Module') {
                Register-PSRepository -Name Internal -SourceLocation $Packages -InstallationPolicy Trusted
                Install-Module -Name $Module -Repository Internal -Scope CurrentUser
            }
            else {
                Register-PSResourceRepository -Name Internal -Uri $Packages -Trusted
                Install-PSResource -Name $Module -Repository Internal -Scope CurrentUser
            }
            $imported = Import-Module $Module -PassThru
            @{ Base = $imported.ModuleBase; Version = "$($imported.Version)"; Commands = @((Get-Command -Module $Module).Name | Sort-Object) } | ConvertTo-Json -Compress
        } $Module $Command
        $staged = Import-PowerShellDataFile (Get-StagedModuleManifest $Module)
        $installed.Base | Should -BeLike (Join-Path $TestDrive '*')
        $installed.Version | Should -Be $staged.ModuleVersion
        $installed.Commands | Should -Be (@($staged.CmdletsToExport) + @($staged.FunctionsToExport) + @($staged.AliasesToExport) | Sort-Object)
    }
}
