# SecureMFA_OTP as a PowerShell user runs it: the staged module imported from its folder, in the real pwsh, with the
# Utility cmdlets a user has (Import-Csv, Export-Csv). Store: SQLite in TestDrive.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Modules.ps1')
    Import-Module (Get-StagedModuleManifest 'SecureMFA_OTP') -Force
    Use-RecordedAuditTrail
}

Describe 'SecureMFA_OTP import' {
    It 'exports its support cmdlets from the staged folder' {
        $module = Get-Module SecureMFA_OTP
        $module.ModuleBase | Should -Be (Split-Path (Get-StagedModuleManifest 'SecureMFA_OTP'))
        $module.Version | Should -Not -Be ([version] '0.0.0')
        (Get-Command -Module SecureMFA_OTP -Name New-xOTP_User, Get-xOTP_User, Disable-xOTP_User).Count | Should -Be 3
    }
}

Describe 'New-xOTP_User from Import-Csv' {
    BeforeEach {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $config = New-SqliteConfiguration $folder
        $PSDefaultParameterValues['*-xOTP_User:ConfigurationFilePath'] = $config
    }
    AfterEach { $PSDefaultParameterValues.Remove('*-xOTP_User:ConfigurationFilePath') }

    It 'honours a Disabled column in every spelling Import-Csv can give' {
        $csv = Join-Path $folder 'users.csv'
        @(
            'Upn,Disabled'
            'a@adatum.com,true', 'b@adatum.com,TRUE', 'c@adatum.com,Yes', 'd@adatum.com,1'
            'e@adatum.com,false', 'f@adatum.com,No', 'g@adatum.com,0', 'h@adatum.com,', 'i@adatum.com, True '
        ) | Set-Content -LiteralPath $csv
        $created = Import-Csv $csv | New-xOTP_User -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        $created.Count | Should -Be 9
        $states = @{}; Get-xOTP_User | ForEach-Object { $states[$_.Upn] = $_.Disabled }
        foreach ($upn in 'a', 'b', 'c', 'd', 'i') { $states["$upn@adatum.com"] | Should -BeTrue -Because "$upn was listed as disabled" }
        foreach ($upn in 'e', 'f', 'g', 'h') { $states["$upn@adatum.com"] | Should -BeFalse -Because "$upn was listed as enabled" }
        (Get-xOTP_User a@adatum.com).Status | Should -Be 'Disabled'
    }

    It 'refuses any other value with an error naming it, and creates the other rows' {
        $rows = "Upn,Disabled`nok1@adatum.com,true`nbad@adatum.com,maybe`nok2@adatum.com,no" | ConvertFrom-Csv
        $created = $rows | New-xOTP_User -ErrorVariable failed -ErrorAction SilentlyContinue
        $created.Upn | Should -Be @('ok1@adatum.com', 'ok2@adatum.com')
        $failed.Count | Should -Be 1
        "$($failed[0])" | Should -BeLike '*"maybe" is not a true/false value*'
        $failed[0].TargetObject.Upn | Should -Be 'bad@adatum.com'
        Get-xOTP_User bad@adatum.com -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-xOTP_User ok1@adatum.com).Disabled | Should -BeTrue
        (Get-xOTP_User ok2@adatum.com).Disabled | Should -BeFalse
    }

    It 'still takes -Disabled as a switch and a bool from an object' {
        New-xOTP_User switch@adatum.com -Disabled | Out-Null
        [pscustomobject]@{ Upn = 'bool@adatum.com'; Disabled = $true } | New-xOTP_User | Out-Null
        [pscustomobject]@{ Upn = 'off@adatum.com'; Disabled = $false } | New-xOTP_User | Out-Null
        (Get-xOTP_User switch@adatum.com).Disabled | Should -BeTrue
        (Get-xOTP_User bool@adatum.com).Disabled | Should -BeTrue
        (Get-xOTP_User off@adatum.com).Disabled | Should -BeFalse
    }

    It 'recreates the same users with the same states from an Export-Csv of Get-xOTP_User' {
        'on1@adatum.com', 'on2@adatum.com', 'off1@adatum.com', 'off2@adatum.com' | New-xOTP_User | Out-Null
        'off1@adatum.com', 'off2@adatum.com' | Disable-xOTP_User
        $csv = Join-Path $folder 'export.csv'
        Get-xOTP_User | Export-Csv -LiteralPath $csv -NoTypeInformation
        $before = Get-xOTP_User | Sort-Object Upn | Select-Object Upn, Status, Disabled

        # A second farm, empty, fed from the export.
        $other = Join-Path $folder 'other'
        New-Item -ItemType Directory -Path $other | Out-Null
        $PSDefaultParameterValues['*-xOTP_User:ConfigurationFilePath'] = New-SqliteConfiguration $other
        Import-Csv -LiteralPath $csv | New-xOTP_User -ErrorVariable failed | Out-Null
        $failed | Should -BeNullOrEmpty
        $after = Get-xOTP_User | Sort-Object Upn | Select-Object Upn, Status, Disabled
        ($after | ConvertTo-Json) | Should -Be ($before | ConvertTo-Json)
        ($after | Where-Object Disabled).Upn | Should -Be @('off1@adatum.com', 'off2@adatum.com')
    }
}

