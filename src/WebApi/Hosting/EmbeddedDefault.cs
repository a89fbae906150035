using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace SecureMFA.WebApi.Hosting
{
    /// <summary>
    /// The configuration used without --config: the demo host's (SQLite under the data folder, encryption on, the
    /// passphrase generated once into passphrase.txt), so a user enrolled on the demo page signs in through the API,
    /// plus a generated bootstrap value (api_headers_value) kept in api-bootstrap.txt. Both files are owner-only.
    /// </summary>
    public static class EmbeddedDefault
    {
        public const string PassphraseFile = "passphrase.txt";
        public const string BootstrapFile = "api-bootstrap.txt";
        public const string DatabaseFile = "SecureMfaOtp.db";

        /// <summary>The configuration JSON; <paramref name="newBootstrap"/> is the bootstrap value if it was generated now, else null.</summary>
        public static string Create(string dataFolder, out string? newBootstrap)
        {
            Directory.CreateDirectory(dataFolder);
            var passphrase = LoadOrCreate(Path.Combine(dataFolder, PassphraseFile), 32, out _);
            var bootstrap = LoadOrCreate(Path.Combine(dataFolder, BootstrapFile), 24, out var created);
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

        /// <summary>The file's trimmed text; if there is none, random bytes in Base64, written owner-only.</summary>
        private static string LoadOrCreate(string path, int bytes, out bool created)
        {
            created = false;
            if (File.Exists(path)) return File.ReadAllText(path).Trim();
            var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
            // Created owner-only from the first byte, not narrowed after writing.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(path, Encoding.ASCII, options)) writer.Write(value + "\n");
            created = true;
            return value;
        }

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
