namespace SecureMFA.Adapter
{
    /// <summary>Which page the adapter shows.</summary>
    public enum PageKind
    {
        /// <summary>The QR code, the key and the first code.</summary>
        Enrol,
        /// <summary>The code from the app.</summary>
        Code,
        /// <summary>A one-time recovery code instead of the app's code.</summary>
        Recovery,
        /// <summary>Signed in with a recovery code and few are left: says how many, then continues.</summary>
        RecoveryUsed,
        Locked,
        Disabled,
        EnrolmentNotAllowed,
        /// <summary>A store that is down, a broken configuration, an AD FS error.</summary>
        Unavailable,
    }
}
