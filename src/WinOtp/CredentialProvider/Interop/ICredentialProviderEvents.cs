using System;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    /// <summary>ICredentialProviderEvents, IID 34201e5a-a787-41a3-a5a4-bd6dcf2a854e (LogonUI's; see <see cref="HeaderSource"/>).</summary>
    [ComImport, Guid("34201e5a-a787-41a3-a5a4-bd6dcf2a854e"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderEvents
    {
        [PreserveSig] int CredentialsChanged(UIntPtr upAdviseContext);
    }
}
