using System.ComponentModel;

namespace SecureMFA.WinOtp.Cmdlets.Output
{
    /// <summary>One thing Install- or Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider did: what (Kind, Name) and what happened (Action), with Detail.</summary>
    [Description("One object per change: Kind (Device registration, File, Folder, Event source, Setting, Registry key, COM class, " +
        "Credential provider, Credential provider filter), Name, Action (what was done, or with -WhatIf what would be) and Detail.")]
    public sealed class WinOtpChange
    {
        public const string Device = "Device registration";
        public const string File = "File";
        public const string Folder = "Folder";
        public const string EventSource = "Event source";
        public const string Setting = "Setting";
        public const string RegistryKey = "Registry key";
        public const string ComClass = "COM class";
        public const string CredentialProvider = "Credential provider";
        public const string CredentialProviderFilter = "Credential provider filter";

        public WinOtpChange(string kind, string name, string action, string detail = "") => (Kind, Name, Action, Detail) = (kind, name, action, detail);

        public string Kind { get; }
        public string Name { get; }
        public string Action { get; }
        public string Detail { get; }

        public override string ToString() => Detail.Length > 0 ? $"{Kind} {Name}: {Action} ({Detail})" : $"{Kind} {Name}: {Action}";
    }
}
