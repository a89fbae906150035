using SecureMFA.Core.Configuration;

namespace SecureMFA.Core.Security
{
    public static class SecretProtectors
    {
        /// <summary>The protector data_encryption asks for; deriving the key here, once, is the slow part.</summary>
        public static ISecretProtector For(ProviderConfiguration config) =>
            config.DataEncryption ? new EncryptedSecretProtector(config.DataEncryptionPassphrase) : (ISecretProtector)new PlainSecretProtector();
    }
}
