namespace SecureMFA.WinOtp.CredentialProvider.Kerberos
{
    /// <summary>
    /// The contents of a KERB_INTERACTIVE_UNLOCK_LOGON: who signs in, with which password, for which logon session.
    /// The password is as serialized: possibly CredProtect-encrypted (see <see cref="Services.IPasswordUnprotector"/>).
    /// </summary>
    public sealed class InteractiveUnlockLogon
    {
        public InteractiveUnlockLogon(KerbLogonMessageType messageType, string domain, string userName, string password, uint logonIdLow = 0, int logonIdHigh = 0)
        {
            MessageType = messageType;
            Domain = domain ?? "";
            UserName = userName ?? "";
            Password = password ?? "";
            LogonIdLow = logonIdLow;
            LogonIdHigh = logonIdHigh;
        }

        public KerbLogonMessageType MessageType { get; }
        public string Domain { get; }
        public string UserName { get; }
        public string Password { get; }
        /// <summary>LUID LogonId: LowPart (DWORD) and HighPart (LONG). Zero from a credential provider.</summary>
        public uint LogonIdLow { get; }
        public int LogonIdHigh { get; }

        /// <summary>The name as a person would type it: DOMAIN\user, or the user part alone when it is a UPN or there is no domain.</summary>
        public string QualifiedUserName =>
            Domain.Length == 0 || UserName.IndexOf('@') >= 0 ? UserName : $"{Domain}\\{UserName}";
    }

    /// <summary>KERB_LOGON_SUBMIT_TYPE values (ntsecapi.h) the shell meets in a KERB_INTERACTIVE_UNLOCK_LOGON.</summary>
    public enum KerbLogonMessageType
    {
        /// <summary>CredUI: the message type does not apply there.</summary>
        NotApplicable = 0,
        /// <summary>KerbInteractiveLogon: a logon (also what Remote Desktop clients send).</summary>
        InteractiveLogon = 2,
        /// <summary>KerbWorkstationUnlockLogon: unlocking a locked session.</summary>
        WorkstationUnlockLogon = 7,
    }
}
