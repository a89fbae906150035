# Install-ADFS_Demo_with_OTP as a PowerShell user meets it: its help, its refusal outside Windows PowerShell 5.1, and what
# -WhatIf says on a server that qualifies (the host and certificate facts replaced, as on a domain-joined Windows Server 2019).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Modules.ps1')
    Import-Module (Get-StagedModuleManifest 'SecureMFA_OTP') -Force
    $script:Steps = 'AD FS role', 'AD FS farm', 'OTP database', 'Provider configuration', 'OTP provider', 'IIS role', 'Application group', 'Web portal'
    $script:Thumbprint = '285394EAE4E52BF64D3B6F6C304584F30C3F004F'
}

Describe 'Get-Help Install-ADFS_Demo_with_OTP -Full' {
    It 'describes the steps, the original parameters and what the server needs, with examples' {
        $help = Get-Help Install-ADFS_Demo_with_OTP -Full | Out-String -Width 120
        foreach ($parameter in 'adfs_certificate_thumbprint', 'adfs_gmsa', 'adfs_service_account_credential', 'federation_service_name', 'sql_instance', 'web_portal_url', 'web_portal_path') {
            $help | Should -Match "-$parameter" -Because "the help lists -$parameter"
        }
        foreach ($text in 'Windows Server 2016', 'SQL Express', 'Install-AdfsFarm', 'signin-oidc', 'Permit', 'Uninstall-ADFS_Demo_with_OTP') {
            $help | Should -BeLike "*$text*"
        }
        (Get-Help Install-ADFS_Demo_with_OTP).examples.example.Count | Should -BeGreaterOrEqual 2
        (Get-Help Uninstall-ADFS_Demo_with_OTP -Full | Out-String) | Should -BeLike '*-KeepDatabase*'
    }
}

Describe 'Install-ADFS_Demo_with_OTP in PowerShell 7' {
    It 'refuses, saying where to run it, and changes nothing' {
        $portal = Join-Path $TestDrive 'portal'
        New-Item -ItemType Directory -Path $portal | Out-Null
        { Install-ADFS_Demo_with_OTP -adfs_certificate_thumbprint $script:Thumbprint -adfs_gmsa 'ADATUM\gmsa-adfs$' -web_portal_path $portal -Confirm:$false -ErrorAction Stop } |
            Should -Throw '*runs in Windows PowerShell 5.1*'
    }
}

Describe 'Install-ADFS_Demo_with_OTP -WhatIf on a qualifying server' {
    BeforeAll {
        function global:Get-SecureMfaOtpHost {
            [pscustomobject]@{ PSEdition = 'Desktop'; PSVersion = '5.1.17763.592'; IsElevated = $true; NetFrameworkRelease = 528040; ComputerName = 'ADFS1'
                ComputerFqdn = 'adfs1.adatum.com'; IsDomainJoined = $true; Domain = 'adatum.com'; OsProductType = 3; OsBuild = 17763; OsCaption = 'Microsoft Windows Server 2019 Datacenter' }
        }
        function global:Get-SecureMfaOtpCertificate {
            param([string] $Thumbprint)
            [pscustomobject]@{ Subject = 'CN=adfs.adatum.com'; DnsNameList = @('adfs.adatum.com'); HasPrivateKey = $true; NotAfter = (Get-Date).AddYears(1) }
        }
        $script:portal = Join-Path $TestDrive 'published'
        New-Item -ItemType Directory -Path $script:portal | Out-Null
        Set-Content -LiteralPath (Join-Path $script:portal 'SecureMFA.WebPortal.dll') -Value 'stand-in'
    }
    AfterAll {
        Remove-Item function:global:Get-SecureMfaOtpCertificate
        Remove-Item function:global:Get-SecureMfaOtpHost
        Import-Module (Get-StagedModuleManifest 'SecureMFA_OTP') -Force
    }

    It 'lists every step in order, with what it would pass, and returns nothing' {
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -LiteralPath $transcript | Out-Null
        $output = Install-ADFS_Demo_with_OTP -adfs_certificate_thumbprint $script:Thumbprint -adfs_gmsa 'ADATUM\gmsa-adfs$' -web_portal_path $script:portal -WhatIf
        Stop-Transcript | Out-Null
        $output | Should -BeNullOrEmpty
        $text = Get-Content -LiteralPath $transcript -Raw
        $positions = foreach ($step in $script:Steps) {
            $at = $text.IndexOf("on target `"$step`"")
            $at | Should -BeGreaterThan -1 -Because "-WhatIf names the step $step"
            $at
        }
        ($positions | Sort-Object) -join ',' | Should -Be ($positions -join ',')
        $text | Should -BeLike "*Install-AdfsFarm -CertificateThumbprint $($script:Thumbprint) -FederationServiceName adfs.adatum.com*"
        $text | Should -BeLike '*-RedirectUri https://adfs1.adatum.com/signin-oidc*'
    }
}
