#if NETFRAMEWORK
using System.Security.Cryptography;

namespace SecureMFA.WinOtp.Platform.Windows
{
    /// <summary>DPAPI in machine scope (CryptProtectData with CRYPTPROTECT_LOCAL_MACHINE). Windows only.</summary>
    public sealed class WindowsMachineProtection : IMachineProtection
    {
        public byte[] Protect(byte[] data, byte[] entropy) => ProtectedData.Protect(data, entropy, DataProtectionScope.LocalMachine);

        public byte[] Unprotect(byte[] blob, byte[] entropy) => ProtectedData.Unprotect(blob, entropy, DataProtectionScope.LocalMachine);
    }
}
#endif
