using System;

namespace SecureMFA.Core.Security
{
    /// <summary>A stored secret that cannot be used: tampered, copied from another user, or under another passphrase.</summary>
    public sealed class SecretUnreadableException : Exception
    {
        public SecretUnreadableException(string upn, string reason)
            : base($"The stored OTP secret of {upn} cannot be used: {reason}. Reset the user to enrol again.")
        {
            Upn = upn;
        }

        public string Upn { get; }
    }
}
