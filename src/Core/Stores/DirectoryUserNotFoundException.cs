using System;

namespace SecureMFA.Core.Stores
{
    /// <summary>AD mode: no directory user has this userPrincipalName, so there is nowhere to keep OTP data.</summary>
    public sealed class DirectoryUserNotFoundException : Exception
    {
        public DirectoryUserNotFoundException(string upn)
            : base($"No Active Directory user has the userPrincipalName \"{upn}\". Check the UPN, or give the account a UPN.")
        {
            Upn = upn;
        }

        public string Upn { get; }
    }
}
