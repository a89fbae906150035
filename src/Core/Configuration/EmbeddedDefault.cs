using System;
using System.IO;
using System.Text;
using SecureMFA.Core.Security;
using SecureMFA.Otp.Crypto;

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
            return "{\n" +
                   "  \"company\": \"SecureMFA Demo\",\n" +
                   "  \"auth_mode\": \"SQLITE\",\n" +
                   $"  \"sqlite_path\": {Json(Path.GetFullPath(Path.Combine(dataFolder, DatabaseFile)))},\n" +
                   "  \"data_encryption\": \"true\",\n" +
                   $"  \"data_encryption_passphrase\": {Json(passphrase)},\n" +
                   "  \"ui_login_failures\": \"5\",\n" +
                   "  \"ui_lockout_minutes\": \"5\",\n" +
                   $"  \"api_headers_value\": {Json(bootstrap)}\n" +
                   "}\n";
        }

        private static string RandomText(int bytes) => Convert.ToBase64String(RandomBytes.Of(bytes));

        private static string Json(string value)
        {
            var escaped = new StringBuilder("\"");
            foreach (var c in value)
            {
                if (c == '"' || c == '\\') escaped.Append('\\').Append(c);
                else if (c < ' ') escaped.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                else escaped.Append(c);
            }
            return escaped.Append('"').ToString();
        }
    }
}
