namespace SecureMFA.WinOtp.Offline
{
    /// <summary>
    /// How the secret in a vault is locked, inside DPAPI machine scope either way.
    /// <list type="bullet">
    /// <item>Password: under a key from PBKDF2-HMAC-SHA256 (600,000 iterations) of the user's Windows password.
    /// What an online sign-in stores once Windows has accepted the password.</item>
    /// <item>Device: still in the API's wrap for this device (device key + UPN). What a sync on the tile stores
    /// (user name and code only, no password, as the original); the first sign-in Windows accepts re-locks it
    /// under the password.</item>
    /// </list>
    /// </summary>
    public enum VaultForm { Password, Device }
}
