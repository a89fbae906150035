using System;
using SecureMFA.Core.Stores;
using SecureMFA.Otp.Crypto;

namespace SecureMFA.Core.Security
{
    /// <summary>
    /// The random per-deployment salt of key format v2. It lives in the store's metadata (SQL table Metadata, or the
    /// AD settings container) so every server finds the same one and the passphrase alone still opens the data.
    /// </summary>
    public static class KeyDerivationSalt
    {
        public const string MetadataName = "kdf-salt-v2";

        public static byte[] From(IStoreMetadata metadata)
        {
            var proposed = RandomBytes.Of(PassphraseKey.SaltBytes);
            var stored = metadata.GetOrAdd(MetadataName, Convert.ToBase64String(proposed));
            try
            {
                var salt = Convert.FromBase64String(stored);
                if (salt.Length >= PassphraseKey.SaltBytes) return salt;
            }
            catch (FormatException) { /* reported below */ }
            throw new StoreUnavailableException($"The store's {MetadataName} setting is not a salt of at least {PassphraseKey.SaltBytes} bytes: it was altered; restore it from a backup.");
        }
    }
}
