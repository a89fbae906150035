using System;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
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
