using System;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    /// <summary>ICredentialProvider, IID d27c3481-5a1c-45b2-8aaa-c20ebbe8229e; methods in vtable order (see <see cref="HeaderSource"/>).</summary>
    [ComImport, Guid("d27c3481-5a1c-45b2-8aaa-c20ebbe8229e"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProvider
    {
        [PreserveSig] int SetUsageScenario(CredentialProviderUsageScenario cpus, uint dwFlags);
        [PreserveSig] int SetSerialization([In] ref CredentialSerialization pcpcs);
        [PreserveSig] int Advise([MarshalAs(UnmanagedType.Interface)] ICredentialProviderEvents? pcpe, UIntPtr upAdviseContext);
        [PreserveSig] int UnAdvise();
        [PreserveSig] int GetFieldDescriptorCount(out uint pdwCount);
        /// <summary>*ppcpfd is a CoTaskMemAlloc'd CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR the caller frees (label too).</summary>
        [PreserveSig] int GetFieldDescriptorAt(uint dwIndex, out IntPtr ppcpfd);
        [PreserveSig] int GetCredentialCount(out uint pdwCount, out uint pdwDefault, out int pbAutoLogonWithDefault);
        [PreserveSig] int GetCredentialAt(uint dwIndex, [MarshalAs(UnmanagedType.Interface)] out ICredentialProviderCredential? ppcpc);
    }
}
