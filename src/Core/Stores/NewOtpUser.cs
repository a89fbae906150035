using SecureMFA.Otp.Totp;

namespace SecureMFA.Core.Stores
{
    /// <summary>A user to create: UPN, protected secret and the TOTP parameters the secret is used with.</summary>
    public sealed class NewOtpUser
    {
        public NewOtpUser(string upn, string protectedSecret, TotpParameters parameters, bool disabled = false) =>
            (Upn, ProtectedSecret, Parameters, Disabled) = (upn, protectedSecret, parameters, disabled);

        public string Upn { get; }
        public string ProtectedSecret { get; }
        public TotpParameters Parameters { get; }
        public bool Disabled { get; }
    }
}
