using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    /// <summary>
    /// ICredentialProviderSetUserArray (Windows 8+), IID 095c1484-1c0c-4388-9c6d-500e61bf84bd (see
    /// <see cref="HeaderSource"/>). Implementing it makes a provider "V2": LogonUI hands it the users it shows.
    /// </summary>
    [ComImport, Guid("095c1484-1c0c-4388-9c6d-500e61bf84bd"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderSetUserArray
    {
        [PreserveSig] int SetUserArray([MarshalAs(UnmanagedType.Interface)] ICredentialProviderUserArray? users);
    }
}
