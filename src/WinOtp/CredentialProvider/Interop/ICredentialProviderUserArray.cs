using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    /// <summary>
    /// ICredentialProviderUserArray (Windows 8+), IID 90c119ae-0f18-4520-a1f1-114366a40fe8 (see
    /// <see cref="HeaderSource"/>). Opaque here on purpose: the shell only passes LogonUI's array on to the wrapped
    /// Password provider and never calls it, so no method is declared (none can then be called through a wrong slot).
    /// </summary>
    [ComImport, Guid("90c119ae-0f18-4520-a1f1-114366a40fe8"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderUserArray
    {
    }
}
