# SecureMFA_OTP as a PowerShell user runs it: the staged module imported from its folder, in the real pwsh, with the
# Utility cmdlets a user has (Import-Csv, Export-Csv). Store: SQLite in TestDrive.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Modules.ps1')
    Import-Module (Get-StagedModuleManifest 'SecureMFA_OTP') -Force
}

Describe 'SecureMFA_OTP import' {
    It 'exports its support cmdlets from the staged folder' {
        $module = Get-Module SecureMFA_OTP
        $module.ModuleBase | Should -Be (Split-Path (Get-StagedModuleManifest 'SecureMFA_OTP'))
        $module.Version | Should -Not -Be ([version] '0.0.0')
        (Get-Command -Module SecureMFA_OTP -Name New-xOTP_User, Get-xOTP_User, Disable-xOTP_User).Count | Should -Be 3
    }
}
