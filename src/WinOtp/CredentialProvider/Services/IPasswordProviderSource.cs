using SecureMFA.WinOtp.CredentialProvider.Interop;

namespace SecureMFA.WinOtp.CredentialProvider.Services
{
    /// <summary>Makes the provider the shell wraps: on Windows, CoCreateInstance of CLSID_PasswordCredentialProvider.</summary>
    public interface IPasswordProviderSource
    {
        ICredentialProvider Create();
    }
}
