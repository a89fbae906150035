@{
    RootModule             = 'SecureMFA_WIN_OTP.psm1'
    ModuleVersion          = '0.0.0'  # stamped with the release by the module build (src/PowerShell/ModuleBuilder)
    GUID                   = '60a79989-8cbf-4773-bfc3-e3b539e1c8fe'
    Author                 = 'SecureMFA OTP'
    CompanyName            = 'SecureMFA OTP'
    Copyright              = '(c) SecureMFA OTP. All rights reserved.'
    Description            = 'SecureMFA WIN OTP: a one-time code at Windows logon, unlock and Remote Desktop, checked by the SecureMFA WEB API (online) or an encrypted local vault (offline). Installs, removes and tests the credential provider. Windows 10 / Server 2016 or later, x64, elevated Windows PowerShell 5.1.'
    PowerShellVersion      = '5.1'
    # The credential provider LogonUI loads is built for .NET Framework 4.7.2.
    DotNetFrameworkVersion = '4.7.2'
    CompatiblePSEditions   = @('Desktop', 'Core')
    CmdletsToExport        = @(
        'Install-SecureMFA_WIN_OTP_AuthenticationProvider', 'Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider', 'Test-SecureMFA_WIN_OTP'
    )
    FunctionsToExport      = @(
        'Get-SecureMfaWinOtpHost', 'Get-SecureMfaWinOtpRegistryValue', 'Get-SecureMfaWinOtpRegistryValueKind', 'Set-SecureMfaWinOtpRegistryValue', 'Remove-SecureMfaWinOtpRegistryValue',
        'Remove-SecureMfaWinOtpRegistryKey', 'Protect-SecureMfaWinOtpRegistryKey', 'Get-SecureMfaWinOtpRegistryKeyAccess', 'Copy-SecureMfaWinOtpFile', 'Remove-SecureMfaWinOtpFolder', 'Register-SecureMfaWinOtpEventSource',
        'Unregister-SecureMfaWinOtpEventSource', 'Protect-SecureMfaWinOtpMachineData', 'Unprotect-SecureMfaWinOtpMachineData', 'Resolve-SecureMfaWinOtpAccountSid'
    )
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{ PSData = @{ Tags = @('MFA', 'TOTP', 'OTP', 'RFC6238', 'CredentialProvider', 'RDP', 'Windows') } }
}
