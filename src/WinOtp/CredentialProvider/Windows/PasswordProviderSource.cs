#if NETFRAMEWORK
using System;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Services;

namespace SecureMFA.WinOtp.CredentialProvider.Windows
{
    /// <summary>CoCreateInstance(CLSID_PasswordCredentialProvider) on LogonUI's thread, as Microsoft's wrapping sample does. Windows only.</summary>
    public sealed class PasswordProviderSource : IPasswordProviderSource
    {
        public ICredentialProvider Create()
        {
            var type = Type.GetTypeFromCLSID(ProviderIds.PasswordProvider, true)!;
            // CoCreateInstance failing throws a COMException; the cast is QueryInterface(IID_ICredentialProvider), whose
            // failure is an InvalidCastException. The provider tells the two apart on its "cannot start" tile.
            var created = Activator.CreateInstance(type)!;
            if (created is ICredentialProvider provider) return provider;
            // QueryInterface(IID_ICredentialProvider) failed: let the object go now rather than at finalization.
            Com.ComReference.FinalRelease(created);
            throw new InvalidCastException("CLSID_PasswordCredentialProvider does not answer QueryInterface for ICredentialProvider.");
        }
    }
}
#endif
