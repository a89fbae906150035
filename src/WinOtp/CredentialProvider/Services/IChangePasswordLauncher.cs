namespace SecureMFA.WinOtp.CredentialProvider.Services
{
    /// <summary>
    /// Starts Microsoft Edge in kiosk mode at the password portal as the user who owns this session (never as SYSTEM:
    /// see <see cref="Tile.ChangePasswordLink"/>). On Windows: WTSQueryUserToken for LogonUI's session, then
    /// CreateProcessAsUser on that user's desktop.
    /// </summary>
    public interface IChangePasswordLauncher
    {
        /// <summary>True when the browser started; otherwise false with the reason, for the tile.</summary>
        bool TryStartAsSessionUser(string url, out string reason);
    }
}
