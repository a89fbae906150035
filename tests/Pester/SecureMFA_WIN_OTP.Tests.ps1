# SecureMFA_WIN_OTP as a PowerShell user runs it, here where the Windows platform commands (CIM, the registry) are
# missing: import, the command list, help, and -WhatIf on install/uninstall failing clearly at the first platform step.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Modules.ps1')
    Import-Module (Get-StagedModuleManifest 'SecureMFA_WIN_OTP') -Force
    $cmdlets = 'Install-SecureMFA_WIN_OTP_AuthenticationProvider', 'Test-SecureMFA_WIN_OTP', 'Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider'
}

Describe 'SecureMFA_WIN_OTP import' {
    It 'exports the original product''s three cmdlets from the staged folder' {
        $module = Get-Module SecureMFA_WIN_OTP
        $module.ModuleBase | Should -Be (Split-Path (Get-StagedModuleManifest 'SecureMFA_WIN_OTP'))
        $module.Version | Should -Not -Be ([version] '0.0.0')
        (Get-Command -Module SecureMFA_WIN_OTP -CommandType Cmdlet).Name | Sort-Object | Should -Be $cmdlets
    }

    It 'has full help for <_>' -ForEach @('Install-SecureMFA_WIN_OTP_AuthenticationProvider', 'Test-SecureMFA_WIN_OTP', 'Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider') {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeLike "$_*"
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        if ($_ -notlike 'Test-*') { Get-Help $_ -Full | Out-String -Width 120 | Should -Match 'Accept wildcard characters\?\s+false' }
    }

    It 'says in help that -WhatIf and -Confirm apply to install and uninstall' {
        foreach ($name in 'Install-SecureMFA_WIN_OTP_AuthenticationProvider', 'Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider') {
            (Get-Command $name).Parameters.Keys | Should -Contain 'WhatIf'
            (Get-Help $name -Parameter WhatIf).aliases | Should -Be 'wi'
        }
    }
}

Describe 'Without the Windows platform commands' {
    It '-WhatIf on <Name> stops at the first platform step, naming it' -ForEach @(
        @{ Name = 'Install-SecureMFA_WIN_OTP_AuthenticationProvider'; Arguments = @{ anchordnsname = 'adatum.com'; api_endpoint = 'https://api.adatum.com/api/securemfaotp' } }
        @{ Name = 'Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider'; Arguments = @{} }
    ) {
        $caught = $null
        try { & $Name @Arguments -WhatIf -ErrorAction Stop } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        "$caught" | Should -BeLike 'Get-SecureMfaWinOtpHost failed: *'
        "$caught" | Should -Not -Match 'at SecureMFA\.'
        if ($Name -like 'Install-*') { "$caught" | Should -BeLike '*Nothing after this step was changed.' }
    }

    It 'Test-SecureMFA_WIN_OTP stops at the registry step, naming it, and the script goes on' {
        $caught = $null
        try { Test-SecureMFA_WIN_OTP -ErrorAction Stop } catch { $caught = $_ }
        "$caught" | Should -BeLike 'Get-SecureMfaWinOtpRegistryValue failed: *'
        $after = 'the next statement ran'
        $after | Should -Be 'the next statement ran'
    }
}
