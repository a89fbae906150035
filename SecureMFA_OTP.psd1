@{
    RootModule           = 'SecureMFA_OTP.psm1'
    ModuleVersion        = '1.0.0'
    GUID                 = '3f6b8a2e-5c1d-4e9f-a7b3-0d2c4e6f8a91'
    Author               = 'SecureMFA OTP'
    CompanyName          = 'SecureMFA OTP'
    Copyright            = '(c) SecureMFA OTP. All rights reserved.'
    Description          = 'Time-based one-time-password (RFC 6238) multi-factor authentication for AD FS: install and register the adapter, provision the store, and support OTP users.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('SecureMFA_OTP.format.ps1xml')
    CmdletsToExport      = @(
        'Install-SecureMfaOtpProvider', 'Uninstall-SecureMfaOtpProvider', 'Test-SecureMfaOtpConfiguration', 'New-SecureMfaOtpDatabase',
        'New-xOTP_User', 'Get-xOTP_User', 'Disable-xOTP_User', 'Enable-xOTP_User', 'Unlock-xOTP_User', 'Reset-xOTP_User', 'Remove-xOTP_User',
        'Get-xOTP_Device', 'Revoke-xOTP_Device'
    )
    FunctionsToExport    = @('Install-SecureMfaOtpGacAssembly', 'Uninstall-SecureMfaOtpGacAssembly', 'Register-SecureMfaOtpEventSource')
    AliasesToExport      = @(
        'New-SecureMfaOtpUser', 'Get-SecureMfaOtpUser', 'Disable-SecureMfaOtpUser', 'Enable-SecureMfaOtpUser',
        'Unlock-SecureMfaOtpUser', 'Reset-SecureMfaOtpUser', 'Remove-SecureMfaOtpUser'
    )
    VariablesToExport    = @()
    PrivateData          = @{ PSData = @{ Tags = @('ADFS', 'MFA', 'TOTP', 'OTP', 'RFC6238') } }
}
