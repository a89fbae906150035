using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// The configuration the demo host registers with the adapter: the file given with --config, or a
    /// generated one (embedded SQLite under the data folder, encryption on with a generated passphrase
    /// kept beside the database, offline QR).
    /// </summary>
    public static class DemoConfiguration
    {
        public const string PassphraseFile = "passphrase.txt";

        public static string Load(string? configPath, string dataFolder)
        {
            if (configPath != null)
            {
                if (!File.Exists(configPath)) throw new FileNotFoundException($"--config: the file \"{configPath}\" does not exist.");
                return File.ReadAllText(configPath, Encoding.UTF8);
            }
            Directory.CreateDirectory(dataFolder);
            var passphrase = LoadOrCreatePassphrase(Path.Combine(dataFolder, PassphraseFile));
            return "{\n" +
                   "  \"company\": \"SecureMFA Demo\",\n" +
                   "  \"auth_mode\": \"SQLITE\",\n" +
                   $"  \"sqlite_path\": {Json(Path.GetFullPath(Path.Combine(dataFolder, "SecureMfaOtp.db")))},\n" +
                   "  \"data_encryption\": \"true\",\n" +
                   $"  \"data_encryption_passphrase\": {Json(passphrase)},\n" +
                   "  \"ui_login_failures\": \"5\",\n" +
                   "  \"ui_lockout_minutes\": \"5\",\n" +
                   "  \"totp_offline_qr_enable\": \"true\"\n" +
                   "}\n";
        }

        private static string LoadOrCreatePassphrase(string path)
        {
            if (File.Exists(path)) return File.ReadAllText(path).Trim();
            var passphrase = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            File.WriteAllText(path, passphrase + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
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
