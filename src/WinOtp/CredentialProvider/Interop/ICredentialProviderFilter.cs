using System;
using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Interop
{
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