Describe 'The help-desk audit trail' {
    It 'has one line per user a CSV created or a pipeline changed, naming who and which command, and none for -WhatIf' {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $PSDefaultParameterValues['*-xOTP_User:ConfigurationFilePath'] = New-SqliteConfiguration $folder
        try {
            $global:SecureMfaAudit.Clear()
            $csv = Join-Path $folder 'users.csv'
            'Upn,Disabled', 'ann@adatum.com,no', 'ben@adatum.com,yes' | Set-Content -LiteralPath $csv
            Import-Csv $csv | New-xOTP_User | Out-Null
            Get-xOTP_User -Disabled | Enable-xOTP_User
            Remove-xOTP_User ann@adatum.com -WhatIf
            $who = "$([Environment]::UserDomainName)\$([Environment]::UserName) on $([Environment]::MachineName)"
            $global:SecureMfaAudit | Should -Be @(
                "$who created the OTP user ann@adatum.com (New-xOTP_User)."
                "$who created the OTP user ben@adatum.com, disabled (New-xOTP_User)."
                "$who enabled OTP sign-in of ben@adatum.com (Enable-xOTP_User)."
            )
        }
        finally { $PSDefaultParameterValues.Remove('*-xOTP_User:ConfigurationFilePath') }
    }
}

Describe 'Export-xOTP_Report' {
    It 'writes users.csv and devices.csv that Import-Csv reads back, with the times'' zone' {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $config = New-SqliteConfiguration $folder
        'ann@adatum.com', 'ben@adatum.com' | New-xOTP_User -ConfigurationFilePath $config | Out-Null
        $files = Export-xOTP_Report -Path (Join-Path $folder 'report') -ConfigurationFilePath $config
        $files.Name | Should -Be @('users.csv', 'devices.csv')
        $users = Import-Csv $files[0].FullName
        $users.Upn | Sort-Object | Should -Be @('ann@adatum.com', 'ben@adatum.com')
        $users | ForEach-Object { [bool]::Parse($_.Enrolled) | Should -BeFalse; $_.LastChannel | Should -BeNullOrEmpty }
        [DateTimeOffset]::Parse($users[0].Created).Offset | Should -Be ([TimeSpan]::Zero)
        $users[0].Created | Should -Match '\+00:00$'
        @(Import-Csv $files[1].FullName).Count | Should -Be 0 -Because 'no device has registered'
        (Get-Content -LiteralPath $files[1].FullName -TotalCount 1) | Should -Be '"DeviceId","Machine","Status","Registered","LastContact","LastIp","RevokedAt"'
    }
}

Describe 'A mistyped sqlite_path' {
    It 'makes Get-xOTP_User say there is no store at that path, creating nothing' {
        $missing = Join-Path $TestDrive 'no-such-folder/otp.db'
        $config = Join-Path $TestDrive 'mistyped.json'
        "{ `"auth_mode`": `"SQLITE`", `"sqlite_path`": `"$($missing -replace '\\', '/')`" }" | Set-Content -LiteralPath $config
        $caught = $null
        try { Get-xOTP_User alice@adatum.com -ConfigurationFilePath $config -ErrorAction Stop } catch { $caught = $_ }
        "$caught" | Should -BeLike "There is no OTP store at `"$missing`" (sqlite_path in $config)*New-SecureMfaOtpDatabase*"
        $caught.FullyQualifiedErrorId | Should -BeLike 'StoreNotFound,*'
        Test-Path -LiteralPath (Split-Path $missing) | Should -BeFalse
        $caught = $null
        try { Get-xOTP_Device -ConfigurationFilePath $config -ErrorAction Stop } catch { $caught = $_ }
        "$caught" | Should -BeLike 'There is no OTP store at *'
        Test-Path -LiteralPath (Split-Path $missing) | Should -BeFalse
    }
}

Describe 'Test-SecureMfaOtpConfiguration' {
    It 'says a valid file is valid, on the host, and returns no objects for it' {
        $config = New-SqliteConfiguration $TestDrive
        $output = Test-SecureMfaOtpConfiguration $config -InformationVariable said 6> $null
        $output | Should -BeNullOrEmpty
        "$said" | Should -Be "$config is valid (0 warning(s))."
        Test-SecureMfaOtpConfiguration $config -Quiet | Should -BeTrue
    }
}
