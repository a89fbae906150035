using System;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
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
}
