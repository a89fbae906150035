#if NETFRAMEWORK
using System;
using System.Collections.Generic;
using System.Security.AccessControl;
using System.Security.Principal;
using Microsoft.Win32;

namespace SecureMFA.WinOtp.Platform.Windows
{
    /// <summary>HKLM\Software\SecureMFA in the 64-bit view (LogonUI is x64). Windows only; not run on this build machine.</summary>
    public sealed class WindowsMachineRegistry : IMachineRegistry
    {
        public const string KeyPath = @"Software\SecureMFA";
        public const string PolicyKeyPath = @"Software\Policies\SecureMFA";

        public object? GetValue(string subKey, string name)
        {
            using (var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64))
            using (var key = root.OpenSubKey(Path(subKey), false))
                return key?.GetValue(name, null, RegistryValueOptions.DoNotExpandEnvironmentNames);
        }

        public object? GetPolicyValue(string name)
        {
            using (var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64))
            using (var key = root.OpenSubKey(PolicyKeyPath, false))
                return key?.GetValue(name, null, RegistryValueOptions.DoNotExpandEnvironmentNames);
        }

        public void SetValue(string subKey, string name, object value)
        {
            var kind = value is int ? RegistryValueKind.DWord
                : value is long ? RegistryValueKind.QWord
                : value is byte[] ? RegistryValueKind.Binary
                : value is string ? RegistryValueKind.String
                : value is string[] ? RegistryValueKind.MultiString
                : throw new ArgumentException("Registry values are int, long, byte[], string or string[].", nameof(value));
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

        /// <summary>The same ACL as the module's Protect-SecureMfaWinOtpRegistryKey (what the installer runs); owner Administrators.</summary>
        public void ProtectKey(string subKey)
        {
            var security = new RegistrySecurity();
            security.SetAccessRuleProtection(true, false);
            foreach (var trusted in new[] { WellKnownSidType.LocalSystemSid, WellKnownSidType.BuiltinAdministratorsSid })
                security.AddAccessRule(new RegistryAccessRule(new SecurityIdentifier(trusted, null), RegistryRights.FullControl,
                    InheritanceFlags.ContainerInherit, PropagationFlags.None, AccessControlType.Allow));
            security.SetOwner(new SecurityIdentifier(WellKnownSidType.BuiltinAdministratorsSid, null));
            using (var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64))
            {
                // A new key is created with the ACL; one that was there already gets it below (the handle CreateSubKey
                // returns has no right to change an ACL or an owner).
                root.CreateSubKey(Path(subKey), RegistryKeyPermissionCheck.ReadWriteSubTree, security)!.Dispose();
                using (var key = root.OpenSubKey(Path(subKey), RegistryKeyPermissionCheck.ReadWriteSubTree,
                    RegistryRights.ChangePermissions | RegistryRights.TakeOwnership | RegistryRights.ReadPermissions))
                    key!.SetAccessControl(security);
            }
        }

        public IReadOnlyList<string>? OthersWithAccess(string subKey)
        {
            var others = new List<string>();
            using (var root = RegistryKey.OpenBaseKey(RegistryHive.LocalMachine, RegistryView.Registry64))
            using (var key = root.OpenSubKey(Path(subKey), RegistryKeyPermissionCheck.ReadSubTree, RegistryRights.ReadPermissions))
            {
                if (key == null) return null;
                var security = key.GetAccessControl(AccessControlSections.Access | AccessControlSections.Owner);
                // An owner may rewrite the ACL at will, so another owner counts as access.
                var owner = security.GetOwner(typeof(SecurityIdentifier)) as SecurityIdentifier;
                if (!IsTrusted(owner)) others.Add($"owner {Name(owner)}");
                foreach (RegistryAccessRule rule in security.GetAccessRules(true, true, typeof(SecurityIdentifier)))
                {
                    if (rule.AccessControlType != AccessControlType.Allow || (rule.PropagationFlags & PropagationFlags.InheritOnly) != 0) continue;
                    var sid = rule.IdentityReference as SecurityIdentifier;
                    if (IsTrusted(sid)) continue;
                    var name = Name(sid);
                    if (!others.Contains(name)) others.Add(name);
                }
            }
            return others;
        }

        private static bool IsTrusted(SecurityIdentifier? sid) =>
            sid != null && (sid.IsWellKnown(WellKnownSidType.LocalSystemSid) || sid.IsWellKnown(WellKnownSidType.BuiltinAdministratorsSid));

        private static string Name(SecurityIdentifier? sid)
        {
            if (sid == null) return "(unknown)";
            try { return sid.Translate(typeof(NTAccount)).Value; }
            catch (SystemException) { return sid.Value; }
        }

        private static string Path(string subKey) => string.IsNullOrEmpty(subKey) ? KeyPath : $"{KeyPath}\\{subKey}";
    }
}
#endif
