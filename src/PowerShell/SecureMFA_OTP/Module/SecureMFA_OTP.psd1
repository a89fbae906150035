@{
    RootModule             = 'SecureMFA_OTP.psm1'
    ModuleVersion          = '0.0.0'  # stamped with the release by the module build (src/PowerShell/ModuleBuilder)
    GUID                   = '3f6b8a2e-5c1d-4e9f-a7b3-0d2c4e6f8a91'
    Author                 = 'SecureMFA OTP'
    CompanyName            = 'SecureMFA OTP'
    Copyright              = '(c) SecureMFA OTP. All rights reserved.'
    Description            = 'Time-based one-time-password (RFC 6238) multi-factor authentication for AD FS: install and register the adapter, provision the store, and support OTP users. Windows PowerShell 5.1 on .NET Framework 4.7.2 or later (install and AD FS), or PowerShell 7.6 or later (support cmdlets).'
    PowerShellVersion      = '5.1'
    # Windows PowerShell checks this before loading the module; the adapter and the cmdlets are built for 4.7.2.
    DotNetFrameworkVersion = '4.7.2'
    CompatiblePSEditions   = @('Desktop', 'Core')
    FormatsToProcess       = @('SecureMFA_OTP.format.ps1xml')
    CmdletsToExport        = @(
        'Install-SecureMfaOtpProvider', 'Uninstall-SecureMfaOtpProvider', 'Test-SecureMfaOtpConfiguration', 'New-SecureMfaOtpDatabase',
        'New-xOTP_User', 'Get-xOTP_User', 'Disable-xOTP_User', 'Enable-xOTP_User', 'Unlock-xOTP_User', 'Reset-xOTP_User', 'Remove-xOTP_User', 'ConvertTo-xOTP_EncryptedSecret',
        'New-xOTP_RecoveryCode', 'Get-xOTP_Device', 'Revoke-xOTP_Device', 'Get-xOTP_RolloutReadiness', 'Get-xOTP_OfflineUnlockCode', 'Export-xOTP_Report',
        'Install-ADFS_Demo_with_OTP', 'Uninstall-ADFS_Demo_with_OTP'
    )
    FunctionsToExport      = @(
        'Get-SecureMfaOtpHost', 'Get-SecureMfaOtpCertificate', 'Invoke-SecureMfaOtpSqlScript', 'Install-SecureMfaOtpWebPortal', 'Uninstall-SecureMfaOtpWebPortal',
        'Find-SecureMfaOtpGacAssembly', 'Install-SecureMfaOtpGacAssembly', 'Uninstall-SecureMfaOtpGacAssembly',
        'Register-SecureMfaOtpEventSource', 'Protect-SecureMfaOtpConfigurationFile', 'Remove-SecureMfaOtpFileAtRestart',
        'Write-SecureMfaOtpAuditEvent'
    )
    AliasesToExport        = @(
        'New-SecureMfaOtpUser', 'Get-SecureMfaOtpUser', 'Disable-SecureMfaOtpUser', 'Enable-SecureMfaOtpUser',
        'Unlock-SecureMfaOtpUser', 'Reset-SecureMfaOtpUser', 'Remove-SecureMfaOtpUser'
    )
    VariablesToExport      = @()
    PrivateData            = @{ PSData = @{ Tags = @('ADFS', 'MFA', 'TOTP', 'OTP', 'RFC6238') } }
}
