namespace SecureMFA.WinOtp.Cmdlets.Output
{
    /// <summary>One thing Install- or Uninstall-SecureMFA_WIN_OTP_AuthenticationProvider did: what (Kind, Name) and what happened (Action), with Detail.</summary>
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

        public WinOtpChange(string kind, string name, string action, string detail = "")
        {
            Kind = kind;
            Name = name;
            Action = action;
            Detail = detail;
        }

        public string Kind { get; }
        public string Name { get; }
        public string Action { get; }
        public string Detail { get; }

        public override string ToString() => Kind + " " + Name + ": " + Action + (Detail.Length > 0 ? " (" + Detail + ")" : "");
    }

    /// <summary>One check of Test-SecureMFA_WIN_OTP.</summary>
    public sealed class WinOtpCheck
    {
        public WinOtpCheck(string check, bool passed, string detail)
        {
            Check = check;
            Passed = passed;
            Detail = detail;
        }

        public string Check { get; }
        public bool Passed { get; }
        public string Detail { get; }

        public override string ToString() => (Passed ? "PASS " : "FAIL ") + Check + ": " + Detail;
    }
}
