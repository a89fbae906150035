using System.Collections.Generic;

namespace SecureMFA.WinOtp.Platform
{
    /// <summary>
    /// The registry seam: values under HKLM\Software\SecureMFA (subKey "" is that key itself, or a path below it).
    /// Values are int (REG_DWORD), long (REG_QWORD), string (REG_SZ), string[] (REG_MULTI_SZ) or byte[] (REG_BINARY); null when absent.
    /// </summary>
    public interface IMachineRegistry
    {
        object? GetValue(string subKey, string name);
        void SetValue(string subKey, string name, object value);
        void DeleteValue(string subKey, string name);

        /// <summary>
        /// A value Group Policy set under HKLM\Software\Policies\SecureMFA (<see cref="Settings.SettingNames.PolicyRegistryPath"/>),
        /// which wins over the same name under HKLM\Software\SecureMFA; null when absent. Only read: policies belong to Group Policy.
        /// </summary>
        object? GetPolicyValue(string name);

        /// <summary>
        /// Creates the key below HKLM\Software\SecureMFA if needed and gives it an explicit ACL of its own: full control
        /// for SYSTEM (LogonUI) and BUILTIN\Administrators, no other entry, nothing inherited — where a key under
        /// HKLM\Software otherwise inherits read access for every local user.
        /// </summary>
        void ProtectKey(string subKey);

        /// <summary>
        /// Who besides SYSTEM and BUILTIN\Administrators is allowed any access to the key or owns it (account names,
        /// or SIDs where a name cannot be found); empty when nobody else; null when the key does not exist.
        /// </summary>
        IReadOnlyList<string>? OthersWithAccess(string subKey);
    }
}
