using System;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    /// <summary>
    /// CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION: ULONG ulAuthenticationPackage; GUID clsidCredentialProvider;
    /// ULONG cbSerialization; byte* rgbSerialization. On x64: 4 + 16 + 4 + 4 (padding) + 8 = 32 bytes. The buffer is
    /// CoTaskMemAlloc'd by whoever fills it and freed by whoever receives it (LogonUI for GetSerialization's).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct CredentialSerialization
    {
        public uint AuthenticationPackage;
        public Guid CredentialProviderClsid;
        public uint SerializationSize;
        public IntPtr Serialization;
    }
}
