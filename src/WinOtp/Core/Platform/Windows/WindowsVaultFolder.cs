#if NETFRAMEWORK
using System.IO;
using System.Security.AccessControl;
using System.Security.Principal;

namespace SecureMFA.WinOtp.Platform.Windows
{
    /// <summary>
    /// %ProgramData%\SecureMFA_WIN_OTP\vault with an ACL of SYSTEM only, inheritance cut, on the folder and on
    /// every file before it replaces the old one. Windows only.
    /// </summary>
    public sealed class WindowsVaultFolder : VaultFolder
    {
        public WindowsVaultFolder() : this(DefaultPath) { }

        public WindowsVaultFolder(string path) : base(path) { }

        public static string DefaultPath => System.IO.Path.Combine(
            System.Environment.GetFolderPath(System.Environment.SpecialFolder.CommonApplicationData), "SecureMFA_WIN_OTP", "vault");

        /// <summary>
        /// Users may create folders under %ProgramData%: one who made the vault folder before the installer did would
        /// own it and could read or roll back the files. Only a folder owned by SYSTEM or Administrators is used.
        /// </summary>
        protected override void CheckExistingFolder(string folder)
        {
            var owner = Directory.GetAccessControl(folder, AccessControlSections.Owner).GetOwner(typeof(SecurityIdentifier)) as SecurityIdentifier;
            if (owner == null || !(owner.IsWellKnown(WellKnownSidType.LocalSystemSid) || owner.IsWellKnown(WellKnownSidType.BuiltinAdministratorsSid)))
                throw new IOException($"The vault folder {folder} is not owned by SYSTEM or Administrators; it is not used. Delete it and sign in online.");
            RestrictAccess(folder);
        }

        protected override void RestrictAccess(string fileOrFolder)
        {
            var system = new SecurityIdentifier(WellKnownSidType.LocalSystemSid, null);
            if (Directory.Exists(fileOrFolder))
            {
                var security = new DirectorySecurity();
                security.SetAccessRuleProtection(true, false);
                security.AddAccessRule(new FileSystemAccessRule(system, FileSystemRights.FullControl,
                    InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit, PropagationFlags.None, AccessControlType.Allow));
                Directory.SetAccessControl(fileOrFolder, security);
            }
            else
            {
                var security = new FileSecurity();
                security.SetAccessRuleProtection(true, false);
                security.AddAccessRule(new FileSystemAccessRule(system, FileSystemRights.FullControl, AccessControlType.Allow));
                File.SetAccessControl(fileOrFolder, security);
            }
        }
    }
}
#endif
