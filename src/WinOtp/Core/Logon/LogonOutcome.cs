namespace SecureMFA.WinOtp.Logon
{
    /// <summary>
    /// What the tile does next. Only NotRequired, Accepted, AcceptedOffline, AllowedNotEnrolled and ReportOnly let the
    /// credentials go to Windows.
    /// </summary>
    public enum LogonOutcome
    {
        /// <summary>No code is asked in this scenario and session (RDPonly on the console).</summary>
        NotRequired,
        /// <summary>The WEB API accepted the code.</summary>
        Accepted,
        /// <summary>The API could not be reached; the offline vault accepted the code.</summary>
        AcceptedOffline,
        /// <summary>A sync for offline use stored the user's offline data; nobody signs in.</summary>
        Synced,
        Rejected,
        /// <summary>The code's time step was already used: wait for the next code.</summary>
        Replay,
        Locked,
        Disabled,
        NotEnrolled,
        /// <summary>The user name or code is not of a form that can be checked; nothing was counted.</summary>
        InvalidInput,
        /// <summary>The API could not be reached and offline sign-in was not possible.</summary>
        Unavailable,
        /// <summary>The settings are invalid or the computer is not registered.</summary>
        NotConfigured,
        /// <summary>The API said (signed) that this computer's registration was revoked: every vault is gone, no code is checked here.</summary>
        Revoked,
        /// <summary>The API says the user has no OTP account, and win_unenrolled_policy lets the password alone through (Allow, or Grace before its end).</summary>
        AllowedNotEnrolled,
        /// <summary>win_enforce = ReportOnly: no code asked; what would have been done went to the event log and the API.</summary>
        ReportOnly,
        /// <summary>The tile shows an offline help-desk challenge (<see cref="LogonResult.UnlockChallenge"/>); nobody signs in.</summary>
        Challenge,
        /// <summary>Something unexpected; details are in the event log. Never lets anyone in.</summary>
        Failed,
    }
}
