namespace SecureMFA.WinOtp.CredentialProvider.Kerberos
{
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
