# What SecureMFA_OTP's objects look like in the real pwsh: the default table at 80 and 120 columns in every state,
# Format-List, ConvertTo-Json, Export-Csv, and Get-Help -Full.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Modules.ps1')
    Import-Module (Get-StagedModuleManifest 'SecureMFA_OTP') -Force
    Use-RecordedAuditTrail
    $config = New-SqliteConfiguration $TestDrive
    $PSDefaultParameterValues['*-xOTP_User:ConfigurationFilePath'] = $config

    # One user in every state: pending, enrolled, disabled, locked (three wrong codes through the store, as a sign-in does).
    'pending@adatum.com', 'enrolled@adatum.com', 'disabled@adatum.com', 'locked.user.with.a.long.name@adatum.com' | New-xOTP_User | Out-Null
    Disable-xOTP_User disabled@adatum.com
    $store = [SecureMFA.Core.Stores.Sql.SqliteStoreFactory]::Open((Join-Path $TestDrive 'otp.db'))
    $signedIn = [datetime]::new(2026, 11, 30, 9, 15, 0, [DateTimeKind]::Utc)
    $store.RecordSuccess('enrolled@adatum.com', 1000, [SecureMFA.Core.Stores.LogonAttempt]::new($signedIn, '10.0.0.1', 'test')) | Out-Null
    $policy = [SecureMFA.Core.Lockout.LockoutPolicy]::new(3, 30)
    foreach ($i in 1..3) {
        $store.RecordFailure('locked.user.with.a.long.name@adatum.com', '123456', [SecureMFA.Core.Stores.LogonAttempt]::new([datetime]::UtcNow, $null, $null), $policy) | Out-Null
    }

    function Get-TableLines([int] $Width, [switch] $AutoSize) {
        (Get-xOTP_User | Format-Table -AutoSize:$AutoSize | Out-String -Width $Width) -split "`r?`n" | ForEach-Object TrimEnd | Where-Object { $_ }
    }
}

AfterAll { $PSDefaultParameterValues.Remove('*-xOTP_User:ConfigurationFilePath') }

Describe 'The Get-xOTP_User table' {
    It 'keeps every column within <Width> columns, a locked user included' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        $lines = Get-TableLines $Width
        $lines[0] | Should -Match '^Upn\s+Status\s+LastLogon\s+Failed\s+Codes$'
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual $Width -Because "'$line' must fit" }
        $locked = $lines | Where-Object { $_ -match '^locked' }
        $locked | Should -Match '^locked\.user\.with\.a\.lon\S*…\s+Locked until \d\d:\d\d\s+3\s+0/0$'
        $lines | Where-Object { $_ -match '^enrolled@adatum\.com\s+Enrolled\s+2026-11-30 \d\d:\d\d [+-]\d\d:\d\d\s+0\s+0/0$' } | Should -HaveCount 1
        $lines | Where-Object { $_ -match '^disabled@adatum\.com\s+Disabled\s+0\s+0/0$' } | Should -HaveCount 1
        $lines | Where-Object { $_ -match '^pending@adatum\.com\s+Pending\s+0\s+0/0$' } | Should -HaveCount 1
    }

    It 'shows a long UPN in full with -AutoSize' {
        Get-TableLines 120 -AutoSize | Where-Object { $_ -like 'locked.user.with.a.long.name@adatum.com *' } | Should -HaveCount 1
    }
}

Describe 'Format-List, ConvertTo-Json and Export-Csv' {
    It 'lists every property, LockedUntil with its time' {
        $list = Get-xOTP_User locked.user.with.a.long.name@adatum.com | Format-List * | Out-String -Width 80
        $list | Should -Match 'Status\s+: Locked'
        $list | Should -Match 'FailedLogonCount\s+: 3'
        $list | Should -Match 'LockedUntil\s+: \S'
        $list | Should -Not -Match 'Secret'
    }

    It 'writes Status as its name and times with their UTC offset in JSON' {
        $json = 'disabled@adatum.com', 'enrolled@adatum.com' | Get-xOTP_User | ConvertTo-Json | ConvertFrom-Json -AsHashtable
        $json.Status | Should -Be @('Disabled', 'Enrolled')
        (Get-xOTP_User enrolled@adatum.com | ConvertTo-Json) | Should -Match '"LastLogon": "2026-11-30T09:15:00\+00:00"'
    }

    It 'writes times with their UTC offset in CSV, and they read back as the same instant' {
        $row = Get-xOTP_User enrolled@adatum.com | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $row.LastLogon | Should -Match '09:15:00 \+00:00$'
        [DateTimeOffset]::Parse($row.LastLogon, [cultureinfo]::InvariantCulture).UtcDateTime | Should -Be ([datetime]::new(2026, 11, 30, 9, 15, 0, [DateTimeKind]::Utc))
        $row.Created | Should -Match '\+00:00$'
    }

    It 'writes Status as its name in CSV' {
        (Get-xOTP_User disabled@adatum.com | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).Status | Should -Be 'Disabled'
    }
}

Describe 'Get-Help -Full' {
    It 'shows the aliases of -Upn and that Get-xOTP_User takes wildcards there' {
        $upn = (Get-Help Get-xOTP_User -Parameter Upn)
        $upn.globbing | Should -Be 'true'
        $upn.aliases | Should -Be 'UserPrincipalName'
        (Get-Help New-xOTP_User -Parameter Upn).globbing | Should -Be 'false'
        $full = Get-Help Get-xOTP_User -Full | Out-String -Width 120
        $full | Should -Match 'Aliases\s+UserPrincipalName'
        $full | Should -Match 'Accept wildcard characters\?\s+true'
        $full | Should -Match 'Get-xOTP_User \[\[-Upn\] <String>\]'
    }

    It 'documents the Disabled column rule for Import-Csv' {
        Get-Help New-xOTP_User -Full | Out-String -Width 200 | Should -Match 'true/false, yes/no, 1/0'
    }
}
