namespace SecureMFA.Otp.Totp
{
    /// <summary>The HMAC used by RFC 6238; SHA1 is what every authenticator app supports.</summary>
    public enum TotpAlgorithm { SHA1, SHA256, SHA512 }
}
