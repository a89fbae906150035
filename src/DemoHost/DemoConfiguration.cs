using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using SecureMFA.Core.Configuration;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// The configuration the demo host registers with the adapter: the file given with --config, or a
    /// generated one (embedded SQLite under the data folder, encryption on with a generated passphrase
    /// kept beside the database, offline QR). Files it creates are readable by their owner only.
    /// </summary>
    public static class DemoConfiguration
    {
        public const string PassphraseFile = "passphrase.txt";
        public const string DatabaseFile = "SecureMfaOtp.db";

        public static string Load(string? configPath, string dataFolder)
        {
            if (configPath != null)
            {
                if (!File.Exists(configPath)) throw new FileNotFoundException($"--config: the file \"{configPath}\" does not exist.");
                var json = File.ReadAllText(configPath, Encoding.UTF8);
                // A SQLite file the demo is about to create is created owner-only; a broken file is the adapter's to report.
                var config = ConfigurationLoader.Parse(json).Configuration;
                if (config != null && config.AuthMode == AuthMode.SQLITE && config.SqlitePath.Length > 0)
                    TryCreateDatabaseFile(config.SqlitePath);
                return json;
            }
            OwnerOnlyFiles.CreateFolder(dataFolder);
            var passphrase = LoadOrCreatePassphrase(Path.Combine(dataFolder, PassphraseFile));
            var database = Path.GetFullPath(Path.Combine(dataFolder, DatabaseFile));
            OwnerOnlyFiles.CreateDatabaseFile(database);
            foreach (var file in new[] { database, database + "-wal", database + "-shm" }) OwnerOnlyFiles.Restrict(file);
            return "{\n" +
                   "  \"company\": \"SecureMFA Demo\",\n" +
                   "  \"auth_mode\": \"SQLITE\",\n" +
                   $"  \"sqlite_path\": {Json(database)},\n" +
                   "  \"data_encryption\": \"true\",\n" +
                   $"  \"data_encryption_passphrase\": {Json(passphrase)},\n" +
                   "  \"ui_login_failures\": \"5\",\n" +
                   "  \"ui_lockout_minutes\": \"5\",\n" +
                   "  \"totp_offline_qr_enable\": \"true\"\n" +
                   "}\n";
        }

        /// <summary>Only in a folder that exists, and quietly: a path the store cannot use is the store's error to report.</summary>
        private static void TryCreateDatabaseFile(string path)
        {
            try
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(path));
                if (string.IsNullOrEmpty(folder) || Directory.Exists(folder)) OwnerOnlyFiles.CreateDatabaseFile(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is IOException || ex is NotSupportedException || ex is UnauthorizedAccessException)
            {
                // The adapter opens the store next and reports what is wrong with the path.
            }
        }

        private static string LoadOrCreatePassphrase(string path)
        {
            if (File.Exists(path))
            {
                OwnerOnlyFiles.Restrict(path);
                return File.ReadAllText(path).Trim();
            }
            var passphrase = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            OwnerOnlyFiles.WriteNew(path, passphrase + "\n");
            return passphrase;
        }

        private static string Json(string value)
        {
            var escaped = new StringBuilder("\"");
            foreach (var c in value)
            {
                if (c == '"' || c == '\\') escaped.Append('\\').Append(c);
                else if (c < ' ') escaped.Append("\\u").Append(((int)c).ToString("x4"));
                else escaped.Append(c);
            }
            return escaped.Append('"').ToString();
        }
    }
}
