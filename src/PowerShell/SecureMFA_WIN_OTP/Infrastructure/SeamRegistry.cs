using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using SecureMFA.WinOtp.Platform;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Cmdlets.Infrastructure
{
    /// <summary>
    /// WinOtp.Core's registry seam (HKLM\Software\SecureMFA and below) over the module's registry functions, called on
    /// the pipeline thread whatever thread WinOtp.Core calls from. Also the registry of the rest of the install.
    /// </summary>
    internal sealed class SeamRegistry : PipelineSeam, IMachineRegistry
    {
        public const string GetCommand = "Get-SecureMfaWinOtpRegistryValue";
        public const string KindCommand = "Get-SecureMfaWinOtpRegistryValueKind";
        public const string SetCommand = "Set-SecureMfaWinOtpRegistryValue";
        public const string RemoveValueCommand = "Remove-SecureMfaWinOtpRegistryValue";
        public const string RemoveKeyCommand = "Remove-SecureMfaWinOtpRegistryKey";
        public const string ProtectKeyCommand = "Protect-SecureMfaWinOtpRegistryKey";
        public const string KeyAccessCommand = "Get-SecureMfaWinOtpRegistryKeyAccess";

        public SeamRegistry(PlatformCommands platform, PipelineDispatcher dispatcher) : base(platform, dispatcher) { }

        public object? GetValue(string subKey, string name) => Read(SettingsKey(subKey), name);

        public object? GetPolicyValue(string name) => Read(SettingNames.PolicyRegistryPath, name);

        public void SetValue(string subKey, string name, object value) => Write(new RegistryEntry(SettingsKey(subKey), name, RegistryEntry.KindOf(value), value));

        public void DeleteValue(string subKey, string name) => RemoveValue(SettingsKey(subKey), name);

        public void ProtectKey(string subKey) => Protect(SettingsKey(subKey));

        public IReadOnlyList<string>? OthersWithAccess(string subKey) => Access(SettingsKey(subKey));

        public object? Read(string key, string name) => OnPipeline(platform =>
            platform.Value(GetCommand, new Hashtable { ["Path"] = key, ["Name"] = name }));

        /// <summary>
        /// A REG_MULTI_SZ value as its lines; null when the value is absent or of another type. The engine unrolls the
        /// list one line per object (an empty list into nothing), so the type is asked separately.
        /// </summary>
        public string[]? ReadList(string key, string name) => OnPipeline(platform =>
        {
            if (!string.Equals(platform.Text(KindCommand, new Hashtable { ["Path"] = key, ["Name"] = name }), RegistryEntry.MultiString, StringComparison.OrdinalIgnoreCase)) return null;
            return platform.Invoke(GetCommand, new Hashtable { ["Path"] = key, ["Name"] = name })
                .Select(o => o?.BaseObject).Where(o => o != null).SelectMany(o => o is System.Collections.IEnumerable many && !(o is string) ? many.Cast<object>() : new[] { o! })
                .Select(o => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray();
        });

        public void Write(RegistryEntry entry) => OnPipeline(platform =>
            platform.Invoke(SetCommand, new Hashtable { ["Path"] = entry.Key, ["Name"] = entry.Name, ["Kind"] = entry.Kind, ["Value"] = entry.Value }));

        public bool RemoveValue(string key, string name) => OnPipeline(platform =>
            platform.Flag(RemoveValueCommand, new Hashtable { ["Path"] = key, ["Name"] = name }));

        public bool RemoveKey(string key, bool onlyIfEmpty = false) => OnPipeline(platform =>
        {
            var parameters = new Hashtable { ["Path"] = key };
            if (onlyIfEmpty) parameters["OnlyIfEmpty"] = true;
            return platform.Flag(RemoveKeyCommand, parameters);
        });

        /// <summary>Creates the key if needed with an explicit ACL: SYSTEM and Administrators full control, nothing else, nothing inherited.</summary>
        public void Protect(string key) => OnPipeline(platform =>
            platform.Invoke(ProtectKeyCommand, new Hashtable { ["Path"] = key }));

        /// <summary>
        /// Who besides SYSTEM and Administrators has access to the key or owns it; empty when nobody; null when there is no
        /// such key. The function answers with one object: Exists, and Others (the names).
        /// </summary>
        public IReadOnlyList<string>? Access(string key) => OnPipeline(platform =>
        {
            var answer = platform.Invoke(KeyAccessCommand, new Hashtable { ["Path"] = key }).FirstOrDefault(o => o != null)
                ?? throw new PlatformCommandException(KeyAccessCommand, new InvalidOperationException("it returned nothing"));
            if (!(answer.Properties["Exists"]?.Value is bool exists)) throw new PlatformCommandException(KeyAccessCommand, new InvalidOperationException("its answer has no Exists"));
            if (!exists) return null;
            var others = answer.Properties["Others"]?.Value;
            var names = others is System.Collections.IEnumerable list && !(others is string) ? list.Cast<object?>() : new[] { others };
            return (IReadOnlyList<string>)names.Select(n => (n as System.Management.Automation.PSObject)?.BaseObject ?? n)
                .Select(n => n?.ToString()).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToArray();
        });

        /// <summary>HKLM\Software\SecureMFA, or a key below it.</summary>
        public static string SettingsKey(string subKey) => string.IsNullOrEmpty(subKey) ? SettingNames.RegistryPath : $"{SettingNames.RegistryPath}\\{subKey}";
    }
}
