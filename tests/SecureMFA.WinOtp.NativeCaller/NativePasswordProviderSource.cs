using System;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Services;

namespace SecureMFA.WinOtp.NativeCaller
{
    /// <summary>
    /// The password-provider seam over a native factory (caller.c's stand-in for CoCreateInstance): it returns an
    /// IUnknown pointer or a failure HRESULT, then a QueryInterface for <see cref="ICredentialProvider"/> on the
    /// native object, as the cast after Activator.CreateInstance makes on Windows.
    /// </summary>
    public sealed class NativePasswordProviderSource : IPasswordProviderSource
    {
        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate int CreateInstance(out IntPtr unknown);

        private readonly CreateInstance _create;

        public NativePasswordProviderSource(IntPtr factory)
        {
            if (factory == IntPtr.Zero) throw new ArgumentException("No native factory.", nameof(factory));
            _create = Marshal.GetDelegateForFunctionPointer<CreateInstance>(factory);
        }

        public ICredentialProvider Create()
        {
            var hr = _create(out var unknown);
            if (hr < 0) Marshal.ThrowExceptionForHR(hr);
            try
            {
                // The QueryInterface for ICredentialProvider is made here, before any runtime wrapper exists: Mono 6.8's
                // FinalReleaseComObject does not give back the IUnknown of a wrapper whose cast failed (measured: the
                // native object keeps one reference until finalization), which .NET Framework's does.
                var iid = typeof(ICredentialProvider).GUID;
                hr = Marshal.QueryInterface(unknown, ref iid, out var provider);
                if (hr < 0) Marshal.ThrowExceptionForHR(hr); // E_NOINTERFACE: InvalidCastException, as the failed cast
                try { return (ICredentialProvider)Marshal.GetObjectForIUnknown(provider); }
                finally { Marshal.Release(provider); }
            }
            finally { Marshal.Release(unknown); }
        }
    }
}
