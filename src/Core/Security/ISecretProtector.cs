namespace SecureMFA.Core.Security
{
    /// <summary>Turns a user's TOTP key into the text stored in SQL or AD, and back.</summary>
    public interface ISecretProtector
    {
        string Protect(string upn, byte[] key);

        /// <summary>Throws <see cref="SecretUnreadableException"/> when the value was altered or belongs to another user.</summary>
        byte[] Unprotect(string upn, string stored);
    }
}
