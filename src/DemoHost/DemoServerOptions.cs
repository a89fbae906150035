using System.IO;
using System.Text;
using SecureMFA.Core.Configuration;

namespace SecureMFA.DemoHost
{
    /// <summary>
    /// The configuration the demo host registers with the adapter: the file given with --config, or the embedded default
    /// shared with the WEB API (SQLite under the data folder, encryption on, generated passphrase, owner-only files).
    /// </summary>
    public static class DemoConfiguration
    {
        public static string Load(string? configPath, string dataFolder)
        {
            if (configPath == null) return EmbeddedDefault.Create(dataFolder, out _);
            if (!File.Exists(configPath)) throw new FileNotFoundException($"--config: the file \"{configPath}\" does not exist.");
            return File.ReadAllText(configPath, Encoding.UTF8);
        }
    }
}
