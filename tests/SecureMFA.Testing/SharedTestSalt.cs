using SecureMFA.Core.Security;
using SecureMFA.Core.Stores;

namespace SecureMFA.Testing
{
    /// <summary>
    /// One key-derivation salt for the test deployments of a process. A fresh store draws a random salt, and every new
    /// salt costs one PBKDF2 derivation (600,000 iterations, about 190 ms on an idle core, several times that on a busy
    /// CI machine); a fixture that puts this salt into its new store's metadata (kdf-salt-v2, before anything asks for
    /// it) lets Core's process-wide memo of the derived key serve every deployment of a test process with the same
    /// passphrase. Production keeps its random per-deployment salt: nothing in src knows this value, and the
    /// iteration count is the same.
    /// </summary>
    public static class SharedTestSalt
    {
        /// <summary>"SecureMFA test salt, shared": 27 bytes, Base64 as the store keeps it.</summary>
        public const string Base64 = "U2VjdXJlTUZBIHRlc3Qgc2FsdCwgc2hhcmVk";

        /// <summary>Puts the shared salt into a fresh store, before anything asks it for one (a store that has a salt keeps it).</summary>
        public static void SeedInto(IStoreMetadata store) => store.GetOrAdd(KeyDerivationSalt.MetadataName, Base64);
    }
}
