using System;
using System.IO;
using SecureMFA.Core.Security;
using SecureMFA.Otp.Crypto;
using SecureMFA.Otp.Json;

namespace SecureMFA.Core.Configuration
{
    /// <summary>
    /// The configuration the demo host and the WEB API use without --config: SQLite in a data folder, encryption on with
    /// a passphrase generated once into passphrase.txt, and a generated WEB API bootstrap value (api_headers_value) in
    /// api-bootstrap.txt. Both hosts read the same files, so a user enrolled on the demo page signs in through the API.
    /// Every file is created owner-only (<see cref="OwnerOnlyFiles"/>).
    /// </summary>
    public static class EmbeddedDefault
    {
        public const string PassphraseFile = "passphrase.txt";
        public const string BootstrapFile = "api-bootstrap.txt";
        public const string DatabaseFile = "SecureMfaOtp.db";

        /// <summary>The configuration JSON; <paramref name="newBootstrap"/> is the bootstrap value if it was generated now, else null.</summary>
        public static string Create(string dataFolder, out string? newBootstrap)
        {
            OwnerOnlyFiles.CreateFolder(dataFolder);
            var passphrase = OwnerOnlyFiles.ReadOrCreate(Path.Combine(dataFolder, PassphraseFile), () => RandomText(32), out _);
            var bootstrap = OwnerOnlyFiles.ReadOrCreate(Path.Combine(dataFolder, BootstrapFile), () => RandomText(24), out var created);
            newBootstrap = created ? bootstrap : null;
            // Values as strings, as in the shipped template people copy from.
            return new JsonWriter()
                .Add(ConfigurationKeys.Company, "SecureMFA Demo")
                .Add(ConfigurationKeys.AuthMode, "SQLITE")
                .Add(ConfigurationKeys.SqlitePath, Path.GetFullPath(Path.Combine(dataFolder, DatabaseFile)))
                .Add(ConfigurationKeys.DataEncryption, "true")
                .Add(ConfigurationKeys.DataEncryptionPassphrase, passphrase)
                .Add(ConfigurationKeys.UiLoginFailures, "5")
                .Add(ConfigurationKeys.UiLockoutMinutes, "5")
                .Add(ConfigurationKeys.ApiHeadersValue, bootstrap)
                .ToIndentedString();
        }

        private static string RandomText(int bytes) => Convert.ToBase64String(RandomBytes.Of(bytes));
    }
}
