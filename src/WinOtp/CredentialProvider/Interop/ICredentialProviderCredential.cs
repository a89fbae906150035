using System;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
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
}
