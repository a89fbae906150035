using System;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
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
}
