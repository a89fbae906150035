using System;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
    // The provider-side interfaces of credentialprovider.h: the provider LogonUI creates, the events it hands the
    // provider, the Windows 8 user-array pair that makes a provider "V2", and the filter that hides other providers.

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

    /// <summary>ICredentialProviderEvents, IID 34201e5a-a787-41a3-a5a4-bd6dcf2a854e (LogonUI's; see <see cref="HeaderSource"/>).</summary>
    [ComImport, Guid("34201e5a-a787-41a3-a5a4-bd6dcf2a854e"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderEvents
    {
        [PreserveSig] int CredentialsChanged(UIntPtr upAdviseContext);
    }

    /// <summary>
    /// ICredentialProviderSetUserArray (Windows 8+), IID 095c1484-1c0c-4388-9c6d-500e61bf84bd (see
    /// <see cref="HeaderSource"/>). Implementing it makes a provider "V2": LogonUI hands it the users it shows.
    /// </summary>
    [ComImport, Guid("095c1484-1c0c-4388-9c6d-500e61bf84bd"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderSetUserArray
    {
        [PreserveSig] int SetUserArray([MarshalAs(UnmanagedType.Interface)] ICredentialProviderUserArray? users);
    }

    /// <summary>
    /// ICredentialProviderUserArray (Windows 8+), IID 90c119ae-0f18-4520-a1f1-114366a40fe8 (see
    /// <see cref="HeaderSource"/>). Opaque here on purpose: the shell only passes LogonUI's array on to the wrapped
    /// Password provider and never calls it, so no method is declared (none can then be called through a wrong slot).
    /// </summary>
    [ComImport, Guid("90c119ae-0f18-4520-a1f1-114366a40fe8"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderUserArray
    {
    }

    /// <summary>ICredentialProviderFilter, IID a5da53f9-d475-4080-a120-910c4a739880; methods in vtable order (see <see cref="HeaderSource"/>).</summary>
    [ComImport, Guid("a5da53f9-d475-4080-a120-910c4a739880"), InterfaceType(ComInterfaceType.InterfaceIsIUnknown)]
    public interface ICredentialProviderFilter
    {
        /// <summary>rgbAllow[i] (a BOOL) says whether the provider rgclsidProviders[i] may show tiles; both arrays have cProviders entries.</summary>
        [PreserveSig] int Filter(CredentialProviderUsageScenario cpus, uint dwFlags,
            [In, MarshalAs(UnmanagedType.LPArray, SizeParamIndex = 4)] Guid[] rgclsidProviders,
            [In, Out, MarshalAs(UnmanagedType.LPArray, SizeParamIndex = 4)] int[] rgbAllow,
            uint cProviders);
        [PreserveSig] int UpdateRemoteCredential([In] ref CredentialSerialization pcpcsIn, out CredentialSerialization pcpcsOut);
    }
}
