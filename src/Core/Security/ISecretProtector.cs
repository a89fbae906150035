namespace SecureMFA.Core.Security
{
    /// <summary>Turns a user's TOTP key into the text stored in SQL or AD, and back.</summary>
    public interface ISecretProtector
    {
        /// <summary>Does the slow part now (deriving the key from the passphrase), at start-up rather than in the first sign-in.</summary>
        void Prepare();

        string Protect(string upn, byte[] key);

        /// <summary>Throws <see cref="SecretUnreadableException"/> when the value was altered or belongs to another user.</summary>
        byte[] Unprotect(string upn, string stored);

        /// <summary>False for a readable value in an older format, to be rewritten (after a successful sign-in, or by ConvertTo-xOTP_EncryptedSecret).</summary>
        bool IsCurrentFormat(string stored);
    }
}
