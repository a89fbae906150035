using System;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Kerberos;

namespace SecureMFA.WinOtp.CredentialProvider.Com
{
    /// <summary>A remote client's credentials, repacked into a CoTaskMemAlloc buffer for our provider (the receiver frees it).</summary>
    public static class RemoteCredential
    {
        public static CredentialSerialization Retarget(uint authenticationPackage, InteractiveUnlockLogon logon)
        {
            var packed = KerbInteractiveUnlockLogonPacking.Pack(logon);
            var buffer = Marshal.AllocCoTaskMem(packed.Length);
            Marshal.Copy(packed, 0, buffer, packed.Length);
            Array.Clear(packed, 0, packed.Length);
            return new CredentialSerialization
            {
                AuthenticationPackage = authenticationPackage,
                CredentialProviderClsid = ProviderIds.Provider,
                SerializationSize = (uint)packed.Length,
                Serialization = buffer,
            };
        }
    }
}
