using System;
using System.Collections;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Cmdlets.Infrastructure
{
    /// <summary>
    /// WinOtp.Core's registry seam (HKLM\Software\SecureMFA and below) over the module's registry functions, called on
    /// the pipeline thread whatever thread WinOtp.Core calls from. Also the registry of the rest of the install.
    /// </summary>
    public sealed class SeamRegistry : IMachineRegistry
    {
        public const string GetCommand = "Get-SecureMfaWinOtpRegistryValue";
        public const string SetCommand = "Set-SecureMfaWinOtpRegistryValue";
        public const string RemoveValueCommand = "Remove-SecureMfaWinOtpRegistryValue";
        public const string RemoveKeyCommand = "Remove-SecureMfaWinOtpRegistryKey";

        private readonly PlatformCommands _platform;
        private readonly PipelineDispatcher _dispatcher;

        public SeamRegistry(PlatformCommands platform, PipelineDispatcher dispatcher)
        {
            _platform = platform ?? throw new ArgumentNullException(nameof(platform));
            _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        }

        public object? GetValue(string subKey, string name) => Read(SettingsKey(subKey), name);

        public void SetValue(string subKey, string name, object value) => Write(new RegistryEntry(SettingsKey(subKey), name, RegistryEntry.KindOf(value), value));

        public void DeleteValue(string subKey, string name) => RemoveValue(SettingsKey(subKey), name);

        public object? Read(string key, string name) => _dispatcher.Invoke(() =>
            _platform.Value(GetCommand, new Hashtable { ["Path"] = key, ["Name"] = name }));

        public void Write(RegistryEntry entry) => _dispatcher.Invoke(() =>
            _platform.Invoke(SetCommand, new Hashtable { ["Path"] = entry.Key, ["Name"] = entry.Name, ["Kind"] = entry.Kind, ["Value"] = entry.Value }));

        public bool RemoveValue(string key, string name) => _dispatcher.Invoke(() =>
            _platform.Flag(RemoveValueCommand, new Hashtable { ["Path"] = key, ["Name"] = name }));

        public bool RemoveKey(string key, bool onlyIfEmpty = false) => _dispatcher.Invoke(() =>
        {
            var parameters = new Hashtable { ["Path"] = key };
            if (onlyIfEmpty) parameters["OnlyIfEmpty"] = true;
            return _platform.Flag(RemoveKeyCommand, parameters);
        });

        /// <summary>HKLM\Software\SecureMFA, or a key below it.</summary>
        public static string SettingsKey(string subKey) => string.IsNullOrEmpty(subKey) ? SettingNames.RegistryPath : SettingNames.RegistryPath + "\\" + subKey;
    }
}
