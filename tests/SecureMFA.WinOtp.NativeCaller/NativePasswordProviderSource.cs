using System;
using System.Runtime.InteropServices;
using SecureMFA.WinOtp.CredentialProvider.Interop;
using SecureMFA.WinOtp.CredentialProvider.Services;

namespace SecureMFA.WinOtp.NativeCaller
{
    /// <summary>
    /// The password-provider seam over a native factory (caller.c's stand-in for CoCreateInstance): it returns an
    /// IUnknown pointer or a failure HRESULT; the cast to <see cref="ICredentialProvider"/> is a QueryInterface on
    /// the native object, as the cast after Activator.CreateInstance is on Windows.
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
            object created;
            try { created = Marshal.GetObjectForIUnknown(unknown); }
            finally { Marshal.Release(unknown); }
            if (created is ICredentialProvider provider) return provider;
            Marshal.FinalReleaseComObject(created);
            throw new InvalidCastException("The Password provider does not answer QueryInterface for ICredentialProvider.");
        }
    }
}
