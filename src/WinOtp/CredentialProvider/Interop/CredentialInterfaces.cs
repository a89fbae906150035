using System;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    // The credential-side interfaces of credentialprovider.h: a tile's credential (and its Windows 8 extensions) and
    // the events LogonUI gives a credential to change its fields.

    /// <summary>
    /// ICredentialProviderCredential, IID 63913a93-40c1-481a-818d-4072ff8c70cc; methods in vtable order (see
    /// <see cref="HeaderSource"/>). Strings returned through out LPWSTR parameters are CoTaskMemAlloc'd by the
    /// marshaler and freed by the caller, as the header requires.
    /// </summary>
    [ComImport, Guid("63913a93-40c1-481a-818d-4072ff8c70cc"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderCredential
    {
        [PreserveSig] int Advise([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredentialEvents? pcpce);
        [PreserveSig] int UnAdvise();
        [PreserveSig] int SetSelected(out int pbAutoLogon);
        [PreserveSig] int SetDeselected();
        [PreserveSig] int GetFieldState(uint dwFieldID, out CredentialProviderFieldState pcpfs, out CredentialProviderFieldInteractiveState pcpfis);
        [PreserveSig] int GetStringValue(uint dwFieldID, [MarshalAs(UnmanagedType.LPWStr)] out string? ppsz);
        [PreserveSig] int GetBitmapValue(uint dwFieldID, out IntPtr phbmp);
        [PreserveSig] int GetCheckboxValue(uint dwFieldID, out int pbChecked, [MarshalAs(UnmanagedType.LPWStr)] out string? ppszLabel);
        [PreserveSig] int GetSubmitButtonValue(uint dwFieldID, out uint pdwAdjacentTo);
        [PreserveSig] int GetComboBoxValueCount(uint dwFieldID, out uint pcItems, out uint pdwSelectedItem);
        [PreserveSig] int GetComboBoxValueAt(uint dwFieldID, uint dwItem, [MarshalAs(UnmanagedType.LPWStr)] out string? ppszItem);
        [PreserveSig] int SetStringValue(uint dwFieldID, [MarshalAs(UnmanagedType.LPWStr)] string? psz);
        [PreserveSig] int SetCheckboxValue(uint dwFieldID, int bChecked);
        [PreserveSig] int SetComboBoxSelectedValue(uint dwFieldID, uint dwSelectedItem);
        [PreserveSig] int CommandLinkClicked(uint dwFieldID);
        [PreserveSig] int GetSerialization(out CredentialProviderGetSerializationResponse pcpgsr, out CredentialSerialization pcpcs,
            [MarshalAs(UnmanagedType.LPWStr)] out string? ppszOptionalStatusText, out CredentialProviderStatusIcon pcpsiOptionalStatusIcon);
        [PreserveSig] int ReportResult(int ntsStatus, int ntsSubstatus,
            [MarshalAs(UnmanagedType.LPWStr)] out string? ppszOptionalStatusText, out CredentialProviderStatusIcon pcpsiOptionalStatusIcon);
    }

    /// <summary>
    /// ICredentialProviderCredential2 (Windows 8+), IID fd672c54-40ea-4d6e-9b49-cfb1a7507bd7: the base interface's
    /// methods repeated in its order, then GetUserSid (see <see cref="HeaderSource"/>). A V2 provider's credentials
    /// implement it so LogonUI can group them under a user's tile.
    /// </summary>
    [ComImport, Guid("fd672c54-40ea-4d6e-9b49-cfb1a7507bd7"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderCredential2 : ICredentialProviderCredential
    {
        [PreserveSig] new int Advise([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredentialEvents? pcpce);
        [PreserveSig] new int UnAdvise();
        [PreserveSig] new int SetSelected(out int pbAutoLogon);
        [PreserveSig] new int SetDeselected();
        [PreserveSig] new int GetFieldState(uint dwFieldID, out CredentialProviderFieldState pcpfs, out CredentialProviderFieldInteractiveState pcpfis);
        [PreserveSig] new int GetStringValue(uint dwFieldID, [MarshalAs(UnmanagedType.LPWStr)] out string? ppsz);
        [PreserveSig] new int GetBitmapValue(uint dwFieldID, out IntPtr phbmp);
        [PreserveSig] new int GetCheckboxValue(uint dwFieldID, out int pbChecked, [MarshalAs(UnmanagedType.LPWStr)] out string? ppszLabel);
        [PreserveSig] new int GetSubmitButtonValue(uint dwFieldID, out uint pdwAdjacentTo);
        [PreserveSig] new int GetComboBoxValueCount(uint dwFieldID, out uint pcItems, out uint pdwSelectedItem);
        [PreserveSig] new int GetComboBoxValueAt(uint dwFieldID, uint dwItem, [MarshalAs(UnmanagedType.LPWStr)] out string? ppszItem);
        [PreserveSig] new int SetStringValue(uint dwFieldID, [MarshalAs(UnmanagedType.LPWStr)] string? psz);
        [PreserveSig] new int SetCheckboxValue(uint dwFieldID, int bChecked);
        [PreserveSig] new int SetComboBoxSelectedValue(uint dwFieldID, uint dwSelectedItem);
        [PreserveSig] new int CommandLinkClicked(uint dwFieldID);
        [PreserveSig] new int GetSerialization(out CredentialProviderGetSerializationResponse pcpgsr, out CredentialSerialization pcpcs,
            [MarshalAs(UnmanagedType.LPWStr)] out string? ppszOptionalStatusText, out CredentialProviderStatusIcon pcpsiOptionalStatusIcon);
        [PreserveSig] new int ReportResult(int ntsStatus, int ntsSubstatus,
            [MarshalAs(UnmanagedType.LPWStr)] out string? ppszOptionalStatusText, out CredentialProviderStatusIcon pcpsiOptionalStatusIcon);
        /// <summary>S_FALSE with a null SID: the credential belongs to the "Other user" tile.</summary>
        [PreserveSig] int GetUserSid([MarshalAs(UnmanagedType.LPWStr)] out string? sid);
    }

    /// <summary>
    /// ICredentialProviderCredentialWithFieldOptions (Windows 8+), IID dbc6fb30-c843-49e3-a645-573e6f39446a: LogonUI
    /// asks a credential for each field's options (the password reveal button, a numbers-only keyboard).
    /// </summary>
    [ComImport, Guid("dbc6fb30-c843-49e3-a645-573e6f39446a"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderCredentialWithFieldOptions
    {
        [PreserveSig] int GetFieldOptions(uint fieldID, out CredentialProviderCredentialFieldOptions options);
    }

    /// <summary>
    /// ICredentialProviderCredentialEvents, IID fa6fa76b-66b7-4b11-95f1-86171118e816; methods in vtable order (see
    /// <see cref="HeaderSource"/>). LogonUI implements it; a credential calls it with its own pointer to change a field.
    /// </summary>
    [ComImport, Guid("fa6fa76b-66b7-4b11-95f1-86171118e816"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderCredentialEvents
    {
        [PreserveSig] int SetFieldState([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, CredentialProviderFieldState cpfs);
        [PreserveSig] int SetFieldInteractiveState([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, CredentialProviderFieldInteractiveState cpfis);
        [PreserveSig] int SetFieldString([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, [MarshalAs(UnmanagedType.LPWStr)] string? psz);
        [PreserveSig] int SetFieldCheckbox([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, int bChecked, [MarshalAs(UnmanagedType.LPWStr)] string? pszLabel);
        [PreserveSig] int SetFieldBitmap([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, IntPtr hbmp);
        [PreserveSig] int SetFieldComboBoxSelectedItem([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, uint dwSelectedItem);
        [PreserveSig] int DeleteFieldComboBoxItem([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, uint dwItem);
        [PreserveSig] int AppendFieldComboBoxItem([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, [MarshalAs(UnmanagedType.LPWStr)] string? pszItem);
        [PreserveSig] int SetFieldSubmitButton([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, uint dwAdjacentTo);
        [PreserveSig] int OnCreatingWindow(out IntPtr phwndOwner);
    }

    /// <summary>
    /// ICredentialProviderCredentialEvents2 (Windows 8+), IID b53c00b6-9922-4b78-b1f4-ddfe774dc39b: the base
    /// interface's methods repeated in its order, then BeginFieldUpdates, EndFieldUpdates, SetFieldOptions (see
    /// <see cref="HeaderSource"/>).
    /// </summary>
    [ComImport, Guid("b53c00b6-9922-4b78-b1f4-ddfe774dc39b"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderCredentialEvents2 : ICredentialProviderCredentialEvents
    {
        [PreserveSig] new int SetFieldState([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, CredentialProviderFieldState cpfs);
        [PreserveSig] new int SetFieldInteractiveState([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, CredentialProviderFieldInteractiveState cpfis);
        [PreserveSig] new int SetFieldString([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, [MarshalAs(UnmanagedType.LPWStr)] string? psz);
        [PreserveSig] new int SetFieldCheckbox([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, int bChecked, [MarshalAs(UnmanagedType.LPWStr)] string? pszLabel);
        [PreserveSig] new int SetFieldBitmap([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, IntPtr hbmp);
        [PreserveSig] new int SetFieldComboBoxSelectedItem([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, uint dwSelectedItem);
        [PreserveSig] new int DeleteFieldComboBoxItem([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, uint dwItem);
        [PreserveSig] new int AppendFieldComboBoxItem([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, [MarshalAs(UnmanagedType.LPWStr)] string? pszItem);
        [PreserveSig] new int SetFieldSubmitButton([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? pcpc, uint dwFieldID, uint dwAdjacentTo);
        [PreserveSig] new int OnCreatingWindow(out IntPtr phwndOwner);
        [PreserveSig] int BeginFieldUpdates();
        [PreserveSig] int EndFieldUpdates();
        [PreserveSig] int SetFieldOptions([MarshalAs(UnmanagedType.Interface)] ICredentialProviderCredential? credential, uint fieldID, CredentialProviderCredentialFieldOptions options);
    }
}
