using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    /// <summary>
    /// ICredentialProviderCredentialWithFieldOptions (Windows 8+), IID dbc6fb30-c843-49e3-a645-573e6f39446a: LogonUI
    /// asks a credential for each field's options (the password reveal button, a numbers-only keyboard).
    /// </summary>
    [ComImport, Guid("dbc6fb30-c843-49e3-a645-573e6f39446a"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderCredentialWithFieldOptions
    {
        [PreserveSig] int GetFieldOptions(uint fieldID, out CredentialProviderCredentialFieldOptions options);
    }
}
