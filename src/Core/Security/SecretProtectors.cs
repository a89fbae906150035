using SecureMFA.Core.Configuration;
using SecureMFA.Core.Stores;

namespace SecureMFA.Core.Security
{
    public static class SecretProtectors
    {
        /// <summary>
        /// The protector data_encryption asks for. The key is derived from the passphrase and the salt in the store's
        /// metadata on first use (deliberately slow): call <see cref="ISecretProtector.Prepare"/> at start-up.
        /// </summary>
        public static ISecretProtector For(ProviderConfiguration config, IStoreMetadata metadata) =>
            config.DataEncryption
                ? new EncryptedSecretProtector(config.DataEncryptionPassphrase, () => KeyDerivationSalt.From(metadata))
                : (ISecretProtector)new PlainSecretProtector();
    }
}
