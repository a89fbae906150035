namespace SecureMFA.WinOtp.CredentialProvider.Services
{
    /// <summary>
    /// The Password provider serializes the password CredProtect-encrypted for logon and unlock. The offline vault
    /// needs the password itself (it is the key's secret): on Windows, CredIsProtected then CredUnprotect, in
    /// LogonUI's own process, which protected it.
    /// </summary>
    public interface IPasswordUnprotector
    {
        /// <summary>The plain password; text that is not protected comes back unchanged. Throws when a protected password cannot be opened.</summary>
        string Unprotect(string serializedPassword);
    }
}
