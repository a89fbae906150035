#if NETFRAMEWORK
using System;
using Microsoft.Win32;

namespace SecureMFA.WinOtp.Platform.Windows
{
    /// <summary>HKLM\Software\SecureMFA in the 64-bit view (LogonUI is x64). Windows only; not run on this build machine.</summary>
    public sealed class WindowsMachineRegistry : IMachineRegistry
    {
        public const string KeyPath = @"Software\SecureMFA";

        public object? GetValue(string subKey, string name)
        {
            using (var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64))
            using (var key = root.OpenSubKey(Path(subKey), false))
                return key?.GetValue(name, null, RegistryValueOptions.DoNotExpandEnvironmentNames);
        }

        public void SetValue(string subKey, string name, object value)
        {
            var kind = value is int ? RegistryValueKind.DWord
                : value is long ? RegistryValueKind.QWord
                : value is byte[] ? RegistryValueKind.Binary
                : value is string ? RegistryValueKind.String
                : throw new ArgumentException("Registry values are int, long, byte[] or string.", nameof(value));
            using (var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64))
            using (var key = root.CreateSubKey(Path(subKey), true))
                key!.SetValue(name, value, kind);
        }

        public void DeleteValue(string subKey, string name)
        {
            using (var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64))
            using (var key = root.OpenSubKey(Path(subKey), true))
                key?.DeleteValue(name, false);
        }

        private static string Path(string subKey) => string.IsNullOrEmpty(subKey) ? KeyPath : KeyPath + "\\" + subKey;
    }
}
#endif
