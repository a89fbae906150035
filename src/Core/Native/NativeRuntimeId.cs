using System.Runtime.InteropServices;

namespace SecureMFA.Core.Native
{
    /// <summary>
    /// The runtime identifier (win-x64, linux-x64, …) of the running process: it names the native/&lt;rid&gt; folder whose
    /// library matches this operating system and this process's architecture (a 32-bit process on 64-bit Windows is win-x86).
    /// </summary>
    public static class NativeRuntimeId
    {
        public static string Current => For(OperatingSystem(), RuntimeInformation.ProcessArchitecture);

        public static string For(string operatingSystem, Architecture architecture) =>
            operatingSystem + "-" + architecture.ToString().ToLowerInvariant();

        private static string OperatingSystem()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return "win";
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) return "osx";
            return "linux";
        }
    }
}
