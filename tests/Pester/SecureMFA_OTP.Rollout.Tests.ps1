# Get-xOTP_RolloutReadiness as an administrator uses it: the staged module in the real pwsh, with Export-Csv and
# ConvertTo-Json. The reports are written as the WEB API writes them (Core's rollout records, from the module's own
# assemblies) into SQLite in TestDrive.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Modules.ps1')
    Import-Module (Get-StagedModuleManifest 'SecureMFA_OTP') -Force
}

Describe 'Get-xOTP_RolloutReadiness' {
    BeforeAll {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $config = New-SqliteConfiguration $folder
        $PSDefaultParameterValues['Get-xOTP_RolloutReadiness:ConfigurationFilePath'] = $config
        $records = [SecureMFA.Core.Stores.Sql.SqliteStoreFactory]::OpenRollout((Join-Path $folder 'otp.db'))
        $t = [datetime]::SpecifyKind([datetime] '2026-12-01T08:00:00', 'Utc')
        function Report($user, $machine, $outcome, $at) {
            $report = [SecureMFA.Core.Stores.RolloutReport]::new()
            $report.User = $user; $report.Mapped = $true; $report.DeviceId = "dev-$machine"; $report.Machine = $machine
            $report.Scenario = 'logon'; $report.Outcome = $outcome
            $records.Record($report, $at) | Out-Null
        }
        Report 'alice@adatum.labnet' 'PC1' 'code_required' $t
        Report 'bob@adatum.labnet' 'PC1' 'not_enrolled' $t.AddHours(1)
        Report 'bob@adatum.labnet' 'PC1' 'not_enrolled' $t.AddHours(2)
    }
    AfterAll { $PSDefaultParameterValues.Remove('Get-xOTP_RolloutReadiness:ConfigurationFilePath') }

    It 'round-trips through Export-Csv with outcome names and times with their zone' {
        $csv = Join-Path $TestDrive 'readiness.csv'
        Get-xOTP_RolloutReadiness | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = Import-Csv -LiteralPath $csv
        $rows.Upn | Should -Be @('alice@adatum.labnet', 'bob@adatum.labnet')
        $rows[1].WouldHave | Should -Be 'NotEnrolled'
        $rows[1].Ready | Should -Be 'False'
        $rows[1].NotEnrolled | Should -Be '2'
        ([DateTimeOffset] $rows[1].LastSeen).UtcDateTime | Should -Be $t.AddHours(2)
        $rows[1].LastSeen | Should -Match '\+00:00$'
    }

    It 'writes JSON with the outcome as a name and ISO times with the zone' {
        $json = Get-xOTP_RolloutReadiness bob@adatum.labnet | ConvertTo-Json
        $json | Should -Match '"WouldHave": "NotEnrolled"'
        $json | Should -Match '"LastSeen": "2026-12-01T10:00:00\+00:00"'
        ($json | ConvertFrom-Json).Reports | Should -Be 2
    }

    It 'filters with -Since and lists the not ready ones with Where-Object' {
        @(Get-xOTP_RolloutReadiness -Since $t.AddMinutes(30)).Upn | Should -Be @('bob@adatum.labnet')
        @(Get-xOTP_RolloutReadiness | Where-Object { -not $_.Ready }).Upn | Should -Be @('bob@adatum.labnet')
    }

    It 'has help with examples' {
        (Get-Help Get-xOTP_RolloutReadiness -Full).examples.example.Count | Should -BeGreaterOrEqual 2
    }
}
