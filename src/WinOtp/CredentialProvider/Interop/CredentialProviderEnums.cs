using System;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    // The enumerations of credentialprovider.h (Windows SDK; values as in the MIDL output of credentialprovider.idl,
    // cross-checked against mingw-w64-headers/include/credentialprovider.h). All are 32-bit ([v1_enum]).

    /// <summary>CREDENTIAL_PROVIDER_USAGE_SCENARIO.</summary>
    public enum CredentialProviderUsageScenario
    {
        Invalid = 0,
        Logon = 1,
        UnlockWorkstation = 2,
        ChangePassword = 3,
        CredUI = 4,
        Plap = 5,
    }

    /// <summary>CREDENTIAL_PROVIDER_FIELD_TYPE (CPFT_*).</summary>
    public enum CredentialProviderFieldType
    {
        Invalid = 0,
        LargeText = 1,
        SmallText = 2,
        CommandLink = 3,
        EditText = 4,
        PasswordText = 5,
        TileImage = 6,
        Checkbox = 7,
        ComboBox = 8,
        SubmitButton = 9,
    }

    /// <summary>CREDENTIAL_PROVIDER_FIELD_STATE (CPFS_*).</summary>
    public enum CredentialProviderFieldState
    {
        Hidden = 0,
        DisplayInSelectedTile = 1,
        DisplayInDeselectedTile = 2,
        DisplayInBoth = 3,
    }

    /// <summary>CREDENTIAL_PROVIDER_FIELD_INTERACTIVE_STATE (CPFIS_*).</summary>
    public enum CredentialProviderFieldInteractiveState
    {
        None = 0,
        ReadOnly = 1,
        Disabled = 2,
        Focused = 3,
    }

    /// <summary>CREDENTIAL_PROVIDER_GET_SERIALIZATION_RESPONSE (CPGSR_*).</summary>
    public enum CredentialProviderGetSerializationResponse
    {
        NoCredentialNotFinished = 0,
        NoCredentialFinished = 1,
        ReturnCredentialFinished = 2,
        ReturnNoCredentialFinished = 3,
    }

    /// <summary>CREDENTIAL_PROVIDER_STATUS_ICON (CPSI_*).</summary>
    public enum CredentialProviderStatusIcon
    {
        None = 0,
        Error = 1,
        Warning = 2,
        Success = 3,
    }

    /// <summary>CREDENTIAL_PROVIDER_CREDENTIAL_FIELD_OPTIONS (CPCFO_*, Windows 8+): flags a credential gives a field.</summary>
    [Flags]
    public enum CredentialProviderCredentialFieldOptions
    {
        None = 0x0,
        EnablePasswordReveal = 0x1,
        IsEmailAddress = 0x2,
        EnableTouchKeyboardAutoInvoke = 0x4,
        NumbersOnly = 0x8,
        ShowEnglishKeyboard = 0x10,
    }
}
