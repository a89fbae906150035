using System.Runtime.InteropServices;

namespace SecureMFA.WinOtp.CredentialProvider.Com
{
    /// <summary>
    /// Lets go of a native COM object now instead of at the runtime wrapper's finalization, which in LogonUI may be
    /// much later or never: the wrapped Password provider and its credentials hold typed passwords, and LogonUI's
    /// event sinks and user array belong to LogonUI. Each time a native pointer comes into managed code its wrapper
    /// counts one more use; <see cref="Release"/> gives back one (the wrapper may be shared by whoever else got the
    /// same object), <see cref="FinalRelease"/> all (for an object only we created). Managed objects (the tests'
    /// fakes) are not COM wrappers and are left alone.
    /// </summary>
    public static class ComReference
    {
        public static void Release(object? native)
        {
            if (IsWrapper(native)) Marshal.ReleaseComObject(native!);
        }

        public static void FinalRelease(object? native)
        {
            if (IsWrapper(native)) Marshal.FinalReleaseComObject(native!);
        }

#if NETFRAMEWORK
        private static bool IsWrapper(object? native) => native != null && Marshal.IsComObject(native);
#else
        // The net10.0 build runs the tests; runtime COM wrappers exist there only on Windows.
        [System.Runtime.Versioning.SupportedOSPlatformGuard("windows")]
        private static bool IsWrapper(object? native) => System.OperatingSystem.IsWindows() && native != null && Marshal.IsComObject(native);
#endif
    }
}
